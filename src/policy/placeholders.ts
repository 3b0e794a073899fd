import { paramValueText, placeholdersIn } from '../engine/placeholders.js';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LANGS } from '../model/lang.js';
import type { Condition, Parameter, RuleSetFile } from '../model/ruleSet.js';
import type { LocatedIssue } from './located.js';
import { compareLocated } from './located.js';
import { locateIssue } from './source.js';
import type { Workspace } from './workspace.js';

/*
 * Warnings about texts and parameters that can drift apart. They do not stop a rule set from loading
 * (compiling already refuses a placeholder that names no parameter); they ask policy staff to look:
 *
 * - a rule's title or text holds a number equal to the value of a parameter the rule tests, and does
 *   not name that parameter: when the parameter changes, the text would state the old figure.
 *   Rationales are not checked, as they often quote the source's figure on purpose. A text that
 *   names the parameter once may quote the source's figure elsewhere ("PSFS rests on 3–5 activities").
 * - a parameter marked found in the source has a value other than its `sourceValue` and no
 *   `changeNote`: a local change would pass as the source's figure.
 */

/** The parameters a condition tests, through named conditions too. */
function paramsUsed(
  c: Condition,
  named: Readonly<Record<string, Condition>>,
  out = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (typeof o['param'] === 'string') out.add(o['param']);
    if (typeof o['condition'] === 'string' && !seen.has(o['condition']) && Object.hasOwn(named, o['condition'])) {
      seen.add(o['condition']);
      walk(named[o['condition']]);
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(c);
  return out;
}

function sameValue(a: Parameter['value'], b: Parameter['value']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The warnings for one rule-set file as written (placeholders not filled), with paths into it. */
export function placeholderWarnings(file: RuleSetFile, lang: Lang): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const params = file.parameters ?? {};
  const named = file.conditions ?? {};
  file.rules.forEach((rule, i) => {
    const used = [...paramsUsed(rule.conditions, named)].filter((n) => Object.hasOwn(params, n) && typeof params[n]!.value === 'number');
    if (used.length === 0) return;
    for (const field of ['title', 'text'] as const)
      for (const l of LANGS) {
        const text = rule[field][l];
        const inText = new Set(placeholdersIn(text));
        // Numbers as written: digits with a decimal comma or point, not part of a token like "ICPC-2" or "§ 4-3".
        const numbers = new Set([...text.matchAll(/(?<![\w§.,-])\d+(?:[.,]\d+)?(?!\w)/g)].map((m) => Number(m[0].replace(',', '.'))));
        for (const name of used) {
          const v = params[name]!.value as number;
          if (inText.has(name) || !numbers.has(v)) continue;
          out.push(
            makeIssue('parameter_in_text', ['rules', i, field, l], lang, {
              rule: rule.id,
              field,
              lang: l,
              name,
              value: paramValueText(v, l),
            }),
          );
        }
      }
  });
  for (const [name, p] of Object.entries(params))
    if (p.evidence === 'found' && p.sourceValue !== undefined && !sameValue(p.value, p.sourceValue) && p.changeNote === undefined)
      out.push(
        makeIssue('parameter_off_source', ['parameters', name, 'value'], lang, {
          name,
          value: paramValueText(p.value, lang),
          sourceValue: paramValueText(p.sourceValue, lang),
        }),
      );
  return out;
}

/**
 * The text and parameter warnings of every rule set in a workspace that compiled, located in its
 * file. `validate` prints them after the errors and does not fail on them.
 */
export function checkTextWarnings(ws: Workspace, lang: Lang = 'nb'): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const rs of ws.ruleSets) {
    // The compiled file has its placeholders filled; the warnings read the file as written.
    if (!rs.compiled) continue;
    const raw = rs.source.value as RuleSetFile;
    for (const issue of placeholderWarnings(raw, lang)) out.push(locateIssue(rs.source, issue));
  }
  return out.sort(compareLocated);
}
