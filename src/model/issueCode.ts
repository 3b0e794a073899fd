import type { Lang } from './lang.js';

/**
 * The issue codes the core knows, and the shape of the tables that give each code its message. The
 * messages themselves live in `locales/`, one file per language. Adapters define their own codes
 * with tables of the same shape and pass them to `makeIssue` and `localizeIssue`.
 */

/** The closed set of issue codes of the core (the adapters add their own). */
export type IssueCode =
  | 'missing'
  | 'invalid_type'
  | 'unknown_key'
  | 'too_big'
  | 'too_small'
  | 'empty'
  | 'nynorsk_bokmal'
  | 'invalid_value'
  | 'invalid_format'
  | 'invalid_shape'
  | 'iso_date'
  | 'date_range'
  | 'birth_date'
  | 'date_order'
  | 'icpc2_code'
  | 'icd10_code'
  | 'national_id'
  | 'national_id_in_clear'
  | 'json_syntax'
  | 'line_too_long'
  | 'yaml_syntax'
  | 'duplicate_key'
  | 'rule_not_fired'
  | 'no_vectors'
  | 'unknown_rule_set'
  | 'unknown_fact'
  | 'unknown_operator'
  | 'unknown_code_list'
  | 'unknown_condition'
  | 'unknown_parameter'
  | 'unknown_placeholder'
  | 'parameter_in_text'
  | 'parameter_off_source'
  | 'unknown_rule'
  | 'duplicate_id'
  | 'missing_text'
  | 'too_deep'
  | 'unsafe_path'
  | 'operator_value'
  | 'operator_fact_type'
  | 'fact_params'
  | 'condition_cycle'
  | 'leaf_root'
  | 'not_valid_now'
  | 'before_last_event'
  | 'after_as_of'
  | 'not_a_transition'
  | 'context_mismatch'
  | 'unreadable'
  | 'not_after_as_of'
  | 'after_event_date'
  | 'key_too_long'
  | 'too_many_issues'
  | 'period_order'
  | 'overlapping_versions'
  | 'duplicate_version'
  | 'unknown_version';

/** Non-sensitive details of an issue: expected type, limits, allowed values, the unknown name. */
export type IssueDetail = Readonly<Record<string, string | number | readonly string[]>>;

/** Writes one message from the located path (already quoted, or "the root") and the details. */
export type IssueTemplate = (path: string, detail: IssueDetail) => string;

/** One language's message for every code in `C`: a code without a message does not compile. */
export type IssueMessages<C extends string> = { readonly [K in C]: IssueTemplate };

/** One language's messages for the core codes, and how that language names the root of an input. */
export interface IssueLocale {
  /** The path shown for the root, e.g. "Roten". */
  readonly root: string;
  readonly messages: IssueMessages<IssueCode>;
}

/** An adapter's messages for its own codes, in every language. */
export type IssueCatalogue<C extends string> = { readonly [L in Lang]: IssueMessages<C> };
