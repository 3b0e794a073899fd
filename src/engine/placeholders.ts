import type { Lang } from '../model/lang.js';
import { LANGS } from '../model/lang.js';
import type { LocalizedText } from '../model/lang.js';
import type { Parameter, Rationale, Rule, RuleSetFile } from '../model/ruleSet.js';
import type { IssueLog } from './issueLog.js';
import { nearestName } from '../util/suggest.js';

/*
 * Texts bound to parameters. A rule's title, text and rationale may name a rule-set parameter as
 * `{medicationReviewThreshold}`; compiling fills it with the value in force (the file's default or
 * the host's override), so a prompt never states one threshold while the rule tests another. Every
 * output reads the filled texts from the compiled rule set. A `{` not followed by a parameter-like
 * name and `}` is plain text.
 */

/** `{name}` where name is written as parameter names are (a letter, then letters and digits). */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The rule fields that may hold placeholders, in the order they are checked. */
export const PLACEHOLDER_FIELDS = ['title', 'text', 'rationale'] as const;
/** A rule field that may hold placeholders. */
export type PlaceholderField = (typeof PLACEHOLDER_FIELDS)[number];

/** The parameter names a text names, in order, with repeats. */
export function placeholdersIn(text: string): string[] {
  // The literal repeats PLACEHOLDER: matchAll is given regex literals only, never a value that could be a string.
  return [...text.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1]!);
}

/** A parameter value as it reads in a sentence: decimals with a comma in nb and nn, lists joined, yes/no. */
export function paramValueText(v: Parameter['value'], lang: Lang): string {
  if (Array.isArray(v)) return v.map((x) => paramValueText(x, lang)).join(', ');
  if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : 'ja') : lang === 'en' ? 'no' : 'nei';
  if (typeof v === 'number') return lang === 'en' ? String(v) : String(v).replace('.', ',');
  return v;
}

/** Fills the placeholders of one text; a name that is no parameter is left as written (compiling refuses it first). */
export function fillPlaceholders(text: string, params: Readonly<Record<string, Parameter['value']>>, lang: Lang): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? paramValueText(params[name]!, lang) : whole));
}

/** A rationale in three languages: one written as a single string (the older form) is English and stands for all three. */
export function rationaleText(r: Rationale): LocalizedText {
  return typeof r === 'string' ? { nb: r, nn: r, en: r } : r;
}

function fillLocalized(t: LocalizedText, params: Readonly<Record<string, Parameter['value']>>): LocalizedText {
  return { nb: fillPlaceholders(t.nb, params, 'nb'), nn: fillPlaceholders(t.nn, params, 'nn'), en: fillPlaceholders(t.en, params, 'en') };
}

/** The file with every rule's title, text and rationale filled in with the parameter values in force; rationales always in three languages. */
export function fillRuleTexts(file: RuleSetFile, params: Readonly<Record<string, Parameter['value']>>): RuleSetFile {
  const rules = file.rules.map((r): Rule => {
    const { rationale, ...rest } = r;
    return {
      ...rest,
      title: fillLocalized(r.title, params),
      text: fillLocalized(r.text, params),
      ...(rationale === undefined ? {} : { rationale: fillLocalized(rationaleText(rationale), params) }),
    };
  });
  return { ...file, rules };
}

/**
 * Records `unknown_placeholder` for each placeholder in a rule's title, text or rationale that names
 * no parameter of the rule set: filled, it would reach a clinician as `{name}`. The issue names the
 * rule, the field, the language and the nearest parameter.
 */
export function checkPlaceholders(file: RuleSetFile, log: IssueLog): void {
  const names = Object.keys(file.parameters ?? {});
  file.rules.forEach((rule, i) => {
    for (const field of PLACEHOLDER_FIELDS) {
      const value = rule[field];
      if (value === undefined) continue;
      const texts: [Lang | undefined, string][] = typeof value === 'string' ? [[undefined, value]] : LANGS.map((l) => [l, value[l]]);
      for (const [lang, text] of texts) {
        const seen = new Set<string>();
        for (const name of placeholdersIn(text)) {
          if (names.includes(name) || seen.has(name)) continue;
          seen.add(name);
          const near = nearestName(name, names);
          log.issue('unknown_placeholder', ['rules', i, field, ...(lang === undefined ? [] : [lang])], {
            rule: rule.id,
            field,
            lang: lang ?? 'en',
            name,
            ...(near === undefined ? {} : { suggestion: near }),
          });
        }
      }
    }
  });
}
