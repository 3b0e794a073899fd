/**
 * Size limits for inputs. They bound memory and time for a single call so that a hostile or broken
 * record or rule file cannot stall a host; inputs above a limit get a typed `too_big`, `too_deep` or
 * `key_too_long` issue naming the path (never the value). The figures are generous for real records
 * (a long life of GP contacts is a few hundred encounters) and documented in SECURITY.md.
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
  /** Characters in any free-text field of a person. */
  textLength: 4_000,
  /** Nesting depth of a rule's condition tree, counting expanded named conditions. */
  conditionDepth: 16,
  /** Conditions in one rule set (all leaves of all rules). */
  conditionsPerRuleSet: 20_000,
  /** Rules in one rule set. */
  rulesPerRuleSet: 2_000,
  /** Entries in a pathway's history (a long pathway has a few hundred events). */
  pathwayHistory: 20_000,
  /**
   * Nesting depth of arrays and objects in any untrusted input (person, facts, rule set, code list,
   * test vectors, host options), checked without recursion before schema validation so that deep
   * input can never exhaust the call stack.
   */
  inputDepth: 64,
  /** JSON values (objects, arrays and scalars together) in one untrusted input. */
  inputValues: 1_000_000,
  /** Characters in any string of an untrusted input, including strings in rule files and test vectors. */
  stringLength: 10_000,
  /** Characters in any object key of an untrusted input. */
  keyLength: 256,
  /** Test vectors in one file. */
  vectorsPerFile: 10_000,
  /** Entries in one code list. */
  codeListEntries: 50_000,
  /** Index keys of one code list once its ranges are expanded (`A00-Z99` alone is 2,600). */
  codeListIndexKeys: 100_000,
  /** Issues returned in one error; the rest are summarised by a final `too_many_issues` issue. */
  issues: 100,
} as const;
