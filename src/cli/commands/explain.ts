import * as E from '../../util/either.js';
import type { CompiledRuleSet } from '../../engine/compile.js';
import type { Decision } from '../../engine/decision.js';
import { evaluateParsed, parsePerson } from '../../engine/evaluate.js';
import type { ParsedPerson } from '../../engine/evaluate.js';
import { explainRule } from '../../explain/why.js';
import type { Explanation } from '../../explain/why.js';
import type { Lang } from '../../model/lang.js';
import { readText } from '../../node/sources.js';
import { isValidOn } from '../../policy/impact.js';
import type { LocatedIssue } from '../../policy/located.js';
import { locateIssue, parseSource } from '../../policy/source.js';
import { bundledRuleSetIds, loadBundledRuleSet } from '../../ruleSets/load.js';
import { pickVersions } from '../../ruleSets/versions.js';
import { dateProblem } from '../../util/dates.js';
import { parseCommandArgs, usageError } from '../args.js';
import { formatLocated, loadErrorMessage, loadWorkspace, refuseInvalid } from '../common.js';
import { fhirBundleToPerson, syntheticPerson } from '../extensions.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { Messages } from '../messages.js';
import { messages } from '../messages.js';

/**
 * `explain <file>`: the decision of every rule set for one person, with the "why" of each prompt,
 * the data needed, the score, and with `--all` the "why not" of every rule that did not fire.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(
    'explain',
    args,
    {
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      rules: { type: 'string' },
      synthetic: { type: 'string' },
    },
    { min: 0, max: 1, names: (m) => [m.argFile] },
    io,
  );
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const asOf = (p.values['as-of'] as string | undefined) ?? io.today();
  if (dateProblem(asOf)) return usageError(io, lang, 'explain', m.badDate('--as-of'));
  const synthetic = p.values['synthetic'] as string | undefined;
  if (synthetic !== undefined && p.positionals.length > 0) return usageError(io, lang, 'explain', m.conflicting(m.argFile, '--synthetic'));
  if (synthetic === undefined && p.positionals.length === 0) return usageError(io, lang, 'explain', m.missingArgument(m.argFile));
  const path = synthetic !== undefined ? `--synthetic ${synthetic}` : p.positionals[0]!;

  const person = synthetic !== undefined ? syntheticInput(synthetic, asOf, lang, io) : readPerson(path, lang, io, m);
  if (typeof person === 'number') return person;
  const ruleSets = loadRuleSets(p.values['rules'] as string | undefined, lang, io, asOf);
  if (typeof ruleSets === 'number') return ruleSets;

  const results: { rs: CompiledRuleSet; decision?: Decision; why: Explanation[] }[] = ruleSets.map((rs) => {
    if (!isValidOn(rs, asOf)) return { rs, why: [] };
    const decision = evaluateParsed(rs, person, { asOf, lang });
    return { rs, decision, why: (decision.trace ?? []).map((t) => explainRule(t, { lang, ruleSet: rs })) };
  });

  if (p.values['json']) {
    const json = {
      file: path,
      asOf,
      lang,
      decisions: results.map(({ rs, decision, why }) => ({
        ruleSet: { id: rs.id, version: rs.version, contentHash: rs.contentHash, title: rs.file.title[lang] },
        ...(decision ? { decision, why } : { notValidOn: asOf, validFrom: rs.validFrom, ...(rs.validTo ? { validTo: rs.validTo } : {}) }),
      })),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  const out: string[] = [m.explainHeader(path, asOf)];
  for (const r of results) out.push('', ...decisionLines(r.rs, r.decision, r.why, Boolean(p.values['all']), lang, m, asOf));
  io.out(`${out.join('\n')}\n`);
  return EXIT.ok;
}

const SYNTHETIC_TXT = {
  bad: {
    nb: (v: string) => `--synthetic må være FRØ:NR (to hele tall, slik diff --synthetic skriver eksemplene), ikke «${v}».`,
    nn: (v: string) => `--synthetic må vere FRØ:NR (to heile tal, slik diff --synthetic skriv døma), ikkje «${v}».`,
    en: (v: string) => `--synthetic must be SEED:NO (two whole numbers, as diff --synthetic writes its examples), not "${v}".`,
  },
} as const;

/**
 * The person at an index of a synthetic cohort, as `diff --synthetic` names its examples
 * (SEED:INDEX). The person is generated as of the same date, so the same `--as-of` gives the same person.
 */
function syntheticInput(spec: string, asOf: string, lang: Lang, io: CliIo): ParsedPerson | number {
  const match = /^(-?\d{1,10}):(\d{1,7})$/.exec(spec.trim());
  const seed = match ? Number(match[1]) : Number.NaN;
  const index = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isSafeInteger(seed) || Math.abs(seed) > 2 ** 31 - 1 || index > 9_999_999)
    return usageError(io, lang, 'explain', SYNTHETIC_TXT.bad[lang](spec.slice(0, 40)));
  if (syntheticPerson === undefined) {
    io.err(`oppfolgingsteam explain: ${messages(lang).syntheticMissing}\n`);
    return EXIT.usage;
  }
  const parsed = parsePerson(syntheticPerson(seed, index, asOf), lang);
  // The generator makes valid persons; one that is not is a bug, not bad input.
  if (E.isLeft(parsed)) throw new Error(`synthetic person ${seed}:${index} is not valid`);
  return parsed.right;
}

/** Reads, parses and validates the person file; prints the problem and returns 2 when it cannot. */
function readPerson(path: string, lang: Lang, io: CliIo, m: Messages): ParsedPerson | number {
  const text = readText(path);
  if (E.isLeft(text)) {
    io.err(`oppfolgingsteam explain: ${loadErrorMessage(text.left, m)}\n`);
    return EXIT.usage;
  }
  const src = parseSource({ path, text: text.right }, lang);
  if (E.isLeft(src)) {
    io.err(`${formatLocated(src.left)}\n`);
    return EXIT.usage;
  }
  const value = src.right.value;
  let input: unknown = value;
  let located = true;
  const resourceType = typeof value === 'object' && value !== null ? (value as { resourceType?: unknown }).resourceType : undefined;
  if (typeof resourceType === 'string') {
    if (resourceType !== 'Bundle') {
      io.err(`oppfolgingsteam explain: ${m.fhirNotBundle(path, resourceType.slice(0, 64))}\n`);
      return EXIT.usage;
    }
    if (fhirBundleToPerson === undefined) {
      io.err(`oppfolgingsteam explain: ${m.fhirNeedsAdapter(path)}\n`);
      return EXIT.usage;
    }
    const converted = fhirBundleToPerson(value, { lang });
    if (E.isLeft(converted)) {
      io.err(`${m.invalidPerson(path)}\n${converted.left.issues.map((i) => `  ${path}: ${i.message}`).join('\n')}\n`);
      return EXIT.usage;
    }
    input = converted.right.person;
    located = false;
    // What the bundle held that the library does not read is reported, never dropped silently.
    if (converted.right.notUnderstood.length > 0) {
      const head = {
        nb: `Ikke brukt fra FHIR-bunten ${path}:`,
        nn: `Ikkje brukt frå FHIR-bunten ${path}:`,
        en: `Not used from the FHIR bundle ${path}:`,
      }[lang];
      io.err(`${head}\n${converted.right.notUnderstood.map((i) => `  ${i.message}`).join('\n')}\n`);
    }
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && '$schema' in value) {
    // Person files carry `$schema` for the editor; it is not part of the person.
    const { $schema: _s, ...rest } = value as Record<string, unknown>;
    input = rest;
  }
  const parsed = parsePerson(input, lang);
  if (E.isLeft(parsed)) {
    const issues: LocatedIssue[] = parsed.left.issues.map((i) =>
      located ? locateIssue(src.right, i) : { file: path, line: 1, column: 1, issue: i },
    );
    io.err(`${m.invalidPerson(path)}\n${issues.map((i) => `  ${formatLocated(i)}`).join('\n')}\n`);
    return EXIT.usage;
  }
  return parsed.right;
}

/** The bundled rule sets, or those in `--rules <dir>` (the version in force on `asOf` of each); prints the problem and returns 2 when they do not load. */
function loadRuleSets(dir: string | undefined, lang: Lang, io: CliIo, asOf: string): CompiledRuleSet[] | number {
  if (dir === undefined) {
    const out: CompiledRuleSet[] = [];
    for (const id of bundledRuleSetIds()) {
      const r = loadBundledRuleSet(id, { lang });
      // The bundled rule sets are checked by the test suite; a failure here is a broken build.
      if (E.isLeft(r)) throw new Error(`bundled rule set ${id} does not compile`);
      out.push(r.right);
    }
    return out;
  }
  const lw = loadWorkspace(dir, lang, io, 'explain');
  if (typeof lw === 'number') return lw;
  const refused = refuseInvalid(lw, lang, io, 'explain');
  if (refused !== undefined) return refused;
  // Of several versions of a rule set, the one in force on the date.
  return pickVersions(
    lw.ws.ruleSets.filter((r) => r.compiled && lw.relevant.has(r.path)).map((r) => r.compiled!),
    (rs) => rs,
    asOf,
  );
}

const SEVERITY_MARK = { info: '·', warning: '!', critical: '‼' } as const;

function decisionLines(
  rs: CompiledRuleSet,
  d: Decision | undefined,
  why: readonly Explanation[],
  all: boolean,
  lang: Lang,
  m: Messages,
  asOf: string,
): string[] {
  const head = `${rs.file.title[lang]} (${rs.id} ${rs.version})`;
  if (!d) return [head, `  ${m.notValidOn(rs.id, asOf, rs.validFrom, rs.validTo ?? '…')}`];
  const out = [head];
  const whyOf = (id: string) => why.find((w) => w.ruleId === id)?.summary;
  if (d.score) {
    const s = d.score;
    const extra = s.maxPoints > s.points ? `; ${m.scoreMax(s.maxPoints)}` : '';
    // A tier the missing data could change is shown as preliminary, as on the cards.
    const tier = m.tier[s.tier] ?? s.tier;
    const shown = s.tier === s.tierIfComplete ? tier : m.scorePreliminary(tier, m.tier[s.tierIfComplete] ?? s.tierIfComplete);
    out.push(`  ${m.score(s.points, shown, s.highCutOff === undefined ? '—' : String(s.highCutOff))}${extra}`);
    for (const r of s.reasons) out.push(`    +${r.points}  ${r.text} (${r.ruleId})`);
  }
  for (const pr of d.prompts) {
    out.push(`  ${SEVERITY_MARK[pr.severity]} ${pr.title} (${pr.ruleId}, ${pr.evidence === 'found' ? m.found : m.inferred})`);
    out.push(`      ${pr.text}`);
    const w = whyOf(pr.ruleId);
    if (w) out.push(`      ${m.why}: ${w}`);
    out.push(`      ${m.source}: ${pr.source.document}, ${pr.source.section}`);
  }
  for (const n of d.dataNeeded) {
    out.push(`  ? ${m.dataNeeded}: ${n.title} (${n.ruleId})`);
    const w = whyOf(n.ruleId);
    out.push(`      ${w ?? n.text}`);
  }
  const notFired = d.outcomes.filter((o) => o.outcome === false);
  if (d.prompts.length === 0 && d.dataNeeded.length === 0 && !d.score) out.push(`  ${m.nothing}`);
  if (notFired.length > 0) {
    if (all) {
      out.push(`  ${m.notFiredHeader}:`);
      for (const o of notFired) {
        const rule = rs.file.rules.find((r) => r.id === o.ruleId);
        out.push(`    - ${rule?.title[lang] ?? o.ruleId} (${o.ruleId}): ${whyOf(o.ruleId) ?? ''}`);
      }
    } else out.push(`  ${m.notFiredHint(notFired.length)}`);
  }
  return out;
}
