import { Lang } from '../model/lang.js';
import type { CompiledRuleSet } from './compiled.js';
import type { DataNeeded, Finding, Prompt, RuleOutcome, RuleSetStamp, ScoreReason } from './decision.js';
import { ruleSetStamp } from './decision.js';
import { SharedTraces } from './traceSharing.js';

/*
 * The runtime of a compiled rule set: everything evaluation keeps between calls, in one object per
 * rule set. The compiled rule set itself is frozen data and closures without state; this is its one
 * mutable companion, created at its first evaluation and held in a WeakMap keyed by it, so that it
 * lives exactly as long as the rule set (docs/architecture.md lists it with the other caches).
 *
 * What it keeps: the parts of a decision that depend only on the rule, its outcome and the language
 * (outcome records, findings, prompts, score reasons, fact labels), built once; the data-needed
 * prompt of a rule per set of missing facts, at most {@link DATA_NEEDED_PER_RULE} per rule and
 * language; and the shared traces (traceSharing.ts). A population evaluates the same rules millions
 * of times; a decision is readonly data, so sharing these frozen parts is invisible except in speed.
 */

/** Distinct sets of missing facts a rule keeps a data-needed prompt for, per language (a rule has few). */
const DATA_NEEDED_PER_RULE = 256;

const DATA_NEEDED: Record<Lang, string> = { nb: 'Mangler data', nn: 'Manglar data', en: 'Data needed' };

/** The parts of a decision in one language. */
export class LangParts {
  readonly prompts: readonly Prompt[];
  readonly reasons: readonly (ScoreReason | undefined)[];
  /** Per rule: data-needed prompts by the key of their missing facts (a mask, or the names joined). */
  private readonly dataNeeded: Map<number | string, DataNeeded>[];
  /** Fact labels by name. */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly lang: Lang,
  ) {
    const f = Object.freeze;
    this.prompts = ruleSet.rules.map(({ rule }) =>
      f({
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title[lang],
        text: rule.text[lang],
        evidence: rule.evidence,
        source: rule.source,
      }),
    );
    this.reasons = ruleSet.rules.map((r) =>
      r.points === undefined ? undefined : f({ ruleId: r.rule.id, points: r.points, text: r.rule.text[lang] }),
    );
    this.dataNeeded = ruleSet.rules.map(() => new Map());
  }

  /** The data-needed prompt of rule `index` kept for the missing facts with `key` (a mask, or the names joined). */
  keptDataNeeded(index: number, key: number | string): DataNeeded | undefined {
    return this.dataNeeded[index]!.get(key);
  }

  /** Builds the data-needed prompt of rule `index` for the missing facts `names` (sorted), and keeps it under `key`. */
  keepDataNeeded(index: number, key: number | string, names: readonly string[]): DataNeeded {
    const r = this.ruleSet.rules[index]!;
    const lang = this.lang;
    const missing = Object.freeze(names.map((fact) => Object.freeze({ fact, label: this.label(fact) })));
    const d = Object.freeze({
      ruleId: r.rule.id,
      severity: r.rule.severity,
      title: r.rule.title[lang],
      text: `${DATA_NEEDED[lang]}: ${missing.map((m) => m.label).join(', ')}.`,
      missing,
    });
    const cache = this.dataNeeded[index]!;
    if (cache.size < DATA_NEEDED_PER_RULE) cache.set(key, d);
    return d;
  }

  private label(fact: string): string {
    let label = this.labels.get(fact);
    if (label === undefined) {
      // The first slot with the name: a fact read with several params shares one label.
      const slot = this.ruleSet.slots.find((s) => s.name === fact);
      label = slot?.def?.label[this.lang] ?? fact;
      this.labels.set(fact, label);
    }
    return label;
  }
}

/** What evaluating one compiled rule set keeps between calls. */
export class RuleSetRuntime {
  readonly stamp: RuleSetStamp;
  readonly highCutOff: number | undefined;
  readonly outcomes: readonly (readonly [RuleOutcome, RuleOutcome, RuleOutcome])[];
  readonly findings: readonly Finding[];
  /** Each rule's score component as a small index (exclusive bands share one), -1 for a rule without points. */
  readonly component: Int32Array;
  readonly components: number;
  /** At most one per language: a language other than the three is built for its call alone. */
  private readonly langs = new Map<Lang, LangParts>();
  private shared: SharedTraces | undefined;

  constructor(private readonly ruleSet: CompiledRuleSet) {
    const f = Object.freeze;
    const names: string[] = [];
    this.component = Int32Array.from(ruleSet.rules, (r) => {
      if (r.points === undefined) return -1;
      const i = names.indexOf(r.component);
      return i >= 0 ? i : names.push(r.component) - 1;
    });
    this.components = names.length;
    this.stamp = ruleSetStamp(ruleSet);
    this.highCutOff = ruleSet.tiers?.find((t) => t.tier === 'high')?.minPoints;
    this.outcomes = ruleSet.rules.map(
      ({ rule }) =>
        [
          f({ ruleId: rule.id, outcome: false }),
          f({ ruleId: rule.id, outcome: true }),
          f({ ruleId: rule.id, outcome: 'unknown' as const }),
        ] as const,
    );
    this.findings = ruleSet.rules.map(({ rule }) => f({ ruleId: rule.id, type: rule.event.type, params: rule.event.params ?? {} }));
  }

  /** The parts in one language. */
  lang(lang: Lang): LangParts {
    let l = this.langs.get(lang);
    if (l === undefined) {
      l = new LangParts(this.ruleSet, lang);
      // evaluateParsed takes its options as valid: an unchecked language must not grow the runtime.
      if (Lang.safeParse(lang).success) this.langs.set(lang, l);
    }
    return l;
  }

  /** The rule set's shared traces, created at the first traced evaluation. */
  get traces(): SharedTraces {
    return (this.shared ??= new SharedTraces(this.ruleSet));
  }
}

/** The runtime of each compiled rule set, for as long as the rule set lives. */
const runtimes = new WeakMap<CompiledRuleSet, RuleSetRuntime>();

/** The runtime of a compiled rule set, created at its first evaluation. */
export function runtimeOf(ruleSet: CompiledRuleSet): RuleSetRuntime {
  let r = runtimes.get(ruleSet);
  if (r === undefined) runtimes.set(ruleSet, (r = new RuleSetRuntime(ruleSet)));
  return r;
}
