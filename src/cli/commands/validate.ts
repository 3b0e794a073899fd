import { checkVectors } from '../../policy/checks.js';
import { compareLocated } from '../../policy/located.js';
import { checkTextWarnings } from '../../policy/placeholders.js';
import { parseCommandArgs } from '../args.js';
import { formatLocated, loadWorkspace, locatedJson, relevantIssues } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { messages } from '../messages.js';

/** How a warning line starts, and the count of warnings under the summary. */
const WARN = {
  nb: {
    label: 'advarsel',
    count: (n: number) => (n === 1 ? '1 advarsel (stopper ikke regelsettet).' : `${n} advarsler (stopper ikke regelsettet).`),
  },
  nn: {
    label: 'åtvaring',
    count: (n: number) => (n === 1 ? '1 åtvaring (stoppar ikkje regelsettet).' : `${n} åtvaringar (stoppar ikkje regelsettet).`),
  },
  en: {
    label: 'warning',
    count: (n: number) => (n === 1 ? '1 warning (does not stop the rule set).' : `${n} warnings (do not stop the rule set).`),
  },
} as const;

/**
 * `validate <dir|file>`: every schema and semantic check, each issue as file:line:column with its
 * JSON path. Exit 1 when there is any issue. Warnings (a text that states a parameter's value
 * instead of naming it, a found parameter changed without a note) are printed after the issues,
 * marked as warnings, and do not change the exit code.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs('validate', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: (m) => [m.argTarget] }, io);
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const lw = loadWorkspace(p.positionals[0]!, lang, io, 'validate', false);
  if (typeof lw === 'number') return lw;
  const { ws, relevant } = lw;
  const issues = relevantIssues(lw, [...ws.issues, ...checkVectors(ws, lang)]).sort(compareLocated);
  const warnings = relevantIssues(lw, checkTextWarnings(ws, lang));
  const w = WARN[lang];
  const warningText =
    warnings.length === 0
      ? ''
      : `${warnings.map((x) => formatLocated(x).replace(/^([^:]+:\d+:\d+: )/, `$1${w.label}: `)).join('\n')}\n${w.count(warnings.length)}\n`;
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
      `${JSON.stringify({ ok: issues.length === 0, files: counts, issues: issues.map(locatedJson), warnings: warnings.map(locatedJson), skipped: lw.sources.focus ? [] : ws.skipped }, null, 2)}\n`,
    );
    return issues.length === 0 ? EXIT.ok : EXIT.findings;
  }
  const summary = m.counts(counts.ruleSets, counts.codeLists, counts.vectors);
  const skipped = !lw.sources.focus && ws.skipped.length > 0 ? `${m.skipped(ws.skipped.length)}\n` : '';
  if (issues.length === 0) {
    io.out(`${warningText}${m.validateOk(files, summary)}\n${skipped}`);
    return EXIT.ok;
  }
  const badFiles = new Set(issues.map((i) => i.file)).size;
  io.out(`${issues.map(formatLocated).join('\n')}\n${warningText}\n${m.validateFailed(issues.length, badFiles, summary)}\n${skipped}`);
  return EXIT.findings;
}
