import type { Lang } from '../model/lang.js';
import type { EvalEnv, TraceMode } from './closures.js';
import type { CompiledRuleSet } from './compiled.js';
import type { DataNeeded, Decision, Finding, Prompt, RuleOutcome, Score, ScoreReason } from './decision.js';
import type { Tri } from './logic.js';
import { T, U, fromTruth } from './logic.js';
import type { LangParts, RuleSetRuntime } from './runtime.js';
import { runtimeOf } from './runtime.js';
import { missingFacts } from './trace.js';
import type { RuleTrace } from './trace.js';

/*
 * Running a compiled rule set over one fact cache: the Decision, or the bare screen population mode
 * ranks with. The parts of a decision that do not depend on the person come from the rule set's
 * runtime (runtime.ts), shared and frozen; so do the traces, unless `shareTraces` is false.
 */

/**
 * Points of the scoring rules known to fire, and the most the unknown ones could add: one band per
 * component (a component that fired adds nothing more), the highest unknown band otherwise.
 */
class Tally {
  points = 0;
  /** Components that fired, as bits (a rule set has a few components; plain arrays past 30). */
  private firedBits = 0;
  private fired: boolean[] | undefined;
  /** The highest unknown band per component, allocated at the first unknown scoring rule. */
  private unknownMax: number[] | undefined;
  constructor(private readonly parts: RuleSetRuntime) {
    if (parts.components > 30) this.fired = new Array<boolean>(parts.components).fill(false);
  }
  add(rule: number, points: number, o: Tri): void {
    const c = this.parts.component[rule]!;
    if (o === T) {
      this.points += points;
      if (this.fired === undefined) this.firedBits |= 1 << c;
      else this.fired[c] = true;
    } else if (o === U) {
      const max = (this.unknownMax ??= new Array<number>(this.parts.components).fill(0));
      if (points > max[c]!) max[c] = points;
    }
  }
  maxPoints(): number {
    let max = this.points;
    const unknown = this.unknownMax;
    if (unknown === undefined) return max;
    for (let c = 0; c < unknown.length; c++) {
      const fired = this.fired === undefined ? (this.firedBits & (1 << c)) !== 0 : this.fired[c];
      if (!fired) max += unknown[c]!;
    }
    return max;
  }
}

/** Runs every rule over the fact cache and builds the decision; `shareTraces` false builds every trace for the call. */
export function runDecision(
  ruleSet: CompiledRuleSet,
  env: EvalEnv,
  asOf: string,
  lang: Lang,
  mode: TraceMode | 'none',
  shareTraces = true,
): Decision {
  const parts = runtimeOf(ruleSet);
  const l = parts.lang(lang);
  const rules = ruleSet.rules;
  const outcomes: RuleOutcome[] = new Array(rules.length);
  const findings: Finding[] = [];
  const prompts: Prompt[] = [];
  const dataNeeded: DataNeeded[] = [];
  const traces: RuleTrace[] | undefined = mode === 'none' ? undefined : new Array(rules.length);
  const reasons: ScoreReason[] = [];
  const tally = new Tally(parts);
  const shared = shareTraces ? parts.traces : undefined;

  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    let o: Tri;
    let trace: RuleTrace | undefined;
    if (traces === undefined) o = r.fast(env);
    else {
      traces[i] = trace = shared === undefined ? r.buildTrace(env, mode as TraceMode) : shared.trace(i, env, mode as TraceMode);
      o = fromTruth(trace.outcome);
    }
    outcomes[i] = parts.outcomes[i]![o];
    if (r.points !== undefined) tally.add(i, r.points, o);
    if (o === T) {
      findings.push(parts.findings[i]!);
      if (r.points !== undefined) reasons.push(l.reasons[i]!);
      else prompts.push(l.prompts[i]!);
    } else if (o === U) dataNeeded.push(dataNeededFor(ruleSet, l, i, env, trace));
  }

  // Built key by key in the order a decision's JSON has always had (no spreads of optional parts).
  const decision: { -readonly [K in keyof Decision]: Decision[K] } = {
    ruleSet: parts.stamp,
    asOf,
    lang,
    outcomes,
    findings,
    prompts,
    dataNeeded,
  };
  if (ruleSet.tiers) {
    const maxPoints = tally.maxPoints();
    decision.score = {
      points: tally.points,
      maxPoints,
      tier: tierOf(ruleSet, tally.points),
      tierIfComplete: tierOf(ruleSet, maxPoints),
      highCutOff: parts.highCutOff,
      reasons,
    };
  }
  if (traces !== undefined) decision.trace = traces;
  return decision;
}

/** What population mode keeps of a person: each rule's outcome (in `ruleSet.rules` order) and the score. */
export type Screen = { outcomes: Uint8Array; points: number; maxPoints: number; tier: Score['tier']; tierIfComplete: Score['tier'] };

/** Runs every rule over the fact cache without building a decision; the score is computed as {@link runDecision} does. */
export function runScreen(ruleSet: CompiledRuleSet, env: EvalEnv): Screen {
  const rules = ruleSet.rules;
  const outcomes = new Uint8Array(rules.length);
  const tally = new Tally(runtimeOf(ruleSet));
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const o = r.fast(env);
    outcomes[i] = o;
    if (r.points !== undefined) tally.add(i, r.points, o);
  }
  const maxPoints = tally.maxPoints();
  const scored = ruleSet.tiers !== undefined;
  return {
    outcomes,
    points: tally.points,
    maxPoints,
    tier: scored ? tierOf(ruleSet, tally.points) : 'low',
    tierIfComplete: scored ? tierOf(ruleSet, maxPoints) : 'low',
  };
}

function tierOf(ruleSet: CompiledRuleSet, points: number): Score['tier'] {
  const tiers = ruleSet.tiers!;
  for (let i = 0; i < tiers.length; i++) if (points >= tiers[i]!.minPoints) return tiers[i]!.tier;
  return 'low';
}

/** The data-needed prompt of an unknown rule, shared per set of missing facts. */
function dataNeededFor(ruleSet: CompiledRuleSet, l: LangParts, index: number, env: EvalEnv, trace: RuleTrace | undefined): DataNeeded {
  const r = ruleSet.rules[index]!;
  // The mask names the missing facts without building anything; a rule with too many fact names for
  // a mask collects them from its trace (a redacted one, built for the call, when none was asked for).
  let key: number | string;
  let names: string[] | undefined;
  if (r.factNames !== undefined) key = r.missing(env);
  else {
    names = [...missingFacts((trace ?? r.buildTrace(env, 'redacted')).conditions)].sort();
    key = names.join('\u0000');
  }
  let d = l.keptDataNeeded(index, key);
  if (d === undefined) {
    if (names === undefined) {
      const mask = key as number;
      names = r.factNames!.filter((_, bit) => (mask & (1 << bit)) !== 0).sort();
    }
    d = l.keepDataNeeded(index, key, names);
  }
  return d;
}
