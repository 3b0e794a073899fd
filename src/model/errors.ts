import type { ValidationIssue } from './issues.js';

/*
 * Expected failures are values, not exceptions (brief, decision 5). Each error has a literal `_tag`
 * so callers without fp-ts can switch on it, and a list of located issues.
 */

/** The person record did not validate. */
export interface InvalidPersonError {
  readonly _tag: 'InvalidPerson';
  readonly issues: readonly ValidationIssue[];
}

/** A rule set or code list did not validate; nothing of it was loaded. */
export interface InvalidRuleSetError {
  readonly _tag: 'InvalidRuleSet';
  /** The rule set's id when it could be read. */
  readonly ruleSetId?: string;
  readonly issues: readonly ValidationIssue[];
}

/** The evaluation options (such as `asOf`) did not validate. */
export interface InvalidOptionsError {
  readonly _tag: 'InvalidOptions';
  readonly issues: readonly ValidationIssue[];
}

/** Any error `evaluate` can return. */
export type EvaluationError = InvalidPersonError | InvalidOptionsError | InvalidRuleSetError;

/** Creates an {@link InvalidPersonError}. */
export const invalidPerson = (issues: readonly ValidationIssue[]): InvalidPersonError => ({ _tag: 'InvalidPerson', issues });
/** Creates an {@link InvalidRuleSetError}. */
export const invalidRuleSet = (issues: readonly ValidationIssue[], ruleSetId?: string): InvalidRuleSetError =>
  ruleSetId === undefined ? { _tag: 'InvalidRuleSet', issues } : { _tag: 'InvalidRuleSet', ruleSetId, issues };
/** Creates an {@link InvalidOptionsError}. */
export const invalidOptions = (issues: readonly ValidationIssue[]): InvalidOptionsError => ({ _tag: 'InvalidOptions', issues });
