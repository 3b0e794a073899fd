/**
 * A chart opening in a GP system, in its own process:
 *   tsx bench/chart.ts <case> <iterations>
 * Cases: `chart` (the whole path for Klara's FHIR bundle, `examples/fhir/klara.json`: FHIR bundle →
 * person (`personFromBundle`) → every bundled rule set (`evaluateAll`) → cards for every decision
 * (`toCards`) → the validated response (`cdsResponse`)), and `chart-evaluateAll` (`evaluateAll`
 * alone, on the person the bundle gives, in the same process shape). `chart-zod` is the A/B arm of
 * the response check: the cards validated by zod alone (`fastParse: false`). Each stage of `chart` is
 * timed too and printed as `stagesUs` (medians) and `stageSumUs` (their sum). Only the calls are timed, with process.hrtime,
 * after 200 warm-up calls. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { cdsResponse, toCards } from '../src/adapters/cdsHooks/index.js';
import type { CdsCard } from '../src/adapters/cdsHooks/index.js';
import { personFromBundle } from '../src/adapters/fhir/index.js';
import { bundledRuleSetIds, evaluateAll, loadBundledRuleSet } from '../src/index.js';
import type { CompiledRuleSet } from '../src/index.js';
import { AS_OF } from './common.js';

/** Klara, a fictional adult with multimorbidity, as her GP system's FHIR server would send her. */
const BUNDLE = JSON.parse(readFileSync(new URL('../examples/fhir/klara.json', import.meta.url), 'utf8')) as unknown;
const CARD_OPTIONS = { hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', patient: 'Patient/klara', user: 'Practitioner/gp1' };

const sets: CompiledRuleSet[] = bundledRuleSetIds().map((id) => {
  const r = loadBundledRuleSet(id);
  if (r._tag === 'Left') throw new Error(`${id} invalid`);
  return r.right;
});

function must<T>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }, what: string): T {
  if (r._tag === 'Left') throw new Error(`${what}: ${JSON.stringify(r.left).slice(0, 1500)}`);
  return r.right;
}

const STAGES = ['fhirToPerson', 'evaluateAll', 'toCards', 'cdsResponse'] as const;

/** The whole path, each stage timed into `t` (nanoseconds). */
function chart(t: number[], fastParse: boolean): unknown {
  const t0 = process.hrtime.bigint();
  const read = must(personFromBundle(BUNDLE), 'personFromBundle');
  const t1 = process.hrtime.bigint();
  const decisions = must(evaluateAll(sets, read.person, { asOf: AS_OF }), 'evaluateAll');
  const t2 = process.hrtime.bigint();
  const cards: CdsCard[] = [];
  for (let i = 0; i < decisions.length; i++) cards.push(...must(toCards(decisions[i]!, sets[i]!, CARD_OPTIONS), 'toCards'));
  const t3 = process.hrtime.bigint();
  const response = must(cdsResponse(cards, { fastParse }), 'cdsResponse');
  const t4 = process.hrtime.bigint();
  t[0] = Number(t1 - t0);
  t[1] = Number(t2 - t1);
  t[2] = Number(t3 - t2);
  t[3] = Number(t4 - t3);
  return response;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Each stage's median, and their sum: on a loaded host a whole chart opening (milliseconds) is
 * often preempted, and its median moves with the load; the shorter stages less so.
 */
function stageFigures(stages: Float64Array[]): { stagesUs: Record<string, number>; stageSumUs: number } {
  const stagesUs = Object.fromEntries(STAGES.map((s, k) => [s, quantile(stages[k]!.sort(), 0.5)]));
  return { stagesUs, stageSumUs: Object.values(stagesUs).reduce((a, b) => a + b, 0) };
}

function main(): void {
  const [name = 'chart', n = '2000'] = process.argv.slice(2);
  const size = Number(n);
  const person = must(personFromBundle(BUNDLE), 'personFromBundle').person;
  const stageNs = [0, 0, 0, 0];
  let run: () => unknown;
  switch (name) {
    case 'chart':
      run = () => chart(stageNs, true);
      break;
    case 'chart-zod':
      run = () => chart(stageNs, false);
      break;
    case 'chart-evaluateAll':
      run = () => must(evaluateAll(sets, person, { asOf: AS_OF }), 'evaluateAll');
      break;
    // One stage alone, for the A/B runs of the fast accept paths (`-zod`: the switch off).
    case 'fhir':
    case 'fhir-zod': {
      const options = { fastParse: name === 'fhir' };
      run = () => must(personFromBundle(BUNDLE, options), 'personFromBundle');
      break;
    }
    case 'cards':
    case 'cards-zod': {
      const decisions = must(evaluateAll(sets, person, { asOf: AS_OF }), 'evaluateAll');
      const options = { ...CARD_OPTIONS, fastParse: name === 'cards' };
      run = () => decisions.map((d, i) => must(toCards(d, sets[i]!, options), 'toCards'));
      break;
    }
    case 'response':
    case 'response-zod': {
      const decisions = must(evaluateAll(sets, person, { asOf: AS_OF }), 'evaluateAll');
      const cards = decisions.flatMap((d, i) => must(toCards(d, sets[i]!, CARD_OPTIONS), 'toCards'));
      const options = { fastParse: name === 'response' };
      run = () => must(cdsResponse(cards, options), 'cdsResponse');
      break;
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
  for (let i = 0; i < 200; i++) run();
  const times = new Float64Array(size);
  const stages = STAGES.map(() => new Float64Array(size));
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  let total = 0;
  let sink = 0;
  for (let i = 0; i < size; i++) {
    const t0 = process.hrtime.bigint();
    const r = run();
    const dt = Number(process.hrtime.bigint() - t0);
    times[i] = dt / 1000;
    total += dt;
    for (let k = 0; k < STAGES.length; k++) stages[k]![i] = stageNs[k]! / 1000;
    if (r) sink++;
  }
  const cpu = process.cpuUsage(cpu0);
  const sorted = times.slice().sort();
  const out = {
    case: name,
    persons: size,
    medianUs: quantile(sorted, 0.5),
    p99Us: quantile(sorted, 0.99),
    meanUs: total / 1000 / size,
    perSecond: Math.round(size / (total / 1e9)),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    startRssMiB: rssBefore / 1048576,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    cpuPerCallUs: (cpu.user + cpu.system) / size,
    ...(!name.startsWith('chart') || name === 'chart-evaluateAll' ? {} : stageFigures(stages)),
    sink,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main();
