import { checkVectors } from '../../policy/checks.js';
import { forPolicyStaff } from '../../policy/issueLabel.js';
import type { LocatedIssue } from '../../policy/located.js';
import { compareLocated } from '../../policy/located.js';
import { checkNynorsk } from '../../policy/nynorsk.js';
import { checkTextWarnings } from '../../policy/placeholders.js';
import { parseCommandArgs } from '../args.js';
import { formatLocated, loadWorkspace, locatedJson, relevantIssues } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { messages } from '../messages.js';

/**
 * `validate <dir|file>`: every schema and semantic check, each issue as file:line:column, named by
 * rule id and field. Exit 1 when there is any error; warnings (nynorsk that looks like bokmål, a
 * text that states a parameter's value instead of naming it, a found parameter changed without a
 * change note) are listed and counted but do not fail.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs('validate', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: (m) => [m.argTarget] }, io);
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const lw = loadWorkspace(p.positionals[0]!, lang, io, 'validate', false);
  if (typeof lw === 'number') return lw;
  const { ws, relevant } = lw;
  const textWarnings = checkTextWarnings(ws, lang).map((w) => ({ ...w, severity: 'warning' as const }));
  // Every finding is told by rule id and field; findings placed without that (by checks that only
  // locate them) are told so here. Telling one twice gives the same message.
  const values = new Map<string, unknown>([...ws.ruleSets, ...ws.codeLists, ...ws.vectors].map((f) => [f.path, f.source.value]));
  const told = (li: LocatedIssue) => (values.has(li.file) ? forPolicyStaff(li, values.get(li.file), lang) : li);
  const found = relevantIssues(lw, [...ws.issues, ...checkVectors(ws, lang), ...checkNynorsk(ws, lang), ...textWarnings])
    .map(told)
    .sort(compareLocated);
  const issues = found.filter((i) => i.severity !== 'warning');
  const warnings = found.length - issues.length;
  const count = (kind: 'rule-set' | 'code-list' | 'vectors', parsed: readonly { path: string }[]) =>
    parsed.filter((x) => relevant.has(x.path)).length + ws.unparsed.filter((u) => u.kind === kind && relevant.has(u.path)).length;
  const counts = {
    ruleSets: count('rule-set', ws.ruleSets),
    codeLists: count('code-list', ws.codeLists),
    vectors: count('vectors', ws.vectors),
  };
  const files = counts.ruleSets + counts.codeLists + counts.vectors;
  if (p.values['json']) {
    io.out(
      `${JSON.stringify({ ok: issues.length === 0, files: counts, issues: found.map(locatedJson), skipped: lw.sources.focus ? [] : ws.skipped }, null, 2)}\n`,
    );
    return issues.length === 0 ? EXIT.ok : EXIT.findings;
  }
  const summary = m.counts(counts.ruleSets, counts.codeLists, counts.vectors);
  const skipped = !lw.sources.focus && ws.skipped.length > 0 ? `${m.skipped(ws.skipped.length)}\n` : '';
  const listed = found.length > 0 ? `${found.map((i) => formatLocated(i, m)).join('\n')}\n\n` : '';
  const warned = warnings > 0 ? `${m.warnings(warnings)}\n` : '';
  if (issues.length === 0) {
    io.out(`${listed}${m.validateOk(files, summary)}\n${warned}${skipped}`);
    return EXIT.ok;
  }
  const badFiles = new Set(issues.map((i) => i.file)).size;
  io.out(`${listed}${m.validateFailed(issues.length, badFiles, summary)}\n${warned}${skipped}`);
  return EXIT.findings;
}
