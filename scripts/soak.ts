/**
 * Soak: a million interleaved evaluations, to show that every cache the library keeps between calls
 * is bounded. Every bundled rule set, three languages, every trace mode (full, redacted, none), four
 * kinds of call in turn: `evaluate` of one rule set, `evaluateAll` of all of them (a chart opening),
 * `evaluateFacts` with plain values a host passed (strings, lists and large numbers that must not be
 * kept), and `explainDecision`. The persons are new all the time: a synthetic cohort of a million,
 * and the example persons with their dates and diagnoses shifted per call. A rule set is compiled
 * anew with other parameters now and then, as a host reloading its configuration would.
 *
 * After a warm-up the heap is measured after a full GC at fixed intervals; a leak shows as growth.
 * The run fails (exit 1) when the heap after warm-up grows by more than the allowance.
 *
 *   npm run soak                      # 1,000,000 evaluations
 *   npm run soak -- 200000            # fewer, for a quick look
 *
 * Not part of CI: it takes minutes. Figures in BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import {
  bundledRuleSetIds,
  compileRuleSet,
  evaluate,
  evaluateAll,
  evaluateFacts,
  explainDecision,
  Lang,
  loadBundledRuleSet,
} from '../src/index.js';
import { generateCohort } from '../src/population/index.js';
import type { CompiledRuleSet, PersonInput } from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  process.stderr.write('soak: run with node --expose-gc (npm run soak does)\n');
  process.exit(2);
}

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const WARM_UP = Math.round(TOTAL * 0.2);
const SAMPLES = 20;
/** Growth of the heap after warm-up that still counts as flat. */
const ALLOWANCE_MIB = 8;

const LANGS = Lang.options;
const TRACES = ['full', 'redacted', 'none'] as const;
const DATES = Array.from(
  { length: 24 },
  (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
);

const ids = bundledRuleSetIds();
const ruleSets: CompiledRuleSet[] = ids.map((id) => {
  const r = loadBundledRuleSet(id);
  if (E.isLeft(r)) throw new Error(`${id} does not compile`);
  return r.right;
});
const identificationFile = JSON.parse(readFileSync(new URL('../rules/identification.json', import.meta.url), 'utf8')) as unknown;

const examples = ['klara', 'morten', 'kasper', 'nora'].map((n) => {
  const { $schema: _s, ...p } = JSON.parse(readFileSync(new URL(`../examples/persons/${n}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  return p;
});

/** A small deterministic generator (mulberry32), so runs compare. */
let state = 20261123;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const word = () => Math.floor(random() * 2 ** 40).toString(36);

const cohort = generateCohort({ seed: 99, size: TOTAL, asOf: '2026-11-23' })[Symbol.iterator]();
/** A person not seen before: the next of the cohort, or an example with a new id, encounter and diagnosis. */
function nextPerson(i: number): PersonInput {
  if (i % 4 !== 3) {
    const n = cohort.next();
    if (!n.done) return n.value;
  }
  const base = examples[i % examples.length]!;
  const day = 1 + Math.floor(random() * 27);
  const month = 1 + Math.floor(random() * 10);
  const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    ...(base as PersonInput),
    id: `soak/${word()}`,
    encounters: [...((base['encounters'] as PersonInput['encounters']) ?? []), { type: 'gp-consultation', date }],
    diagnoses: [
      ...((base['diagnoses'] as PersonInput['diagnoses']) ?? []),
      { system: 'ICD-10', code: pick(['I50', 'J44', 'E11', 'F32', 'C50', 'N18', 'G30']), onset: date },
    ],
  };
}

/** Plain fact values a host passes: built-in facts with text, lists and numbers that must never be kept. */
function hostFacts(): Record<string, unknown> {
  return {
    age: Math.floor(random() * 100),
    sex: `${pick(['female', 'male'])} ${word()}`,
    municipality: word(),
    regularMedications: Math.floor(random() * 20),
    emergencyAdmissions: Math.floor(random() * 2 ** 31),
    teamMembers: [word(), 'gp'],
    teamStatus: word(),
    frail: random() < 0.5,
  };
}

const heap = () => {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
};

const atStart = heap();
const started = Date.now();
const samples: { evaluations: number; heapMiB: number }[] = [];
const every = Math.floor((TOTAL - WARM_UP) / SAMPLES);
let evaluations = 0;
let calls = 0;
let nextSample = WARM_UP;
let compiled = 0;
let sink = 0;
process.stdout.write(
  `soak: ${TOTAL.toLocaleString('en')} evaluations over ${ruleSets.length} rule sets (${ids.join(', ')}), ${LANGS.length} languages, trace ${TRACES.join('/')}; heap at start ${atStart.toFixed(1)} MiB\n`,
);
while (evaluations < TOTAL) {
  const lang = LANGS[calls % 3]!;
  const trace = TRACES[Math.floor(calls / 3) % 3]!;
  const asOf = DATES[calls % DATES.length]!;
  const rs = ruleSets[calls % ruleSets.length]!;
  switch (calls % 4) {
    case 0: {
      const r = evaluate(rs, nextPerson(calls), { asOf, lang, trace });
      if (E.isRight(r)) sink += r.right.outcomes.length;
      evaluations++;
      break;
    }
    case 1: {
      const r = evaluateAll(ruleSets, nextPerson(calls), { asOf, lang, trace });
      if (E.isRight(r)) sink += r.right.length;
      evaluations += ruleSets.length;
      break;
    }
    case 2: {
      const r = evaluateFacts(rs, hostFacts(), { asOf, lang, trace });
      if (E.isRight(r)) sink += r.right.outcomes.length;
      evaluations++;
      break;
    }
    default: {
      const r = evaluate(rs, nextPerson(calls), { asOf, lang, trace: trace === 'none' ? 'full' : trace });
      if (E.isRight(r)) sink += explainDecision(r.right, { ruleSet: rs, lang: lang }).length;
      evaluations++;
    }
  }
  calls++;
  // A host reloading its configuration: the identification rule set with another parameter value.
  if (calls % 5000 === 0) {
    const r = compileRuleSet(identificationFile, { parameters: { highRiskCutOff: 5 + (compiled % 10) } });
    if (E.isRight(r)) ruleSets[ids.indexOf('identification')] = r.right;
    compiled++;
  }
  if (evaluations >= nextSample) {
    const h = heap();
    samples.push({ evaluations, heapMiB: h });
    process.stdout.write(`  ${String(evaluations).padStart(9)} evaluations  heap ${h.toFixed(1)} MiB\n`);
    nextSample += every;
  }
}
const seconds = (Date.now() - started) / 1000;
const after = samples.map((s) => s.heapMiB);
const first = after[0]!;
const last = after[after.length - 1]!;
const max = Math.max(...after);
const min = Math.min(...after);
// Least-squares slope, in MiB per 100,000 evaluations.
const n = samples.length;
const mx = samples.reduce((a, s) => a + s.evaluations, 0) / n;
const my = after.reduce((a, y) => a + y, 0) / n;
const slope =
  (samples.reduce((a, s) => a + (s.evaluations - mx) * (s.heapMiB - my), 0) / samples.reduce((a, s) => a + (s.evaluations - mx) ** 2, 0)) *
  100_000;
const flat = last - first <= ALLOWANCE_MIB && max - min <= ALLOWANCE_MIB;
process.stdout.write(
  `soak: ${evaluations.toLocaleString('en')} evaluations in ${calls.toLocaleString('en')} calls, ${compiled} recompiles, ${seconds.toFixed(0)} s (checksum ${sink % 1000})\n` +
    `after warm-up (${WARM_UP.toLocaleString('en')}): heap ${first.toFixed(1)} → ${last.toFixed(1)} MiB, range ${min.toFixed(1)}–${max.toFixed(1)} MiB, slope ${slope.toFixed(2)} MiB per 100,000 evaluations: ${flat ? 'flat' : `GROWING (allowance ${ALLOWANCE_MIB} MiB)`}\n`,
);
process.exitCode = flat ? 0 : 1;
