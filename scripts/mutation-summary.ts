/**
 * Summarises a StrykerJS JSON report (`.tmp/mutation/<target>.json`): the score per file and per
 * folder, and every mutant left alive with its line, for docs/mutation.md.
 *
 *   npx tsx scripts/mutation-summary.ts .tmp/mutation/engine.json [--survivors]
 */
import { readFileSync } from 'node:fs';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  static?: boolean;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const [file = '.tmp/mutation/all.json'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showSurvivors = process.argv.includes('--survivors');
const report = JSON.parse(readFileSync(file, 'utf8')) as Report;

/** Stryker's score: killed and timed out over everything but the ignored, the compile errors and the runtime errors. */
function score(ms: readonly Mutant[]): { score: number; killed: number; survived: number; noCoverage: number; total: number } {
  const killed = ms.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const survived = ms.filter((m) => m.status === 'Survived').length;
  const noCoverage = ms.filter((m) => m.status === 'NoCoverage').length;
  const total = killed + survived + noCoverage;
  return { score: total === 0 ? 100 : (100 * killed) / total, killed, survived, noCoverage, total };
}

const rows: [string, ReturnType<typeof score>][] = Object.entries(report.files)
  .map(([f, d]) => [f, score(d.mutants)] as [string, ReturnType<typeof score>])
  .sort((a, b) => a[0].localeCompare(b[0]));
const all = score(Object.values(report.files).flatMap((d) => d.mutants));
const fmt = (s: ReturnType<typeof score>) => `${s.score.toFixed(2)} % | ${s.killed} | ${s.survived} | ${s.noCoverage}`;
console.log('| file | score | killed | survived | no coverage |');
console.log('| --- | --- | --- | --- | --- |');
for (const [f, s] of rows) console.log(`| \`${f}\` | ${fmt(s)} |`);
console.log(`| **all** | **${all.score.toFixed(2)} %** | ${all.killed} | ${all.survived} | ${all.noCoverage} |`);

if (showSurvivors)
  for (const [f, d] of Object.entries(report.files)) {
    const lines = d.source.split('\n');
    for (const m of d.mutants
      .filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')
      .sort((a, b) => a.location.start.line - b.location.start.line))
      console.log(
        `${f}:${m.location.start.line}:${m.location.start.column} ${m.status}${m.static ? ' (static)' : ''} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '').slice(0, 100)} | ${lines[m.location.start.line - 1]!.trim().slice(0, 110)}`,
      );
  }
