import type { CompiledRuleSet } from '../engine/compile.js';
import type { Decision, Score } from '../engine/decision.js';
import type { ParsedPerson } from '../engine/evaluate.js';
import { evaluateParsed } from '../engine/evaluate.js';
import { explainRule } from '../explain/why.js';
import type { Lang } from '../model/lang.js';
import type { Severity } from '../model/ruleSet.js';

/** How the worklist was cut: by the points of the score, or by the top share of the persons ranked. */
export type CutOff =
  | { readonly by: 'points'; readonly minPoints: number }
  | {
      readonly by: 'top';
      readonly percent: number /** The lowest points that made the list (set when finished). */;
      readonly minPoints?: number;
    };

/** One reason in a worklist entry: a fired scoring rule, its points, its text and its "why". */
export interface WorklistReason {
  readonly ruleId: string;
  readonly points: number;
  readonly text: string;
  /** The same "why" sentence the single-person decision gives ({@link explainRule}). */
  readonly why: string;
}

/** A fired prompt in a worklist entry (e.g. the target-group prompt), with its "why". */
export interface WorklistPrompt {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly why: string;
}

/** One person on the worklist. Built from the same {@link Decision} and explanations as a single-person evaluation. */
export interface WorklistEntry {
  /** Position on the list, 1 first; set when the list is ranked (top percent, or the `stratify` API). */
  readonly rank?: number;
  /** The record's number in the input: the NDJSON line, or the 1-based position in the cohort. */
  readonly line: number;
  /** The host's own reference (`person.id`), when given. */
  readonly id?: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly tier: Score['tier'];
  readonly tierIfComplete: Score['tier'];
  readonly subGroups: readonly string[];
  readonly reasons: readonly WorklistReason[];
  readonly prompts: readonly WorklistPrompt[];
  /** Labels of the facts whose absence left rules unknown, sorted. */
  readonly dataNeeded: readonly string[];
  readonly cutOff: CutOff;
}

/** The ranking key: points, then the points missing data could add, then input order. */
export interface RankKey {
  readonly points: number;
  readonly maxPoints: number;
  readonly line: number;
}

/** True when `a` ranks above `b`: more points, then a higher possible score, then earlier in the input. */
export function ranksAbove(a: RankKey, b: RankKey): boolean {
  if (a.points !== b.points) return a.points > b.points;
  if (a.maxPoints !== b.maxPoints) return a.maxPoints > b.maxPoints;
  return a.line < b.line;
}

/**
 * Builds the worklist entry of a listed person from a full decision with trace, so every reason and
 * prompt carries the same "why" the single-person prompt shows.
 */
export function buildEntry(
  ruleSet: CompiledRuleSet,
  person: ParsedPerson,
  line: number,
  asOf: string,
  lang: Lang,
  cutOff: CutOff,
): WorklistEntry {
  const d: Decision = evaluateParsed(ruleSet, person, { asOf, lang, trace: 'full' });
  const traces = new Map((d.trace ?? []).map((t) => [t.ruleId, t]));
  const why = (ruleId: string) => {
    const t = traces.get(ruleId);
    return t ? explainRule(t, { lang, ruleSet }).summary : '';
  };
  const s = d.score!;
  const subGroups: string[] = [];
  for (const f of d.findings)
    if (f.params['finding'] === 'sub-group' && typeof f.params['subGroup'] === 'string') subGroups.push(f.params['subGroup']);
  const missing = new Set<string>();
  for (const n of d.dataNeeded) for (const m of n.missing) missing.add(m.label);
  return {
    line,
    ...(person.id !== undefined ? { id: person.id } : {}),
    points: s.points,
    maxPoints: s.maxPoints,
    tier: s.tier,
    tierIfComplete: s.tierIfComplete,
    subGroups,
    reasons: s.reasons.map((r) => ({ ruleId: r.ruleId, points: r.points, text: r.text, why: why(r.ruleId) })),
    prompts: d.prompts.map((p) => ({ ruleId: p.ruleId, severity: p.severity, title: p.title, why: why(p.ruleId) })),
    dataNeeded: [...missing].sort(),
    cutOff,
  };
}
