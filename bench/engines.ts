/**
 * One benchmark case in its own process, so its peak memory (maxRSS) is its own:
 *   tsx bench/engines.ts <case> <persons>
 * Persons are generated and validated one at a time (streaming); only the evaluation is timed, per
 * person, with process.hrtime. Prints one JSON line.
 */
import { Engine } from 'json-rules-engine';
import { builtinFacts } from '../src/policy/index.js';
import { bundledRuleSetIds, evaluate, evaluateAll, evaluateFacts, evaluateParsed, loadBundledRuleSet, parsePerson } from '../src/index.js';
import { generateCohort } from '../src/population/index.js';
import { registerOnJsonRulesEngine, safePathResolver, toJsonRulesEngineRules } from '../src/adapters/jsonRulesEngine.js';
import type { CompiledRuleSet, ParsedPerson, PersonInput } from '../src/index.js';
import { screenFacts } from '../src/engine/evaluate.js';
import { factsByName, factsFromPerson, identificationByHand } from './handWritten.js';

import { AS_OF } from './common.js';
const AS_OF_DAY = Math.floor(Date.UTC(2026, 10, 23) / 86_400_000);

const ruleSet = (() => {
  const r = loadBundledRuleSet('identification');
  if (r._tag === 'Left') throw new Error('identification rule set invalid');
  return r.right;
})();
const facts = builtinFacts();

function jreEngine(withFacts: boolean): Engine {
  const e = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
  if (withFacts) registerOnJsonRulesEngine(e as never, { ruleSet, facts, asOf: AS_OF });
  else {
    const { rules, conditions } = toJsonRulesEngineRules(ruleSet);
    for (const [name, c] of Object.entries(conditions)) e.setCondition(name, c as never);
    for (const r of rules) e.addRule(r as never);
  }
  return e;
}

function allRuleSets(): CompiledRuleSet[] {
  return bundledRuleSetIds().map((id) => {
    const r = loadBundledRuleSet(id);
    if (r._tag === 'Left') throw new Error(`${id} invalid`);
    return r.right;
  });
}

/** Builds the case; `pre` computes per-person inputs outside the timed section. */
function makeCase(name: string): {
  pre?: (p: ParsedPerson) => unknown;
  run: (p: ParsedPerson, input: PersonInput, pre: unknown) => unknown;
} {
  switch (name) {
    case 'a-none':
      return { run: (p) => evaluateParsed(ruleSet, p, { asOf: AS_OF, trace: 'none' }) };
    case 'a-full':
      return { run: (p) => evaluateParsed(ruleSet, p, { asOf: AS_OF, trace: 'full' }) };
    case 'a-full-unshared':
      // The A/B arm of trace sharing: every trace built for its call (src/engine/traceSharing.ts).
      return { run: (p) => evaluateParsed(ruleSet, p, { asOf: AS_OF, trace: 'full', shareTraces: false }) };
    case 'a-input':
      // evaluate() from the person as the host sent it: validation (the fast accept path, or zod)
      // and the untraced evaluation, as one call.
      return { run: (_p, input) => evaluate(ruleSet, input, { asOf: AS_OF, trace: 'none' }) };
    case 'a-input-zod':
      // The A/B arm of the fast accept path: the person validated by zod alone.
      return { run: (_p, input) => evaluate(ruleSet, input, { asOf: AS_OF, trace: 'none', fastParse: false }) };
    case 'a-facts':
      return {
        pre: (p) => factsByName(factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet)),
        run: (_p, _i, f) => evaluateFacts(ruleSet, f as Record<string, unknown>, { asOf: AS_OF, trace: 'none' }),
      };
    case 'a-facts-full':
      return {
        pre: (p) => factsByName(factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet)),
        run: (_p, _i, f) => evaluateFacts(ruleSet, f as Record<string, unknown>, { asOf: AS_OF, trace: 'full' }),
      };
    case 'a-core':
      // The engine core: the compiled rules and the score on the same facts object, no input checks,
      // no Decision (what population mode screens everyone with). Checked against evaluateFacts first.
      return {
        pre: (p) => {
          const f = factsByName(factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet));
          const d = evaluateFacts(ruleSet, f, { asOf: AS_OF, trace: 'none' });
          const s = screenFacts(ruleSet, f, AS_OF, AS_OF_DAY);
          if (
            d._tag === 'Left' ||
            d.right.score!.points !== s.points ||
            d.right.score!.maxPoints !== s.maxPoints ||
            d.right.outcomes.some((o, i) => o.outcome !== (s.outcomes[i] === 2 ? 'unknown' : s.outcomes[i] === 1))
          )
            throw new Error('screenFacts differs from evaluateFacts');
          return f;
        },
        run: (_p, _i, f) => screenFacts(ruleSet, f as Record<string, unknown>, AS_OF, AS_OF_DAY),
      };
    case 'b-person': {
      const e = jreEngine(true);
      return { run: (p) => e.run({ person: p, asOf: AS_OF }) };
    }
    case 'b-facts': {
      const e = jreEngine(false);
      return {
        pre: (p) => factsByName(factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet)),
        run: (_p, _i, f) => e.run(f as Record<string, unknown>),
      };
    }
    case 'c-person':
      return { run: (p) => identificationByHand(factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet)) };
    case 'c-facts':
      return { pre: (p) => factsFromPerson(p, AS_OF, AS_OF_DAY, facts, ruleSet), run: (_p, _i, f) => identificationByHand(f as never) };
    case 'decision':
    case 'decision-unshared':
    case 'decision-zod': {
      // A full single-person decision: validation, every bundled rule set, prompts and trace, in the
      // one call a GP system makes when a chart opens. The two other names are the A/B arms of trace
      // sharing and of the fast accept path for persons, each switched off.
      const sets = allRuleSets();
      const options = {
        asOf: AS_OF,
        trace: 'full' as const,
        shareTraces: name !== 'decision-unshared',
        fastParse: name !== 'decision-zod',
      };
      return {
        run: (_p, input) => {
          const d = evaluateAll(sets, input, options);
          if (d._tag === 'Left') throw new Error('invalid');
          return d.right;
        },
      };
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const [name = 'a-none', n = '10000'] = process.argv.slice(2);
  const size = Number(n);
  const c = makeCase(name);
  const times = new Float64Array(size);
  const rssBefore = process.memoryUsage().rss;
  let i = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  let total = 0;
  for (const input of generateCohort({ seed: 1, size, asOf: AS_OF })) {
    const v = parsePerson(input);
    if (v._tag === 'Left') throw new Error('invalid synthetic person');
    const pre = c.pre ? c.pre(v.right) : undefined;
    const t0 = process.hrtime.bigint();
    let r = c.run(v.right, input, pre);
    if (r instanceof Promise) r = await r;
    const dt = Number(process.hrtime.bigint() - t0);
    times[i++] = dt / 1000;
    total += dt;
    if (r) sink++;
  }
  const cpu = process.cpuUsage(cpu0);
  const sorted = times.slice(0, i).sort();
  const out = {
    case: name,
    persons: i,
    medianUs: quantile(sorted, 0.5),
    p99Us: quantile(sorted, 0.99),
    meanUs: total / 1000 / i,
    perSecond: Math.round(i / (total / 1e9)),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    startRssMiB: rssBefore / 1048576,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    sink,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
