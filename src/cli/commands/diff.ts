import * as E from '../../util/either.js';
import type { CompiledRuleSet } from '../../engine/compile.js';
import type { Lang } from '../../model/lang.js';
import type { Condition } from '../../model/ruleSet.js';
import { readNdjson, withoutSchema } from '../../node/ndjson.js';
import type { CodeListChanges, RuleSetChanges } from '../../policy/changes.js';
import { compareCodeLists, compareRuleSets } from '../../policy/changes.js';
import type { ImpactPair, ImpactReport } from '../../policy/impact.js';
import { createImpact, isValidOn } from '../../policy/impact.js';
import { lineDiff } from '../../policy/lineDiff.js';
import { escapeHtml } from '../../policy/doc.js';
import { writeFilesAtomically } from '../../node/writeFiles.js';
import { basename, dirname } from 'node:path';
import type { ProseContext } from '../../policy/prose.js';
import { conditionProse, proseContext, proseLines } from '../../policy/prose.js';
import { builtinFacts } from '../../ruleSets/load.js';
import { pickVersions, ruleSetInForce, withoutPeriod } from '../../ruleSets/versions.js';
import { versionsOf } from '../../policy/workspace.js';
import { dateProblem } from '../../util/dates.js';
import { parseCommandArgs, usageError } from '../args.js';
import type { LoadedWorkspace } from '../common.js';
import { loadErrorMessage, loadWorkspace, refuseInvalid } from '../common.js';
import { generateCohort } from '../extensions.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { Messages } from '../messages.js';
import { messages } from '../messages.js';

const MAX_SYNTHETIC = 1_000_000;

/** Messages of the comparison of two versions in one folder. */
const VERSION_MSG = {
  nb: {
    notFound: (id: string, what: string, known: string) =>
      `regelsettet «${id}» har ingen versjon for ${what}. Versjonene er: ${known || '—'}.`,
  },
  nn: {
    notFound: (id: string, what: string, known: string) =>
      `regelsettet «${id}» har ingen versjon for ${what}. Versjonane er: ${known || '—'}.`,
  },
  en: {
    notFound: (id: string, what: string, known: string) =>
      `the rule set "${id}" has no version for ${what}. Its versions are: ${known || '—'}.`,
  },
} as const;

/** The command's own sentences (the shared message table keeps those several commands use). */
const TXT = {
  totals: {
    nb: (id: string) => `Personer per risikonivå (${id}), før → etter`,
    nn: (id: string) => `Personar per risikonivå (${id}), før → etter`,
    en: (id: string) => `Persons per risk tier (${id}), before → after`,
  },
  openExamples: {
    nb: (asOf: string) => `Åpne et eksempel med «oppfolgingsteam explain --synthetic FRØ:NR --as-of ${asOf}», f.eks. det første nedenfor.`,
    nn: (asOf: string) => `Opne eit døme med «oppfolgingsteam explain --synthetic FRØ:NR --as-of ${asOf}», t.d. det første nedanfor.`,
    en: (asOf: string) => `Open an example with "oppfolgingsteam explain --synthetic SEED:NO --as-of ${asOf}", e.g. the first below.`,
  },
  htmlTitle: { nb: 'Endringer i regelsett', nn: 'Endringar i regelsett', en: 'Rule-set changes' },
  tier: { nb: 'Risikonivå', nn: 'Risikonivå', en: 'Risk tier' },
  before: { nb: 'Før', nn: 'Før', en: 'Before' },
  after: { nb: 'Etter', nn: 'Etter', en: 'After' },
  change: { nb: 'Endring', nn: 'Endring', en: 'Change' },
  rule: { nb: 'Regel', nn: 'Regel', en: 'Rule' },
  persons: { nb: 'Personer', nn: 'Personar', en: 'Persons' },
  details: { nb: 'Alle endringer', nn: 'Alle endringar', en: 'All changes' },
  htmlWritten: {
    nb: (f: string) => `Skrev rapporten til ${f}.`,
    nn: (f: string) => `Skreiv rapporten til ${f}.`,
    en: (f: string) => `Wrote the report to ${f}.`,
  },
} as const;

function positiveInt(v: string | undefined, fallback: number, max: number): number | undefined {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= max ? n : undefined;
}

/**
 * `diff <old> <new>`, or `diff <dir> --id <id> --from <version|date> --to <version|date>` for two
 * versions of one rule set in one folder: rules, parameters, named conditions and code lists added, removed and
 * changed, and with a cohort the impact: whose decisions change, by rule, with examples.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(
    'diff',
    args,
    {
      cohort: { type: 'string' },
      synthetic: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      examples: { type: 'string' },
      json: { type: 'boolean' },
      id: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      html: { type: 'string' },
    },
    { min: 1, max: 2, names: (m) => [m.argOld, m.argNew] },
    io,
  );
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const v = p.values as Record<string, string | undefined>;
  if (v['cohort'] !== undefined && v['synthetic'] !== undefined)
    return usageError(io, lang, 'diff', m.conflicting('--cohort', '--synthetic'));
  // Two versions of one rule set in one folder (`--id`), or two folders or files.
  const byVersion = v['id'] !== undefined || v['from'] !== undefined || v['to'] !== undefined;
  if (byVersion) {
    const absent = (['id', 'from', 'to'] as const).find((k) => v[k] === undefined || v[k] === '');
    if (absent !== undefined) return usageError(io, lang, 'diff', m.missingArgument(`--${absent}`));
    if (p.positionals.length !== 1) return usageError(io, lang, 'diff', m.tooManyArguments);
  } else if (p.positionals.length < 2) return usageError(io, lang, 'diff', m.missingArgument(m.argNew));
  const asOf = v['as-of'] ?? (byVersion ? undefined : io.today());
  if (asOf !== undefined && dateProblem(asOf)) return usageError(io, lang, 'diff', m.badDate('--as-of'));
  const synthetic = positiveInt(v['synthetic'], 0, MAX_SYNTHETIC);
  if (synthetic === undefined) return usageError(io, lang, 'diff', m.badCount('--synthetic', MAX_SYNTHETIC));
  const seed = positiveInt(v['seed'], 1, 2 ** 31 - 1);
  if (seed === undefined) return usageError(io, lang, 'diff', m.badCount('--seed', 2 ** 31 - 1));
  const examples = positiveInt(v['examples'], 5, 100);
  if (examples === undefined) return usageError(io, lang, 'diff', m.badCount('--examples', 100));
  if (v['synthetic'] !== undefined && generateCohort === undefined) {
    io.err(`oppfolgingsteam diff: ${m.syntheticMissing}\n`);
    return EXIT.usage;
  }

  let oldPath: string;
  let newPath: string;
  let before: Map<string, CompiledRuleSet>;
  let after: Map<string, CompiledRuleSet>;
  const sides: LoadedWorkspace[] = [];
  if (byVersion) {
    const lw = loadWorkspace(p.positionals[0]!, lang, io, 'diff');
    if (typeof lw === 'number') return lw;
    const refused = refuseInvalid(lw, lang, io, 'diff');
    if (refused !== undefined) return refused;
    sides.push(lw, lw);
    const id = v['id']!;
    const versions = versionsOf(lw.ws, id).filter((rs) => lw.ws.ruleSets.some((r) => r.compiled === rs && lw.relevant.has(r.path)));
    const pick = (flag: 'from' | 'to'): CompiledRuleSet | number => {
      const want = v[flag]!;
      // A date picks the version in force on it; anything else is a version number.
      const found = /^\d{4}-\d{2}-\d{2}$/.test(want) ? ruleSetInForce(versions, want) : versions.find((rs) => rs.version === want);
      if (found) return found;
      const known = [...versions]
        .sort((x, y) => (x.validFrom < y.validFrom ? -1 : 1))
        .map((rs) => `${rs.version} (${rs.validFrom}–${rs.validTo ?? ''})`)
        .join(', ');
      io.err(`oppfolgingsteam diff: ${VERSION_MSG[lang].notFound(id, `--${flag} ${want}`, known)}\n`);
      return EXIT.usage;
    };
    const a = pick('from');
    if (typeof a === 'number') return a;
    const b = pick('to');
    if (typeof b === 'number') return b;
    oldPath = `${id} ${a.version}`;
    newPath = `${id} ${b.version}`;
    before = new Map([[id, a]]);
    after = new Map([[id, b]]);
  } else {
    [oldPath, newPath] = p.positionals as [string, string];
    for (const target of [oldPath, newPath]) {
      const lw = loadWorkspace(target, lang, io, 'diff');
      if (typeof lw === 'number') return lw;
      const refused = refuseInvalid(lw, lang, io, 'diff');
      if (refused !== undefined) return refused;
      sides.push(lw);
    }
    // Of several versions of a rule set on one side, the one in force on the date.
    const compiledOf = (lw: LoadedWorkspace) =>
      new Map(
        pickVersions(
          lw.ws.ruleSets.filter((r) => r.compiled && lw.relevant.has(r.path)).map((r) => r.compiled!),
          (rs) => rs,
          asOf!,
        ).map((rs) => [rs.id, rs]),
      );
    before = compiledOf(sides[0]!);
    after = compiledOf(sides[1]!);
  }
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  // Both sides come from compiled files here, so a Left would be a bug of the library: say so, do not guess.
  const sure = <T>(e: E.Either<{ issues: readonly { message: string }[] }, T>): T => {
    if (E.isLeft(e)) throw new Error(`diff: ${e.left.issues.map((i) => i.message).join('; ')}`);
    return e.right;
  };
  const changes = ids.map((id) => sure(compareRuleSets(before.get(id)?.file, after.get(id)?.file)));
  const listsOf = (lw: LoadedWorkspace) => new Map(lw.ws.codeLists.flatMap((c) => (c.file ? [[c.file.id, c.file] as const] : [])));
  const lb = listsOf(sides[0]!);
  const la = listsOf(sides[1]!);
  const listChanges = [...new Set([...lb.keys(), ...la.keys()])]
    .sort()
    .map((id) => sure(compareCodeLists(lb.get(id), la.get(id))))
    .filter((c) => c.status !== 'unchanged');

  let impact: ImpactReport | undefined;
  let impactSource = '';
  if (v['cohort'] !== undefined || v['synthetic'] !== undefined) {
    // Two versions of one rule set are never in force on the same day: their impact is what changes
    // on the day the new one takes effect (or on --as-of), with both read as if in force then.
    const impactAsOf = asOf ?? after.values().next().value!.validFrom;
    if (byVersion) {
      for (const map of [before, after]) for (const [id, rs] of map) map.set(id, withoutPeriod(rs));
    }
    const pairs: ImpactPair[] = ids.map((id) => ({
      id,
      ...(before.has(id) ? { before: before.get(id)! } : {}),
      ...(after.has(id) ? { after: after.get(id)! } : {}),
    }));
    // Every rule set that cannot be used on the date is named, not just the first: a folder holds several.
    const bySide: readonly (readonly [string, ReadonlyMap<string, CompiledRuleSet>])[] = [
      [oldPath, before],
      [newPath, after],
    ];
    const notValid = bySide.flatMap(([side, map]) =>
      [...map.values()].filter((rs) => !isValidOn(rs, impactAsOf)).map((rs) => ({ side, rs })),
    );
    if (notValid.length > 0) {
      io.err(
        notValid
          .map(
            ({ side, rs }) =>
              `oppfolgingsteam diff: ${m.notValidOn(`${rs.id} ${rs.version} (${side})`, impactAsOf, rs.validFrom, rs.validTo ?? '…')}\n`,
          )
          .join(''),
      );
      return EXIT.usage;
    }
    const collector = createImpact(pairs, { asOf: impactAsOf, examples });
    const idOf = (x: unknown) => {
      const id = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined;
      return typeof id === 'string' ? ` (${id.slice(0, 64)})` : '';
    };
    if (v['cohort'] !== undefined) {
      const file = v['cohort'];
      const r = await readNdjson(file, (line, value) => collector.add(`${m.line} ${line}${idOf(value)}`, withoutSchema(value)), lang);
      if (E.isLeft(r)) {
        const e = r.left;
        io.err(
          `oppfolgingsteam diff: ${e._tag === 'NdjsonSyntax' ? m.cohortLine(e.path, e.line, e.column, e.message) : loadErrorMessage(e, m)}\n`,
        );
        return EXIT.usage;
      }
      impactSource = file;
    } else {
      // Examples are written SEED:INDEX, which `explain --synthetic` opens.
      let k = 0;
      for (const person of generateCohort!({ seed, size: synthetic, asOf: impactAsOf }))
        collector.add(`${seed}:${k++}${idOf(person)}`, person);
      impactSource = m.syntheticSource(synthetic, seed);
    }
    impact = collector.report();
  }

  if (p.values['json']) {
    const json = {
      old: oldPath,
      new: newPath,
      ruleSets: changes
        .filter((c) => c.status !== 'unchanged')
        .map(({ rules, ...rest }) => ({ ...rest, rules: rules.map(({ before: _b, after: _a, ...r }) => r) })),
      codeLists: listChanges,
      ...(impact ? { impact: { source: impactSource, ...impact } } : {}),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  const facts = builtinFacts();
  const out = [m.diffHeader(oldPath, newPath), ''];
  const changed = changes.filter((c) => c.status !== 'unchanged');
  for (const c of changed) out.push(...ruleSetLines(c, before.get(c.id), after.get(c.id), facts, lang, m), '');
  if (listChanges.length) out.push(...codeListLines(listChanges, m), '');
  if (changed.length === 0 && listChanges.length === 0) out.push(m.noChanges, '');
  out.push(...(impact ? impactLines(impact, impactSource, m, lang, v['synthetic'] !== undefined) : [m.noCohort]));
  const text = `${out.join('\n').trimEnd()}\n`;
  const htmlFile = v['html'];
  if (htmlFile !== undefined) {
    const w = writeFilesAtomically(dirname(htmlFile), [
      { name: basename(htmlFile), text: diffHtml(m.diffHeader(oldPath, newPath), text, impact, lang) },
    ]);
    if (E.isLeft(w)) {
      io.err(`oppfolgingsteam diff: ${m.writeFailed(w.left.path)}\n`);
      return EXIT.usage;
    }
  }
  io.out(text);
  if (htmlFile !== undefined) io.out(`${TXT.htmlWritten[lang](htmlFile)}\n`);
  return EXIT.ok;
}

function show(v: unknown): string {
  return v === undefined ? '—' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

function proseDiff(
  a: Condition | undefined,
  b: Condition | undefined,
  ca: ProseContext | undefined,
  cb: ProseContext | undefined,
  lang: Lang,
): string[] {
  const la = a && ca ? proseLines(conditionProse(a, ca, lang)) : [];
  const lb = b && cb ? proseLines(conditionProse(b, cb, lang)) : [];
  return lineDiff(la, lb).map((d) => `${d.op} ${d.line}`);
}

function ruleSetLines(
  c: RuleSetChanges,
  b: CompiledRuleSet | undefined,
  a: CompiledRuleSet | undefined,
  facts: ReturnType<typeof builtinFacts>,
  lang: Lang,
  m: Messages,
): string[] {
  if (c.status === 'added') return [m.ruleSetAdded(c.id, c.versionAfter ?? '')];
  if (c.status === 'removed') return [m.ruleSetRemoved(c.id, c.versionBefore ?? '')];
  const ctxB = b ? proseContext(b, facts) : undefined;
  const ctxA = a ? proseContext(a, facts) : undefined;
  const out = [m.ruleSetChanged(c.id, c.versionBefore ?? '', c.versionAfter ?? '')];
  const mark = { added: '+', removed: '-', changed: '~', unchanged: ' ' } as const;
  const word = { added: m.added, removed: m.removed, changed: m.changed, unchanged: '' } as const;
  if (c.fields.length) out.push(`  ${m.fieldsChanged}: ${c.fields.map((f) => fieldChange(f, b, a, lang)).join(', ')}`);
  if (c.parameters.length) {
    out.push(`  ${m.parameters}:`);
    for (const pc of c.parameters) {
      const value = pc.status === 'changed' ? `${show(pc.before)} → ${show(pc.after)}` : show(pc.after ?? pc.before);
      out.push(`    ${mark[pc.status]} ${pc.name}: ${value}${pc.fields.length ? ` (${pc.fields.join(', ')})` : ''}`);
    }
  }
  if (c.conditions.length) {
    out.push(`  ${m.namedConditions}:`);
    for (const nc of c.conditions) {
      out.push(`    ${mark[nc.status]} ${nc.name} (${word[nc.status]})`);
      const cb = b?.file.conditions?.[nc.name];
      const ca = a?.file.conditions?.[nc.name];
      out.push(...proseDiff(cb, ca, ctxB, ctxA, lang).map((l) => `        ${l}`));
    }
  }
  if (c.rules.length) {
    out.push(`  ${m.rules}:`);
    for (const rc of c.rules) {
      const title = (rc.after ?? rc.before)!.title[lang];
      out.push(`    ${mark[rc.status]} ${rc.id}: ${title} (${word[rc.status]}${rc.fields.length ? `: ${rc.fields.join(', ')}` : ''})`);
      if (rc.status === 'changed' && rc.fields.includes('conditions'))
        out.push(...proseDiff(rc.before?.conditions, rc.after?.conditions, ctxB, ctxA, lang).map((l) => `        ${l}`));
    }
  }
  return out;
}

function codeListLines(lists: readonly CodeListChanges[], m: Messages): string[] {
  const out = [`${m.codeLists}:`];
  const some = (xs: readonly string[]) => (xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, …` : xs.join(', '));
  for (const l of lists) {
    if (l.status === 'added') out.push(`  + ${l.id} ${l.versionAfter} (${m.added})`);
    else if (l.status === 'removed') out.push(`  - ${l.id} ${l.versionBefore} (${m.removed})`);
    else {
      const parts = [
        ...(l.added.length ? [`${m.codesAdded(l.added.length)}: ${some(l.added)}`] : []),
        ...(l.removed.length ? [`${m.codesRemoved(l.removed.length)}: ${some(l.removed)}`] : []),
        ...(l.fields.length ? [`${m.fieldsChanged}: ${l.fields.join(', ')}`] : []),
      ];
      out.push(
        `  ~ ${l.id} ${l.versionBefore === l.versionAfter ? l.versionAfter : `${l.versionBefore} → ${l.versionAfter}`}`,
        ...parts.map((x) => `      ${x}`),
      );
    }
  }
  return out;
}

/** A changed top-level field with its old and new value: `validFrom 2026-01-01 → 2027-01-01`. */
function fieldChange(field: string, b: CompiledRuleSet | undefined, a: CompiledRuleSet | undefined, lang: Lang): string {
  const value = (rs: CompiledRuleSet | undefined): string => {
    const x = rs ? (rs.file as unknown as Record<string, unknown>)[field] : undefined;
    if (x === undefined) return '—';
    // Texts in three languages show the reader's language.
    const t = typeof x === 'object' && x !== null && lang in x ? (x as Record<string, unknown>)[lang] : x;
    const s = typeof t === 'string' ? t : JSON.stringify(t);
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  };
  const [vb, va] = [value(b), value(a)];
  return vb === va ? field : `${field} ${vb} → ${va}`;
}

/** `12 (3,0 %)`: a count and its share, with a decimal comma in Norwegian. */
function countShare(n: number, of: number, lang: Lang): string {
  const p = of === 0 ? '–' : ((100 * n) / of).toFixed(1);
  return `${n} (${lang === 'en' ? p : p.replace('.', ',')} %)`;
}

const TIER_ORDER = ['high', 'moderate', 'low', 'none'];

function tierRows(t: ImpactReport['tierTotals'][number]): string[] {
  return TIER_ORDER.filter((k) => (t.before[k] ?? 0) + (t.after[k] ?? 0) > 0);
}

function impactLines(r: ImpactReport, source: string, m: Messages, lang: Lang, synthetic: boolean): string[] {
  const out = [m.impactHeader(r.persons, r.asOf, source)];
  if (synthetic && r.changedExamples.length > 0) out.push(`  ${TXT.openExamples[lang](r.asOf)}`);
  out.push(`  ${r.changed === 0 ? m.impactNone : m.impactChanged(r.changed, r.persons - r.invalid)}`);
  // Only rule sets whose decisions change, and only when there are several: a folder holds many
  // rule sets, and a column of zeros hides the one that matters. The rules below name their set.
  const affected = r.byRuleSet.filter((s) => s.changed > 0);
  if (affected.length > 1) {
    out.push(`  ${m.impactByRuleSet}:`);
    for (const s of affected) out.push(`    ${s.id}: ${s.changed}`);
  }
  if (r.byRule.length) {
    out.push(`  ${m.impactByRule}:`);
    for (const ri of r.byRule) {
      out.push(`    ${ri.ruleSetId} ${ri.ruleId}: ${ri.changed}`);
      for (const t of ri.transitions) out.push(`      ${m.outcome[t.from]} → ${m.outcome[t.to]}: ${t.count}`);
      out.push(`      ${m.examples}: ${ri.examples.join('; ')}`);
    }
  }
  for (const t of r.tiers) {
    out.push(`  ${m.impactTiers} (${t.ruleSetId}):`);
    for (const x of t.transitions) out.push(`    ${m.tier[x.from] ?? x.from} → ${m.tier[x.to] ?? x.to}: ${x.count}`);
    if (t.examples.length) out.push(`    ${m.examples}: ${t.examples.join('; ')}`);
    if (t.pointsChanged > 0) out.push(`    ${m.impactPoints(t.pointsChanged)}`);
    const totals = r.tierTotals.find((x) => x.ruleSetId === t.ruleSetId);
    if (totals) {
      const valid = r.persons - r.invalid;
      out.push(`  ${TXT.totals[lang](t.ruleSetId)}:`);
      for (const k of tierRows(totals))
        out.push(
          `    ${m.tier[k] ?? k}: ${countShare(totals.before[k] ?? 0, valid, lang)} → ${countShare(totals.after[k] ?? 0, valid, lang)}`,
        );
    }
  }
  if (r.invalid > 0) {
    out.push(`  ${m.invalidPersons(r.invalid)}`);
    for (const x of r.invalidExamples) out.push(`    ${x.ref}: ${x.issues.map((i) => `${i.path || '$'} (${i.code})`).join(', ')}`);
  }
  return out;
}

/**
 * The diff as one self-contained HTML page: tier totals before and after, the rules whose outcome
 * changed, and the full text report. No script, no link, no fetch.
 */
function diffHtml(title: string, text: string, impact: ImpactReport | undefined, lang: Lang): string {
  const parts: string[] = [];
  if (impact) {
    const valid = impact.persons - impact.invalid;
    for (const t of impact.tierTotals) {
      if (!impact.tiers.some((x) => x.ruleSetId === t.ruleSetId)) continue;
      const rows = tierRows(t)
        .map((k) => {
          const b = t.before[k] ?? 0;
          const a = t.after[k] ?? 0;
          return `<tr><th>${escapeHtml(messages(lang).tier[k] ?? k)}</th><td class="n">${escapeHtml(countShare(b, valid, lang))}</td><td class="n">${escapeHtml(countShare(a, valid, lang))}</td><td class="n">${a - b > 0 ? '+' : ''}${a - b}</td></tr>`;
        })
        .join('');
      parts.push(
        `<h2>${escapeHtml(TXT.totals[lang](t.ruleSetId))}</h2><table><thead><tr><th>${TXT.tier[lang]}</th><th>${TXT.before[lang]}</th><th>${TXT.after[lang]}</th><th>${TXT.change[lang]}</th></tr></thead><tbody>${rows}</tbody></table>`,
      );
    }
    if (impact.byRule.length > 0)
      parts.push(
        `<h2>${escapeHtml(messages(lang).impactByRule)}</h2><table><thead><tr><th>${TXT.rule[lang]}</th><th>${TXT.persons[lang]}</th><th>${escapeHtml(messages(lang).examples)}</th></tr></thead><tbody>${impact.byRule
          .map(
            (r) =>
              `<tr><td><code>${escapeHtml(r.ruleSetId)} ${escapeHtml(r.ruleId)}</code></td><td class="n">${r.changed}</td><td>${escapeHtml(r.examples.join('; '))}</td></tr>`,
          )
          .join('')}</tbody></table>`,
      );
  }
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(TXT.htmlTitle[lang])}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:.85em}pre{white-space:pre-wrap;font-size:.85rem;background:#f6f6f6;padding:.75rem}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${parts.join('\n')}
<h2>${TXT.details[lang]}</h2>
<pre>${escapeHtml(text)}</pre>
</body>
</html>
`;
}
