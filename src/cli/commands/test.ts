import type { CompiledRuleSet } from '../../engine/compile.js';
import type { VectorMismatch, VectorResult } from '../../policy/vectors.js';
import { runVectors } from '../../policy/vectors.js';
import { explainRule } from '../../explain/why.js';
import type { ValidationIssue } from '../../model/issues.js';
import { makeIssue } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import type { TestVector } from '../../model/vectors.js';
import { builtinFacts } from '../../ruleSets/load.js';
import type { CoverageEntry } from '../../policy/coverage.js';
import { createCoverage } from '../../policy/coverage.js';
import { conditionLine, proseContext } from '../../policy/prose.js';
import type { ParsedSource } from '../../policy/source.js';
import { locateIssue } from '../../policy/source.js';
import { vectorsForVersion, versionsOf } from '../../policy/workspace.js';
import { parseCommandArgs } from '../args.js';
import { formatLocated, loadWorkspace, refuseInvalid } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { Messages } from '../messages.js';
import { messages } from '../messages.js';

/**
 * `test <dir|file>`: runs every vector file next to its rule set. A failure shows expected against
 * actual and the "why"; the run ends with condition coverage. Exit 1 when a vector fails.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs('test', args, {}, { min: 1, max: 1, names: (m) => [m.argTarget] }, io);
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const target = p.positionals[0]!;
  const lw = loadWorkspace(target, lang, io, 'test');
  if (typeof lw === 'number') return lw;
  const refused = refuseInvalid(lw, lang, io, 'test');
  if (refused !== undefined) return refused;
  const { ws, relevant } = lw;

  // Every version is tested, the coming ones too: a version must pass before it takes effect.
  const suites = ws.ruleSets
    .filter((r) => r.compiled && relevant.has(r.path))
    .map((r) => ({ rs: r, files: vectorsForVersion(ws, r.compiled!).filter((v) => relevant.has(v.vectors.path)) }))
    .filter((s) => s.files.length > 0);
  if (suites.length === 0) {
    io.err(`oppfolgingsteam test: ${m.noVectorFiles(target)}\n`);
    return EXIT.usage;
  }

  const out: string[] = [];
  let total = 0;
  let passed = 0;
  const coverageReports: string[] = [];
  for (const { rs, files } of suites) {
    const compiled = rs.compiled!;
    // With several versions in the folder, each is named by its version too.
    const label = versionsOf(ws, compiled.id).length > 1 ? `${compiled.id} ${compiled.version}` : compiled.id;
    const coverage = createCoverage(compiled.file);
    for (const { vectors: vf, indices } of files) {
      const file = vf.file!;
      const chosen = indices.length === file.vectors.length ? file : { ...file, vectors: indices.map((i) => file.vectors[i]!) };
      out.push(m.testHeader(label, rs.path, chosen.vectors.length, vf.path));
      const results = runVectors(compiled, chosen, ws.options);
      results.forEach((r, k) => {
        const i = indices[k]!;
        total++;
        if (r.decision?.trace) coverage.add(r.decision.trace);
        if (r.passed) {
          passed++;
          out.push(`  ✓ ${r.name}`);
          return;
        }
        const { line, column } = vf.source.locate(['vectors', i]);
        out.push(`  ✗ ${r.name}  (${vf.path}:${line}:${column})`);
        out.push(...failureLines(r, file.vectors[i]!, i, vf.source, compiled, lang, m).map((l) => `      ${l}`));
      });
      out.push('');
    }
    coverageReports.push(coverageReport(coverage.entries(), compiled, label, rs.source, lang, m));
  }
  out.push(m.testSummary(passed, total), '', ...coverageReports);
  io.out(`${out.join('\n').trimEnd()}\n`);
  return passed === total ? EXIT.ok : EXIT.findings;
}

/** Places an issue from running a vector in the vector file (or the rule set, for a parameter's effect on it). */
function vectorIssue(issue: ValidationIssue, vector: TestVector, index: number, lang: Lang): ValidationIssue {
  const head = issue.segments[0];
  const prefix: (string | number)[] = ['vectors', index];
  const inPerson = vector.person !== undefined && head !== 'asOf' && head !== 'parameters' && head !== 'lang';
  const segs = inPerson ? [...prefix, 'person', ...issue.segments] : [...prefix, ...issue.segments];
  return makeIssue(issue.code, segs, lang, (issue.detail ?? {}) as Record<string, string>);
}

function outcomeText(code: string, m: Messages): string {
  if (code in m.outcome) return m.outcome[code]!;
  const [kind, ...rest] = code.split(' ');
  const value = rest.join(' ');
  if (kind === 'finding') return `${m.finding} ${value}`;
  if (kind === 'tier') return `${m.tierLabel} ${m.tier[value] ?? value}`;
  if (kind === 'points') return `${m.pointsLabel} ${value}`;
  return code;
}

function failureLines(
  r: VectorResult,
  vector: TestVector,
  index: number,
  source: ParsedSource,
  rs: CompiledRuleSet,
  lang: Lang,
  m: Messages,
): string[] {
  const lines: string[] = [];
  if (r.issues && r.issues.length > 0) {
    lines.push(m.vectorInvalid);
    for (const issue of r.issues) lines.push(`  ${formatLocated(locateIssue(source, vectorIssue(issue, vector, index, lang), lang))}`);
    return lines;
  }
  const d = r.decision;
  const byRule = new Map<string, VectorMismatch[]>();
  const other: VectorMismatch[] = [];
  for (const mm of r.mismatches) {
    if (mm.ruleId !== undefined) byRule.set(mm.ruleId, [...(byRule.get(mm.ruleId) ?? []), mm]);
    else other.push(mm);
  }
  const width = Math.max(m.expected.length, m.actual.length) + 1;
  const pair = (mm: VectorMismatch) => [
    `- ${`${m.expected}:`.padEnd(width)} ${outcomeText(mm.expected, m)}`,
    `+ ${`${m.actual}:`.padEnd(width)} ${outcomeText(mm.actual, m)}`,
  ];
  for (const [ruleId, mms] of byRule) {
    lines.push(ruleId);
    for (const mm of mms) lines.push(...pair(mm).map((l) => `  ${l}`));
    const trace = d?.trace?.find((t) => t.ruleId === ruleId);
    if (trace) lines.push(`  ${m.why}: ${explainRule(trace, { lang, ruleSet: rs }).summary}`);
  }
  for (const mm of other) lines.push(...pair(mm));
  if (other.some((mm) => /^(tier|points) /.test(mm.expected)) && d?.score) {
    const reasons = d.score.reasons.map((x) => `${x.ruleId} (${x.points})`).join(', ');
    lines.push(`${m.scoreReasons}: ${reasons || '—'}`);
  }
  return lines;
}

function coverageReport(
  entries: readonly CoverageEntry[],
  rs: CompiledRuleSet,
  label: string,
  source: ParsedSource,
  lang: Lang,
  m: Messages,
): string {
  const ctx = proseContext(rs, builtinFacts());
  // Gaps are listed in file order (named conditions come before the rules that use them), so the
  // list reads top to bottom like the file.
  const placed = new Map(entries.map((e) => [e.path, source.locate(e.segments)]));
  const inFileOrder = (list: CoverageEntry[]) =>
    [...list].sort(
      (a, b) => placed.get(a.path)!.line - placed.get(b.path)!.line || placed.get(a.path)!.column - placed.get(b.path)!.column,
    );
  const line = (e: CoverageEntry) => {
    const { line: l, column } = placed.get(e.path)!;
    return `    ${source.path}:${l}:${column}  ${e.path}: ${conditionLine(e.condition, ctx, lang)}`;
  };
  const groups: [(n: number) => string, CoverageEntry[]][] = [
    [m.neverTrue, inFileOrder(entries.filter((e) => e.seenTrue === 0))],
    [m.neverFalse, inFileOrder(entries.filter((e) => e.seenFalse === 0))],
    [m.neverUnknown, inFileOrder(entries.filter((e) => e.seenUnknown === 0))],
  ];
  const out = [m.coverageHeader(label, entries.length)];
  for (const [title, list] of groups) if (list.length > 0) out.push(`  ${title(list.length)}:`, ...list.map(line));
  if (out.length === 1) out.push(`  ${m.coverageFull}`);
  return `${out.join('\n')}\n`;
}
