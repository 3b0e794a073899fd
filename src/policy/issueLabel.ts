import type { ValidationIssue } from '../model/issues.js';
import { formatPath, issueMessageAbout } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { LocatedIssue } from './located.js';

/*
 * Issues in rule files, told the way policy staff name things. A JSON path such as
 * «rules[9].text» counts array positions, which nobody editing the file sees; the rule's id, the
 * parameter's or named condition's name, the vector's name and the field do: «Regel «ID-X», felt
 * «text»». The path stays in the issue for tools (`--json`); only the message changes.
 */

interface Words {
  rule: (id: string) => string;
  ruleNo: (n: number) => string;
  condition: (name: string) => string;
  parameter: (name: string) => string;
  vector: (name: string) => string;
  vectorNo: (n: number) => string;
  entryNo: (n: number) => string;
  field: (path: string) => string;
  topField: (path: string) => string;
  inLang: (lang: string) => string;
}

const q = (s: string) => `«${s}»`;
const WORDS: { readonly [L in Lang]: Words } = {
  nb: {
    rule: (id) => `Regel ${q(id)}`,
    ruleNo: (n) => `Regel nr. ${n}`,
    condition: (name) => `Betingelsen ${q(name)}`,
    parameter: (name) => `Parameteren ${q(name)}`,
    vector: (name) => `Testvektoren ${q(name)}`,
    vectorNo: (n) => `Testvektor nr. ${n}`,
    entryNo: (n) => `Kode nr. ${n} i kodelisten`,
    field: (p) => `felt ${q(p)}`,
    topField: (p) => `Feltet ${q(p)}`,
    inLang: (l) => `på ${l}`,
  },
  nn: {
    rule: (id) => `Regel ${q(id)}`,
    ruleNo: (n) => `Regel nr. ${n}`,
    condition: (name) => `Vilkåret ${q(name)}`,
    parameter: (name) => `Parameteren ${q(name)}`,
    vector: (name) => `Testvektoren ${q(name)}`,
    vectorNo: (n) => `Testvektor nr. ${n}`,
    entryNo: (n) => `Kode nr. ${n} i kodelista`,
    field: (p) => `felt ${q(p)}`,
    topField: (p) => `Feltet ${q(p)}`,
    inLang: (l) => `på ${l}`,
  },
  en: {
    rule: (id) => `Rule "${id}"`,
    ruleNo: (n) => `Rule no. ${n}`,
    condition: (name) => `Condition "${name}"`,
    parameter: (name) => `Parameter "${name}"`,
    vector: (name) => `Test vector "${name}"`,
    vectorNo: (n) => `Test vector no. ${n}`,
    entryNo: (n) => `Code no. ${n} in the code list`,
    field: (p) => `field "${p}"`,
    topField: (p) => `The field "${p}"`,
    inLang: (l) => `in ${l}`,
  },
};

const LANG_KEYS = new Set(['nb', 'nn', 'en']);
/** Longest id or name quoted in a message; a longer one is cut, as it is no help in a sentence. */
const MAX_NAME = 80;

function nameAt(value: unknown, key: string): string | undefined {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return v.length > MAX_NAME ? `${v.slice(0, MAX_NAME - 1)}…` : v;
}

function at(value: unknown, seg: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Array.isArray(value) ? (typeof seg === 'number' ? value[seg] : undefined) : (value as Record<string, unknown>)[String(seg)];
}

/** The field part: «felt «title» på nb», or `undefined` for none. */
function fieldPart(rest: readonly (string | number)[], w: Words): string | undefined {
  if (rest.length === 0) return undefined;
  const last = rest[rest.length - 1];
  if (rest.length >= 2 && typeof last === 'string' && LANG_KEYS.has(last))
    return `${w.field(formatPath(rest.slice(0, -1)))} ${w.inLang(last)}`;
  return w.field(formatPath(rest));
}

/**
 * How policy staff name the place an issue points at in a parsed rule-set, code-list or vector file:
 * the rule by its id, the parameter, named condition or vector by its name, then the field. Undefined
 * for the root, where the message already says what it is about.
 */
export function placeLabel(fileValue: unknown, segments: readonly (string | number)[], lang: Lang): string | undefined {
  const w = WORDS[lang] ?? WORDS.nb;
  if (segments.length === 0) return undefined;
  const [head, key, ...rest] = segments;
  const join = (owner: string, tail: readonly (string | number)[]) => {
    const f = fieldPart(tail, w);
    return f ? `${owner}, ${f}` : owner;
  };
  const list = at(fileValue, head!);
  if (head === 'rules' && typeof key === 'number' && Array.isArray(list)) {
    const id = nameAt(list[key], 'id');
    return join(id ? w.rule(id) : w.ruleNo(key + 1), rest);
  }
  if (head === 'vectors' && typeof key === 'number' && Array.isArray(list)) {
    const name = nameAt(list[key], 'name');
    return join(name ? w.vector(name) : w.vectorNo(key + 1), rest);
  }
  if (head === 'entries' && typeof key === 'number' && Array.isArray(list)) return join(w.entryNo(key + 1), rest);
  if (head === 'parameters' && typeof key === 'string') return join(w.parameter(key), rest);
  if (head === 'conditions' && typeof key === 'string' && !Array.isArray(list)) return join(w.condition(key), rest);
  const last = segments[segments.length - 1];
  if (segments.length >= 2 && typeof last === 'string' && LANG_KEYS.has(last))
    return `${w.topField(formatPath(segments.slice(0, -1)))} ${w.inLang(last)}`;
  return w.topField(formatPath(segments));
}

/**
 * A located issue with its message told by rule id and field name instead of JSON path (see
 * {@link placeLabel}). A message that does not name its place gets the place in front. Issues with
 * codes the core does not know are returned as they are. Applying it twice gives the same issue.
 */
export function forPolicyStaff(li: LocatedIssue, fileValue: unknown, lang: Lang): LocatedIssue {
  const issue = li.issue as ValidationIssue<string>;
  const label = placeLabel(fileValue, issue.segments, lang);
  if (label === undefined) return li;
  const message = issueMessageAbout(issue, label, lang);
  if (message === undefined) return li;
  const named = message.includes(label) || NAMES_ITS_SUBJECT.has(issue.code);
  return { ...li, issue: { ...li.issue, message: named ? message : `${label}: ${message}` } };
}

/** Codes whose message names what it is about (the rule, the rule set) without the path. */
const NAMES_ITS_SUBJECT: ReadonlySet<string> = new Set(['rule_not_fired', 'no_vectors', 'too_many_issues']);
