import * as E from '../../util/either.js';
import { basename, join, relative } from 'node:path';
import { loadDocx, renderDocx } from '../../node/catalogueDocx.js';
import { writeFilesAtomically } from '../../node/writeFiles.js';
import type { CatalogueInput, CatalogueLang } from '../../policy/catalogue.js';
import { catalogueBlocks, catalogueTitle, renderCatalogueHtml, renderCatalogueMarkdown } from '../../policy/catalogue.js';
import { vectorsForVersion, versionsOf } from '../../policy/workspace.js';
import { pickVersions } from '../../ruleSets/versions.js';
import { dateProblem } from '../../util/dates.js';
import { builtinFacts } from '../../ruleSets/load.js';
import { parseCommandArgs, usageError } from '../args.js';
import { loadWorkspace, refuseInvalid } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { messages } from '../messages.js';

/** The catalogue's file names when it covers every rule set, in bokmål and nynorsk. */
export const CATALOGUE_FILES = ['regelkatalog.nb.md', 'regelkatalog.nb.html', 'regelkatalog.nn.md', 'regelkatalog.nn.html'] as const;

const CATALOGUE_LANGS: readonly CatalogueLang[] = ['nb', 'nn'];

/** The command's own sentences (the shared message table is kept for sentences several commands use). */
const TXT = {
  badLanguage: {
    nb: (v: string) => `--language må være nb eller nn (katalogen skrives på bokmål og nynorsk), ikke «${v}».`,
    nn: (v: string) => `--language må vere nb eller nn (katalogen blir skriven på bokmål og nynorsk), ikkje «${v}».`,
    en: (v: string) => `--language must be nb or nn (the catalogue is written in bokmål and nynorsk), not "${v}".`,
  },
  unknownRuleSet: {
    nb: (id: string, known: string) => `Fant ikke regelsettet «${id}». Regelsettene her: ${known}.`,
    nn: (id: string, known: string) => `Fann ikkje regelsettet «${id}». Regelsetta her: ${known}.`,
    en: (id: string, known: string) => `No rule set "${id}". The rule sets here: ${known}.`,
  },
  docxMissing: {
    nb: 'Word-filen (--docx) lages med pakken «docx», som ikke er installert. Installer den med «npm install --save-dev docx@9» og kjør kommandoen på nytt. Ingenting er skrevet.',
    nn: 'Word-fila (--docx) blir laga med pakken «docx», som ikkje er installert. Installer han med «npm install --save-dev docx@9» og køyr kommandoen på nytt. Ingenting er skrive.',
    en: 'The Word file (--docx) is made with the "docx" package, which is not installed. Install it with "npm install --save-dev docx@9" and run the command again. Nothing was written.',
  },
} as const;

/**
 * `docs <dir> --out <dir>`: the rule catalogue, one file per language (bokmål, nynorsk) as Markdown
 * and as a self-contained HTML page that prints to A4; with `--rule-set ID` one rule set only, with
 * `--split` one catalogue per rule set, with `--language` one language, with `--docx` also a Word
 * document. Everything is rendered before anything is written, and written all or nothing, so bad
 * input or a failed write leaves no partial catalogue.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(
    'docs',
    args,
    {
      out: { type: 'string' },
      'as-of': { type: 'string' },
      language: { type: 'string' },
      'rule-set': { type: 'string' },
      split: { type: 'boolean' },
      docx: { type: 'boolean' },
    },
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
  const language = p.values['language'];
  if (language !== undefined && language !== 'nb' && language !== 'nn')
    return usageError(io, lang, 'docs', TXT.badLanguage[lang](String(language)));
  const langs: readonly CatalogueLang[] = language === undefined ? CATALOGUE_LANGS : [language];
  const lw = loadWorkspace(p.positionals[0]!, lang, io, 'docs');
  if (typeof lw === 'number') return lw;
  const refused = refuseInvalid(lw, lang, io, 'docs');
  if (refused !== undefined) return refused;

  // Rule files are named as the reader finds them in the rules folder, never by a path on this machine.
  const shownPath = (path: string) =>
    (lw.sources.kind === 'directory' ? relative(lw.sources.target, path) : basename(path)).split('\\').join('/');
  // Of several versions of a rule set, the one in force on --as-of is described; the others are
  // lines in its change log.
  const all = pickVersions(
    lw.ws.ruleSets.filter((r) => r.compiled && lw.relevant.has(r.path)),
    (r) => r.compiled!,
    asOf,
  ).map((r) => ({
    ruleSet: r.compiled!,
    path: shownPath(r.path),
    vectors: vectorsForVersion(lw.ws, r.compiled!).map(({ vectors, indices }) => ({
      ...vectors.file!,
      vectors: indices.map((i) => vectors.file!.vectors[i]!),
    })),
    versions: versionsOf(lw.ws, r.compiled!.id),
  }));
  const only = p.values['rule-set'];
  const chosen = typeof only === 'string' ? all.filter((r) => r.ruleSet.id === only) : all;
  if (chosen.length === 0)
    return usageError(io, lang, 'docs', TXT.unknownRuleSet[lang](String(only), all.map((r) => r.ruleSet.id).join(', ')));
  const catalogues: { base: string; input: CatalogueInput }[] =
    p.values['split'] || typeof only === 'string'
      ? chosen.map((r) => ({ base: `regelkatalog-${r.ruleSet.id}`, input: { facts: builtinFacts(), ruleSets: [r] } }))
      : [{ base: 'regelkatalog', input: { facts: builtinFacts(), ruleSets: chosen } }];

  const docx = p.values['docx'] ? await loadDocx() : undefined;
  if (docx !== undefined && E.isLeft(docx)) {
    io.err(`oppfolgingsteam docs: ${TXT.docxMissing[lang]}\n`);
    return EXIT.usage;
  }
  const files: { name: string; text: string | Uint8Array }[] = [];
  for (const c of catalogues)
    for (const l of langs) {
      files.push({ name: `${c.base}.${l}.md`, text: renderCatalogueMarkdown(c.input, l) });
      files.push({ name: `${c.base}.${l}.html`, text: renderCatalogueHtml(c.input, l) });
      if (docx !== undefined && E.isRight(docx))
        files.push({
          name: `${c.base}.${l}.docx`,
          text: await renderDocx(docx.right, catalogueBlocks(c.input, l), catalogueTitle(c.input, l), l),
        });
    }
  const w = writeFilesAtomically(outDir, files);
  if (E.isLeft(w)) {
    io.err(`oppfolgingsteam docs: ${m.writeFailed(w.left.path)}\n`);
    return EXIT.usage;
  }
  io.out(`${m.docsWritten(files.length, outDir)}\n${files.map((f) => `  ${join(outDir, f.name)}`).join('\n')}\n`);
  return EXIT.ok;
}
