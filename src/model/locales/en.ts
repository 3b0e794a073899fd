import { DATE_RANGE } from '../../util/dates.js';
import type { JsonSyntaxReason } from '../../util/jsonScan.js';
import type { IssueLocale } from '../issueCode.js';
import { list } from './format.js';

/** Why a text is not JSON, in English. */
const reasons: Readonly<Record<JsonSyntaxReason, string>> = {
  unexpected_end: 'the text ends too early',
  unexpected_character: 'unexpected character',
  expected_comma_or_end: 'expected a comma or the end of the list/object',
  expected_colon: 'expected a colon after the field name',
  expected_key: 'expected a field name in double quotes',
  trailing_comma: 'a comma before the end is not allowed',
  bad_string: 'invalid string (line break or invalid \\ escape)',
  bad_number: 'invalid number',
  trailing_data: 'more text after the end of the JSON value',
  too_deep: 'nested too deeply',
};
const reason = (r: unknown): string => (Object.hasOwn(reasons, String(r)) ? reasons[String(r) as JsonSyntaxReason] : list(r));

/** Every issue message of the core in English. A message names the path and what was expected, never the value. */
export const en: IssueLocale = {
  root: 'The root',
  messages: {
    missing: (p) => `${p} is missing but required.`,
    invalid_type: (p, d) => `${p} has the wrong type: expected ${list(d['expected'])}.`,
    unknown_key: (p) => `${p} is not a known field. Check the spelling; unknown fields are not ignored.`,
    too_big: (p, d) => `${p} is too large: at most ${list(d['maximum'])} is allowed.`,
    too_small: (p, d) => `${p} is too small: at least ${list(d['minimum'])} is required.`,
    invalid_value: (p, d) => `${p} has an invalid value: expected one of ${list(d['allowed'])}.`,
    invalid_format: (p, d) => `${p} has the wrong format${d['format'] ? ` (expected ${list(d['format'])})` : ''}.`,
    invalid_shape: (p) => `${p} does not match any of the allowed shapes.`,
    iso_date: (p) => `${p} must be a valid date in the form YYYY-MM-DD.`,
    date_range: (p) => `${p} must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}.`,
    birth_date: (p) => `${p} must be a valid date in the form YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known.`,
    date_order: (p) => `${p} is before the start date.`,
    icpc2_code: (p) => `${p} is not an ICPC-2 code (one letter and two digits, e.g. K77).`,
    icd10_code: (p) => `${p} is not an ICD-10 code (e.g. I50 or F32.1).`,
    national_id: (p) => `${p} is not a valid national identity number or D number (11 digits with valid check digits).`,
    national_id_in_clear: (p) =>
      `${p} appears to hold a national identity number or D number. Use the host system's own reference to the person (e.g. Patient/123), not the identity number.`,
    json_syntax: (p, d) => `Invalid JSON${d['line'] ? ` at line ${d['line']}, column ${d['column']}` : ''}: ${reason(d['reason'])}.`,
    line_too_long: (p, d) => `The line is too long: at most ${list(d['maximum'])} bytes are allowed. It was skipped.`,
    yaml_syntax: (p, d) => `Invalid YAML at line ${list(d['line'])}, column ${list(d['column'])} (${list(d['reason'])}).`,
    duplicate_key: (p) => `${p} appears twice in the same object; only the last one is used.`,
    rule_not_fired: (p, d) =>
      `No test vector expects the rule "${list(d['name'])}" to fire. Add a vector with the rule under expect.fired.`,
    no_vectors: (p, d) => `The rule set "${list(d['name'])}" has no test vectors. Put them in ${list(d['file'])} next to the rule set.`,
    unknown_rule_set: (p, d) => `${p} refers to the rule set "${list(d['name'])}", which is not among the files.`,
    unknown_fact: (p, d) => `${p} refers to the fact "${list(d['name'])}", which does not exist.`,
    unknown_operator: (p, d) => `${p} uses the operator "${list(d['name'])}", which does not exist. Allowed: ${list(d['allowed'])}.`,
    unknown_code_list: (p, d) => `${p} refers to the code list "${list(d['name'])}", which does not exist.`,
    unknown_condition: (p, d) => `${p} refers to the condition "${list(d['name'])}", which does not exist.`,
    unknown_parameter: (p, d) => `${p} refers to the parameter "${list(d['name'])}", which does not exist.`,
    unknown_rule: (p, d) => `${p} refers to the rule "${list(d['name'])}", which does not exist.`,
    duplicate_id: (p, d) => `${p}: the id "${list(d['name'])}" is used more than once.`,
    missing_text: (p, d) => `${p} is missing its ${list(d['lang'])} text.`,
    too_deep: (p, d) => `${p} is nested too deeply: at most ${list(d['maximum'])} levels are allowed.`,
    unsafe_path: (p) => `${p} is not an allowed path. Use $.field.field or $.field[0]; other JSONPath is never run.`,
    operator_value: (p, d) => `${p} does not fit the operator "${list(d['operator'])}": expected ${list(d['expected'])}.`,
    operator_fact_type: (p, d) =>
      `${p}: the operator "${list(d['operator'])}" cannot be used on the fact "${list(d['name'])}" of type ${list(d['type'])}.`,
    fact_params: (p, d) => `${p} has invalid parameters for the fact "${list(d['name'])}": ${list(d['expected'])}.`,
    condition_cycle: (p, d) => `${p}: the condition "${list(d['name'])}" refers to itself.`,
    leaf_root: (p) =>
      `${p} is a single condition (fact, operator, value) at the root. The root must be all, any, not or condition, because json-rules-engine accepts nothing else there. Wrap it: {"all": [ … ]}.`,
    not_valid_now: (p, d) => `The rule set is not valid on ${list(d['asOf'])} (valid ${list(d['from'])} to ${list(d['to'])}).`,
    before_last_event: (p) => `${p} is before the pathway's last event. Events are sent in time order.`,
    after_as_of: (p) => `${p} is after the date the pathway is restored for (asOf). History from the future is not accepted.`,
    not_a_transition: (p) => `${p} does not follow: the event does not lead there from the state before it, with the decisions stored.`,
    context_mismatch: (p) => `${p} does not match what the history gives. The pathway was changed outside its events.`,
    unreadable: (p) => `${p} could not be read: a getter or proxy threw. Pass plain data (as JSON.parse gives).`,
    not_after_as_of: (p) => `${p} must be after the date of the event (asOf).`,
    after_event_date: (p) => `${p} is after the date of the event (asOf): what is recorded must have happened by then.`,
    key_too_long: (p, d) => `${p} has a field name that is too long: at most ${list(d['maximum'])} characters are allowed.`,
    too_many_issues: (p, d) => `There are more problems than the ${list(d['maximum'])} shown. Fix these and try again.`,
  },
};
