import * as E from 'fp-ts/lib/Either.js';
import { join } from 'node:path';
import { writeFilesAtomically } from '../../node/writeFiles.js';
import { renderCatalogueHtml, renderCatalogueMarkdown } from '../../policy/catalogue.js';
import type { CatalogueInput } from '../../policy/catalogue.js';
import { vectorsForVersion, versionsOf } from '../../policy/workspace.js';
import { pickVersions } from '../../ruleSets/versions.js';
import { dateProblem } from '../../util/dates.js';
import { builtinFacts } from '../../ruleSets/load.js';
import { parseCommandArgs, usageError } from '../args.js';
import { loadWorkspace, refuseInvalid } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { messages } from '../messages.js';

/** The catalogue's file names. */
export const CATALOGUE_FILES = ['regelkatalog.nb.md', 'regelkatalog.nn.md', 'regelkatalog.html'] as const;

/**
 * `docs <dir> --out <dir>`: the rule catalogue in bokmål and nynorsk, as Markdown and as one
 * self-contained HTML page. Everything is rendered before anything is written, and written all or
 * nothing, so bad input or a failed write leaves no partial catalogue.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(
    'docs',
    args,
    { out: { type: 'string' }, 'as-of': { type: 'string' } },
    { min: 1, max: 1, names: (m) => [m.argTarget] },
    io,
  );
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const outDir = p.values['out'];
  if (typeof outDir !== 'string' || outDir === '') return usageError(io, lang, 'docs', m.missingArgument('--out'));
  const asOf = (p.values['as-of'] as string | undefined) ?? io.today();
  if (dateProblem(asOf)) return usageError(io, lang, 'docs', m.badDate('--as-of'));
  const lw = loadWorkspace(p.positionals[0]!, lang, io, 'docs');
  if (typeof lw === 'number') return lw;
  const refused = refuseInvalid(lw, lang, io, 'docs');
  if (refused !== undefined) return refused;

  const input: CatalogueInput = {
    facts: builtinFacts(),
    // Of several versions of a rule set, the one in force on --as-of is described; the others are
    // lines in its change log.
    ruleSets: pickVersions(
      lw.ws.ruleSets.filter((r) => r.compiled && lw.relevant.has(r.path)),
      (r) => r.compiled!,
      asOf,
    ).map((r) => ({
      ruleSet: r.compiled!,
      path: r.path,
      vectors: vectorsForVersion(lw.ws, r.compiled!).map(({ vectors, indices }) => ({
        ...vectors.file!,
        vectors: indices.map((i) => vectors.file!.vectors[i]!),
      })),
      versions: versionsOf(lw.ws, r.compiled!.id),
    })),
  };
  const files = [
    { name: CATALOGUE_FILES[0], text: renderCatalogueMarkdown(input, 'nb') },
    { name: CATALOGUE_FILES[1], text: renderCatalogueMarkdown(input, 'nn') },
    { name: CATALOGUE_FILES[2], text: renderCatalogueHtml(input) },
  ];
  const w = writeFilesAtomically(outDir, files);
  if (E.isLeft(w)) {
    io.err(`oppfolgingsteam docs: ${m.writeFailed(w.left.path)}\n`);
    return EXIT.usage;
  }
  io.out(`${m.docsWritten(files.length, outDir)}\n${files.map((f) => `  ${join(outDir, f.name)}`).join('\n')}\n`);
  return EXIT.ok;
}
