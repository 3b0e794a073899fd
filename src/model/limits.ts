/**
 * Size limits for inputs. They bound memory and time for a single person so that a hostile or broken
 * record cannot stall a host; records above a limit get a typed `too_big` error naming the path.
 * The figures are generous for real records (a long life of GP contacts is a few hundred encounters).
 */
export const LIMITS = {
  /** Diagnoses per person. */
  diagnoses: 2_000,
  /** Encounters per person. */
  encounters: 10_000,
  /** Medication lines per person. */
  medications: 2_000,
  /** Municipal service lines, IPLOS scores, function measures, consents and other lists. */
  listItems: 2_000,
  /** Characters in any free-text field. */
  textLength: 4_000,
  /** Nesting depth of a rule's condition tree. */
  conditionDepth: 16,
  /** Conditions in one rule set (all leaves of all rules). */
  conditionsPerRuleSet: 20_000,
  /** Rules in one rule set. */
  rulesPerRuleSet: 2_000,
  /** Entries in a pathway's history (a long pathway has a few hundred events). */
  pathwayHistory: 20_000,
} as const;
