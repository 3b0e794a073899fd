import type { z } from 'zod';
import type { IssueCatalogue, IssueCode, IssueDetail, IssueLocale } from './issueCode.js';
import type { Lang } from './lang.js';
import { resolveLang } from './lang.js';
import { LIMITS } from './limits.js';
import { en } from './locales/en.js';
import { nb } from './locales/nb.js';
import { nn } from './locales/nn.js';

/**
 * Validation issues: what was wrong, where, and what was expected. A message names the path and the
 * expectation in the requested language, and never repeats the offending value, because a value in a
 * person record is health data. The messages live in `locales/`, one file per language; an adapter
 * brings its own codes with a table of the same shape ({@link IssueCatalogue}).
 */

export type { IssueCatalogue, IssueCode, IssueDetail, IssueMessages, IssueTemplate } from './issueCode.js';

const LOCALES: { readonly [L in Lang]: IssueLocale } = { nb, nn, en };

/** One problem with an input, located by its path. */
export interface ValidationIssue<C extends string = IssueCode> {
  /** Path to the offending field, e.g. `diagnoses[2].code`; empty for the root. */
  readonly path: string;
  /** The same path as segments, for tools that map it to a line and column. */
  readonly segments: readonly (string | number)[];
  /** What kind of problem it is: a core {@link IssueCode}, or an adapter's own code. */
  readonly code: C;
  /** A sentence in the requested language that names the path and what was expected. */
  readonly message: string;
  /** Non-sensitive details: expected type, limits, allowed values, the unknown name. */
  readonly detail?: Readonly<Record<string, string | number | readonly string[]>>;
}

/** Formats path segments as `a.b[2].c`. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}

/** The message template for a code: the core's, else the adapter's table; undefined for a code neither knows. */
function templateFor(code: string, lang: Lang, messages: IssueCatalogue<string> | undefined) {
  const core = LOCALES[lang].messages;
  if (Object.hasOwn(core, code)) return core[code as IssueCode];
  return messages !== undefined && Object.hasOwn(messages[lang], code) ? messages[lang][code] : undefined;
}

/**
 * Builds an issue with its message in the requested language. A core code needs no table; an
 * adapter passes its own codes with their table (`messages`), and may mix in core codes.
 */
export function makeIssue(code: IssueCode, segments: readonly (string | number)[], lang: Lang, detail?: IssueDetail): ValidationIssue;
export function makeIssue<C extends string>(
  code: C | IssueCode,
  segments: readonly (string | number)[],
  lang: Lang,
  detail: IssueDetail,
  messages: IssueCatalogue<C>,
): ValidationIssue<C | IssueCode>;
export function makeIssue(
  code: string,
  segments: readonly (string | number)[],
  lang: Lang,
  detail: IssueDetail = {},
  messages?: IssueCatalogue<string>,
): ValidationIssue<string> {
  const l = resolveLang(lang);
  const path = formatPath(segments);
  const template = templateFor(code, l, messages);
  if (template === undefined) throw new RangeError(`no message for the issue code ${code}`);
  const message = template(path === '' ? LOCALES[l].root : `«${path}»`, detail);
  return Object.keys(detail).length > 0 ? { path, segments, code, message, detail } : { path, segments, code, message };
}

/**
 * An issue's message with another subject in place of its path (e.g. «Regel «ID-X», felt «text»»
 * for «rules[9].text»), in the requested language; undefined for a code the core does not know.
 * @internal
 */
export function issueMessageAbout(issue: ValidationIssue<string>, subject: string, lang: Lang): string | undefined {
  const template = templateFor(issue.code, resolveLang(lang), undefined);
  return template === undefined ? undefined : template(subject, issue.detail ?? {});
}

const NO_MESSAGES: IssueCatalogue<never> = { nb: {}, nn: {}, en: {} };

/**
 * Re-renders an issue in another language. An adapter's issue needs the adapter's table
 * (`messages`, e.g. `FHIR_ISSUE_MESSAGES` from `oppfolgingsteam/fhir`). An issue whose code neither
 * knows (a stored issue from another version, or a damaged one) is returned unchanged rather than
 * thrown on.
 */
export function localizeIssue<C extends string = IssueCode>(
  issue: ValidationIssue<C>,
  lang: Lang,
  messages?: IssueCatalogue<C>,
): ValidationIssue<C> {
  if (typeof issue !== 'object' || issue === null || typeof issue.code !== 'string') return issue;
  if (templateFor(issue.code, resolveLang(lang), messages as IssueCatalogue<string> | undefined) === undefined) return issue;
  if (!Array.isArray(issue.segments) || !issue.segments.every((s) => typeof s === 'string' || typeof s === 'number')) return issue;
  if (issue.detail !== undefined && (typeof issue.detail !== 'object' || issue.detail === null)) return issue;
  return makeIssue(
    issue.code,
    issue.segments,
    lang,
    issue.detail ?? {},
    (messages ?? NO_MESSAGES) as IssueCatalogue<string>,
  ) as ValidationIssue<C>;
}

/**
 * Whether an invalid_type issue is a missing value. zod reports the input only when parsing with
 * `reportInput`; otherwise its default message ends in "received undefined". The input itself is
 * only compared with undefined, never copied.
 */
function isMissing(i: z.core.$ZodIssue): boolean {
  if ('input' in i) return i.input === undefined;
  return /received undefined$/.test(i.message);
}

const KNOWN_CUSTOM = new Set<IssueCode>([
  'iso_date',
  'date_range',
  'birth_date',
  'date_order',
  'icpc2_code',
  'icd10_code',
  'national_id',
  'national_id_in_clear',
]);

/**
 * Keeps at most {@link LIMITS.issues} issues and says how many more there were, so that a list of
 * 10,000 broken encounters gives a readable error of bounded size instead of 10,000 messages.
 */
export function capIssues<C extends string = IssueCode>(
  issues: readonly ValidationIssue<C>[],
  lang: Lang,
): ValidationIssue<C | IssueCode>[] {
  if (issues.length <= LIMITS.issues) return [...issues];
  return [...issues.slice(0, LIMITS.issues), makeIssue('too_many_issues', [], lang, { maximum: LIMITS.issues })];
}

/** What kind of value a size limit is about (a text's length, a list's items), when it is one of those. */
function originOf(i: { readonly origin?: unknown }): { origin?: string } {
  return i.origin === 'string' || i.origin === 'array' ? { origin: i.origin } : {};
}

/** Maps zod issues to ours. Only the path, the expectation and limits are kept; never the input value. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  // Several checks on one field (format, then calendar validity) must not report it twice.
  const push = (x: ValidationIssue): void => {
    const k = `${x.code}|${x.path}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(x);
  };
  for (const i of issues) {
    // One more than the cap is enough for capIssues to say that some were left out.
    if (out.length > LIMITS.issues) break;
    const segs = [...prefix, ...i.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
    switch (i.code) {
      case 'invalid_type':
        push(isMissing(i) ? makeIssue('missing', segs, lang) : makeIssue('invalid_type', segs, lang, { expected: String(i.expected) }));
        break;
      case 'unrecognized_keys':
        for (const k of i.keys) push(makeIssue('unknown_key', [...segs, k], lang));
        break;
      case 'too_big':
        push(makeIssue('too_big', segs, lang, { maximum: String(i.maximum), ...originOf(i) }));
        break;
      case 'too_small':
        // An empty title or list is said to be empty: "at least 1 is required" reads as a number.
        if (Number(i.minimum) === 1 && (i.origin === 'string' || i.origin === 'array'))
          push(makeIssue('empty', segs, lang, { origin: i.origin }));
        else push(makeIssue('too_small', segs, lang, { minimum: String(i.minimum), ...originOf(i) }));
        break;
      case 'invalid_value':
        push(makeIssue('invalid_value', segs, lang, { allowed: i.values.map((v) => JSON.stringify(v)) }));
        break;
      case 'invalid_format':
        if (i.message === 'iso_date' || i.message === 'birth_date') {
          push(makeIssue(i.message, segs, lang));
          break;
        }
        push(makeIssue('invalid_format', segs, lang, i.format === 'regex' ? {} : { format: i.format }));
        break;
      case 'invalid_union':
        push(makeIssue('invalid_shape', segs, lang));
        break;
      case 'custom': {
        const c = (i.params as { code?: string } | undefined)?.code;
        push(makeIssue(c && KNOWN_CUSTOM.has(c as IssueCode) ? (c as IssueCode) : 'invalid_format', segs, lang));
        break;
      }
      default:
        push(makeIssue('invalid_format', segs, lang));
    }
  }
  return capIssues(out, lang);
}

/** Every core issue code, read from the message table, so tools and tests can check all languages. */
export function issueCodes(): IssueCode[] {
  return Object.keys(LOCALES.nb.messages) as IssueCode[];
}
