import { DATE_RANGE } from '../../util/dates.js';
import type { JsonSyntaxReason } from '../../util/jsonScan.js';
import type { IssueDetail, IssueLocale } from '../issueCode.js';
import { list, typeName } from './format.js';

/** A rule's text field as a sentence names it. */
const FIELDS: Readonly<Record<string, string>> = { title: 'title', text: 'text', rationale: 'rationale' };
const field = (f: unknown): string => (Object.hasOwn(FIELDS, String(f)) ? FIELDS[String(f)]! : list(f));

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

/** Type names in English, for what a field or an operator expects. */
const types: Readonly<Record<string, string>> = {
  number: 'a number',
  integer: 'a whole number',
  'integer ≥ 0': 'a whole number (0 or more)',
  'number ≥ 0': 'a number (0 or more)',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  list: 'a list',
  date: 'a date',
  'YYYY-MM-DD': 'a date in the form YYYY-MM-DD',
  'code list id': 'the id of a code list',
};
const type = (t: unknown): string => typeName(types, t);

/** Why a text is not YAML, in English, by the parser's code. */
const yamlReasons: Readonly<Record<string, string>> = {
  UNCLOSED_FLOW: 'a { or [ that is not closed',
  UNCLOSED_QUOTE: 'a quotation mark that is not closed',
  BAD_INDENT: 'wrong indentation',
  TAB_AS_INDENT: 'a tab used as indentation; use spaces',
  DUPLICATE_KEY: 'the same key appears twice',
  BLOCK_AS_IMPLICIT_KEY: 'wrong indentation or one colon too many',
  MULTILINE_IMPLICIT_KEY: 'a key must be on one line',
  MISSING_CHAR: 'a character is missing',
  UNEXPECTED_TOKEN: 'unexpected character',
  ALIAS_COUNT: 'too many aliases (*)',
};
const yamlReason = (r: unknown): string => (Object.hasOwn(yamlReasons, String(r)) ? yamlReasons[String(r)]! : list(r));
const didYouMean = (d: IssueDetail): string => (d['suggestion'] ? ` Did you mean "${list(d['suggestion'])}"?` : '');

/** Every issue message of the core in English. A message names the path and what was expected, never the value. */
export const en: IssueLocale = {
  root: 'The root',
  messages: {
    missing: (p) => `${p} is missing but required.`,
    invalid_type: (p, d) => `${p} has the wrong type: expected ${type(d['expected'])}.`,
    unknown_key: (p) => `${p} is not a known field. Check the spelling; unknown fields are not ignored.`,
    too_big: (p, d) =>
      d['origin'] === 'string'
        ? `${p} is too long: at most ${list(d['maximum'])} characters are allowed.`
        : d['origin'] === 'array'
          ? `${p} has too many items: at most ${list(d['maximum'])} are allowed.`
          : `${p} is too large: at most ${list(d['maximum'])} is allowed.`,
    too_small: (p, d) =>
      d['origin'] === 'string'
        ? `${p} is too short: at least ${list(d['minimum'])} characters are required.`
        : d['origin'] === 'array'
          ? `${p} has too few items: at least ${list(d['minimum'])} are required.`
          : `${p} is too small: at least ${list(d['minimum'])} is required.`,
    empty: (p, d) => (d['origin'] === 'array' ? `${p} is an empty list: at least one item is required.` : `${p} is empty: write a text.`),
    nynorsk_bokmal: (p, d) => `${p} looks like bokmål (found "${list(d['word'])}"). Nynorsk writes e.g. «ikkje», «kva», «frå».`,
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
    yaml_syntax: (p, d) => `Invalid YAML at line ${list(d['line'])}, column ${list(d['column'])}: ${yamlReason(d['reason'])}.`,
    duplicate_key: (p) => `${p} appears twice in the same object; only the last one is used.`,
    rule_not_fired: (p, d) =>
      `No test vector expects the rule "${list(d['name'])}" to fire. Add a vector with the rule under expect.fired.`,
    no_vectors: (p, d) => `The rule set "${list(d['name'])}" has no test vectors. Put them in ${list(d['file'])} next to the rule set.`,
    unknown_rule_set: (p, d) => `${p} refers to the rule set "${list(d['name'])}", which is not among the files.${didYouMean(d)}`,
    unknown_fact: (p, d) => `${p} refers to the fact "${list(d['name'])}", which does not exist.${didYouMean(d)}`,
    unknown_operator: (p, d) =>
      `${p} uses the operator "${list(d['name'])}", which does not exist.${didYouMean(d)} Allowed: ${list(d['allowed'])}.`,
    unknown_code_list: (p, d) => `${p} refers to the code list "${list(d['name'])}", which does not exist.${didYouMean(d)}`,
    unknown_condition: (p, d) => `${p} refers to the condition "${list(d['name'])}", which does not exist.${didYouMean(d)}`,
    unknown_parameter: (p, d) => `${p} refers to the parameter "${list(d['name'])}", which does not exist.${didYouMean(d)}`,
    unknown_placeholder: (p, d) =>
      `${p}: rule "${list(d['rule'])}" has the placeholder "{${list(d['name'])}}" in its ${field(d['field'])} (${list(d['lang'])}), but the rule set has no parameter of that name.${d['suggestion'] ? ` Did you mean "{${list(d['suggestion'])}}"?` : ''}`,
    parameter_in_text: (p, d) =>
      `${p}: the ${field(d['field'])} of rule "${list(d['rule'])}" (${list(d['lang'])}) holds the number ${list(d['value'])}, the value of the parameter "${list(d['name'])}" the rule uses. Write "{${list(d['name'])}}" so the text follows the parameter when it changes.`,
    parameter_off_source: (p, d) =>
      `${p}: the parameter "${list(d['name'])}" is marked found in the source, but its value was changed from the source's ${list(d['sourceValue'])} to ${list(d['value'])}. Say why in "changeNote" (or mark it "inferred").`,
    unknown_rule: (p, d) => `${p} refers to the rule "${list(d['name'])}", which does not exist.${didYouMean(d)}`,
    duplicate_id: (p, d) => `${p}: the id "${list(d['name'])}" is used more than once.`,
    missing_text: (p, d) => `${p} is missing its ${list(d['lang'])} text.`,
    too_deep: (p, d) => `${p} is nested too deeply: at most ${list(d['maximum'])} levels are allowed.`,
    unsafe_path: (p) => `${p} is not an allowed path. Use $.field.field or $.field[0]; other JSONPath is never run.`,
    operator_value: (p, d) => `${p} does not fit the operator "${list(d['operator'])}": expected ${type(d['expected'])}.`,
    operator_fact_type: (p, d) =>
      `${p}: the operator "${list(d['operator'])}" cannot be used on the fact "${list(d['name'])}", which gives ${type(d['type'])}.`,
    fact_params: (p, d) => {
      const name = `the fact "${list(d['name'])}"${d['label'] ? ` (${list(d['label'])})` : ''}`;
      if (Array.isArray(d['takes']) && d['takes'].length === 0) return `${p}: ${name} takes no parameters. Remove "params".`;
      const takes = Array.isArray(d['takes']) ? `, which takes ${d['takes'].map((t) => `"${t}"`).join(' and ')}` : '';
      const why = list(d['reason'] ?? d['expected']);
      return `${p} has invalid parameters for ${name}${takes}${why ? `: ${why}` : ''}.`;
    },
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
    period_order: (p, d) =>
      `${p}: the end date ${list(d['to'])} is before the start date ${list(d['from'])}. validTo must be the same day as validFrom or later.`,
    overlapping_versions: (p, d) =>
      `${p}: version ${list(d['version'])} of the rule set "${list(d['name'])}" is in force at the same time as version ${list(d['otherVersion'])} in ${list(d['other'])}: both apply ${d['to'] === '…' ? `from ${list(d['from'])} on` : `from ${list(d['from'])} to ${list(d['to'])}`}. Only one version can be in force on a date; set validTo of the older one to the day before the new one starts.`,
    duplicate_version: (p, d) => `${p}: version ${list(d['version'])} of the rule set "${list(d['name'])}" is also in ${list(d['other'])}.`,
    unknown_version: (p, d) =>
      `${p} refers to version ${list(d['version'])} of the rule set "${list(d['name'])}", which is not among the files.`,
  },
};
