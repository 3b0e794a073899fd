import type { Lang } from '../model/lang.js';
import type { Evidence, Severity, SourceRef } from '../model/ruleSet.js';
import type { Truth } from './logic.js';
import type { RuleTrace } from './trace.js';

/**
 * Which rule set a decision came from, so the decision can be audited and reproduced. A version
 * that records its sign-off carries it too (`approvedBy`, `approvedOn`): the decision then says
 * who approved the rules it rests on. A rule set without sign-off gives the three fields alone.
 */
export interface RuleSetStamp {
  readonly id: string;
  readonly version: string;
  readonly contentHash: string;
  readonly approvedBy?: string;
  readonly approvedOn?: string;
}

/** The stamp of a compiled rule set (frozen), with its sign-off when the file has one. */
export function ruleSetStamp(ruleSet: {
  readonly id: string;
  readonly version: string;
  readonly contentHash: string;
  readonly file: { readonly approvedBy?: string | undefined; readonly approvedOn?: string | undefined };
}): RuleSetStamp {
  const { approvedBy, approvedOn } = ruleSet.file;
  return Object.freeze({
    id: ruleSet.id,
    version: ruleSet.version,
    contentHash: ruleSet.contentHash,
    ...(approvedBy !== undefined ? { approvedBy } : {}),
    ...(approvedOn !== undefined ? { approvedOn } : {}),
  });
}

/** What a fired rule asserts (its json-rules-engine event). */
export interface Finding {
  readonly ruleId: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A prompt to show a clinician: a fired rule's text in the requested language. */
export interface Prompt {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly text: string;
  readonly evidence: Evidence;
  readonly source: SourceRef;
}

/** A missing fact, named for people. */
export interface MissingFact {
  readonly fact: string;
  readonly label: string;
}

/** A rule whose outcome is unknown because facts are missing: the "data needed" prompt. */
export interface DataNeeded {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  /** "Mangler data: …" naming the missing facts. */
  readonly text: string;
  readonly missing: readonly MissingFact[];
}

/** One reason in a score: a fired scoring rule and its points. */
export interface ScoreReason {
  readonly ruleId: string;
  readonly points: number;
  readonly text: string;
}

/** The points-based score of a rule set with a `scoring` section. */
export interface Score {
  /** Points from rules known to fire. */
  readonly points: number;
  /** Points if every unknown scoring rule turned out to fire (one band per component). */
  readonly maxPoints: number;
  readonly tier: 'low' | 'moderate' | 'high';
  /** The tier `maxPoints` would give; differs from `tier` only when missing data could change it. */
  readonly tierIfComplete: 'low' | 'moderate' | 'high';
  /** The cut-off for the high tier, after parameter overrides. */
  readonly highCutOff: number | undefined;
  readonly reasons: readonly ScoreReason[];
}

/** Per-rule outcome. */
export interface RuleOutcome {
  readonly ruleId: string;
  readonly outcome: Truth;
}

/**
 * The result of evaluating one person against one rule set as of a date. Deterministic: the same
 * inputs give byte-identical JSON.
 */
export interface Decision {
  readonly ruleSet: RuleSetStamp;
  readonly asOf: string;
  readonly lang: Lang;
  readonly outcomes: readonly RuleOutcome[];
  readonly findings: readonly Finding[];
  readonly prompts: readonly Prompt[];
  readonly dataNeeded: readonly DataNeeded[];
  readonly score?: Score;
  /** Present unless `trace: 'none'` was asked for. */
  readonly trace?: readonly RuleTrace[];
}
