import type { Lang } from '../model/lang.js';
import type { EvalEnv, TraceMode } from './closures.js';
import type { CompiledRuleSet } from './compile.js';
import type { DataNeeded, Decision, Finding, Prompt, RuleOutcome, RuleSetStamp, Score, ScoreReason } from './decision.js';
import type { Tri } from './logic.js';
import { T, U, fromTruth } from './logic.js';
import { missingFacts } from './trace.js';
import type { RuleTrace } from './trace.js';
import { TraceTable } from './traceTable.js';

/*
 * Running a compiled rule set over one fact cache: the Decision, or the bare screen population mode
 * ranks with. The parts of a decision that depend only on the rule set, the rule, the outcome and
 * the language (outcome records, findings, prompts, reasons, data-needed prompts for a given set of
 * missing facts) are built once and shared, frozen, between decisions: a population evaluates the
 * same rules millions of times. A decision is readonly data, so sharing is invisible except in speed.
 */

interface RunParts {
  readonly stamp: RuleSetStamp;
  readonly highCutOff: number | undefined;
  readonly outcomes: readonly (readonly [RuleOutcome, RuleOutcome, RuleOutcome])[];
  readonly findings: readonly Finding[];
  /** Each rule's score component as a small index (exclusive bands share one), -1 for a rule without points. */
  readonly component: Int32Array;
  readonly components: number;
  readonly byLang: Map<Lang, LangParts>;
  /** The shared traces of the rule set's small rules. */
  readonly traces: TraceTable;
}
interface LangParts {
  readonly prompts: readonly Prompt[];
  readonly reasons: readonly (ScoreReason | undefined)[];
  readonly dataNeeded: Map<number | string, DataNeeded>[];
}
const partsCache = new WeakMap<CompiledRuleSet, RunParts>();

function runParts(ruleSet: CompiledRuleSet): RunParts {
  let p = partsCache.get(ruleSet);
  if (p === undefined) {
    const f = Object.freeze;
    const names: string[] = [];
    const component = Int32Array.from(ruleSet.rules, (r) => {
      if (r.points === undefined) return -1;
      const i = names.indexOf(r.component);
      return i >= 0 ? i : names.push(r.component) - 1;
    });
    p = {
      stamp: f({ id: ruleSet.id, version: ruleSet.version, contentHash: ruleSet.contentHash }),
      highCutOff: ruleSet.tiers?.find((t) => t.tier === 'high')?.minPoints,
      outcomes: ruleSet.rules.map(({ rule }) => [f({ ruleId: rule.id, outcome: false }), f({ ruleId: rule.id, outcome: true }), f({ ruleId: rule.id, outcome: 'unknown' as const })] as const),
      findings: ruleSet.rules.map(({ rule }) => f({ ruleId: rule.id, type: rule.event.type, params: rule.event.params ?? {} })),
      component,
      components: names.length,
      byLang: new Map(),
      traces: new TraceTable(ruleSet),
    };
    partsCache.set(ruleSet, p);
  }
  return p;
}

function langParts(ruleSet: CompiledRuleSet, parts: RunParts, lang: Lang): LangParts {
  let l = parts.byLang.get(lang);
  if (l === undefined) {
    const f = Object.freeze;
    l = {
      prompts: ruleSet.rules.map(({ rule }) =>
        f({ ruleId: rule.id, severity: rule.severity, title: rule.title[lang], text: rule.text[lang], evidence: rule.evidence, source: rule.source }),
      ),
      reasons: ruleSet.rules.map((r) => (r.points === undefined ? undefined : f({ ruleId: r.rule.id, points: r.points, text: r.rule.text[lang] }))),
      dataNeeded: ruleSet.rules.map(() => new Map()),
    };
    parts.byLang.set(lang, l);
  }
  return l;
}

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
  constructor(private readonly parts: RunParts) {
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

/** Runs every rule over the fact cache and builds the decision. */
export function runDecision(ruleSet: CompiledRuleSet, env: EvalEnv, asOf: string, lang: Lang, mode: TraceMode | 'none'): Decision {
  const parts = runParts(ruleSet);
  const l = langParts(ruleSet, parts, lang);
  const rules = ruleSet.rules;
  const outcomes: RuleOutcome[] = new Array(rules.length);
  const findings: Finding[] = [];
  const prompts: Prompt[] = [];
  const dataNeeded: DataNeeded[] = [];
  const traces: RuleTrace[] | undefined = mode === 'none' ? undefined : new Array(rules.length);
  const reasons: ScoreReason[] = [];
  const tally = new Tally(parts);

  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    let o: Tri;
    let trace: RuleTrace | undefined;
    if (traces === undefined) o = r.fast(env);
    else {
      traces[i] = trace = parts.traces.trace(i, env, mode as TraceMode) ?? r.traced(env, mode as TraceMode);
      o = fromTruth(trace.outcome);
    }
    outcomes[i] = parts.outcomes[i]![o];
    if (r.points !== undefined) tally.add(i, r.points, o);
    if (o === T) {
      findings.push(parts.findings[i]!);
      if (r.points !== undefined) reasons.push(l.reasons[i]!);
      else prompts.push(l.prompts[i]!);
    } else if (o === U) dataNeeded.push(dataNeededFor(ruleSet, l, i, env, trace, lang));
  }

  // Built key by key in the order a decision's JSON has always had (no spreads of optional parts).
  const decision: { -readonly [K in keyof Decision]: Decision[K] } = { ruleSet: parts.stamp, asOf, lang, outcomes, findings, prompts, dataNeeded };
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
  const tally = new Tally(runParts(ruleSet));
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
function dataNeededFor(ruleSet: CompiledRuleSet, l: LangParts, index: number, env: EvalEnv, trace: RuleTrace | undefined, lang: Lang): DataNeeded {
  const r = ruleSet.rules[index]!;
  const cache = l.dataNeeded[index]!;
  // The mask names the missing facts without building anything; a rule with too many fact names for
  // a mask collects them from its trace (a redacted one when none was asked for).
  let key: number | string;
  let names: string[] | undefined;
  if (r.factNames !== undefined) key = r.missing(env);
  else {
    names = [...missingFacts((trace ?? r.traced(env, 'redacted')).conditions)].sort();
    key = names.join('\u0000');
  }
  let d = cache.get(key);
  if (d === undefined) {
    if (names === undefined) {
      const mask = key as number;
      names = r.factNames!.filter((_, bit) => (mask & (1 << bit)) !== 0).sort();
    }
    const missing = Object.freeze(names.map((fact) => Object.freeze({ fact, label: ruleSetFactLabel(ruleSet, fact, lang) })));
    d = Object.freeze({
      ruleId: r.rule.id,
      severity: r.rule.severity,
      title: r.rule.title[lang],
      text: `${DATA_NEEDED[lang]}: ${missing.map((m) => m.label).join(', ')}.`,
      missing,
    });
    if (cache.size < 256) cache.set(key, d); // a rule has few distinct sets of missing facts
  }
  return d;
}

const DATA_NEEDED: Record<Lang, string> = { nb: 'Mangler data', nn: 'Manglar data', en: 'Data needed' };

/** Fact labels per rule set, looked up for every data-needed prompt (a population has millions). */
const labelsByRuleSet = new WeakMap<CompiledRuleSet, Map<string, string>>();

function ruleSetFactLabel(ruleSet: CompiledRuleSet, fact: string, lang: Lang): string {
  let labels = labelsByRuleSet.get(ruleSet);
  if (labels === undefined) labelsByRuleSet.set(ruleSet, (labels = new Map()));
  const key = `${lang}|${fact}`;
  let label = labels.get(key);
  if (label === undefined) {
    // The first slot with the name, as before: a fact read with several params shares one label.
    const slot = ruleSet.slots.find((s) => s.name === fact);
    label = slot?.def?.label[lang] ?? fact;
    labels.set(key, label);
  }
  return label;
}
