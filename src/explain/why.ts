import type { CompiledRuleSet } from '../engine/compile.js';
import type { Decision } from '../engine/decision.js';
import type { Truth } from '../engine/logic.js';
import { OPERATORS } from '../engine/operators.js';
import type { ConditionTrace, FactTrace, RuleTrace } from '../engine/trace.js';
import type { Lang } from '../model/lang.js';

/*
 * Turns a trace into short sentences: "why" a rule fired, "why not" when it did not, and which data
 * is needed when it is unknown. Only the decisive conditions are named: for a fired `all`, every
 * child; for a fired `any`, the children that held; for a failed `all`, the children that failed.
 */

/** The explanation of one rule. */
export interface Explanation {
  readonly ruleId: string;
  readonly outcome: Truth;
  /** One sentence: "Utløst fordi …", "Ikke utløst fordi …" or "Ukjent fordi … mangler". */
  readonly summary: string;
  /** The decisive conditions, one sentence each. */
  readonly because: readonly string[];
}

const W = {
  fired: { nb: 'Utløst fordi', nn: 'Utløyst fordi', en: 'Fired because' },
  notFired: { nb: 'Ikke utløst fordi', nn: 'Ikkje utløyst fordi', en: 'Not fired because' },
  unknown: { nb: 'Ukjent fordi det mangler data om', nn: 'Ukjend fordi det manglar data om', en: 'Unknown because data is missing on' },
  met: { nb: 'oppfylt', nn: 'oppfylt', en: 'met' },
  notMet: { nb: 'ikke oppfylt', nn: 'ikkje oppfylt', en: 'not met' },
  missing: { nb: 'mangler', nn: 'manglar', en: 'missing' },
  seen: { nb: 'registrert', nn: 'registrert', en: 'recorded' },
  yes: { nb: 'ja', nn: 'ja', en: 'yes' },
  no: { nb: 'nei', nn: 'nei', en: 'no' },
  and: { nb: 'og', nn: 'og', en: 'and' },
  months: { nb: (n: unknown) => `siste ${n} måneder`, nn: (n: unknown) => `siste ${n} månader`, en: (n: unknown) => `in the last ${n} months` },
  notOf: { nb: 'det motsatte av', nn: 'det motsette av', en: 'the opposite of' },
} as const;

function show(v: unknown, lang: Lang): string {
  if (v === true) return W.yes[lang];
  if (v === false) return W.no[lang];
  if (Array.isArray(v)) return v.length === 0 ? '∅' : v.map((x) => show(x, lang)).join(', ');
  if (v !== null && typeof v === 'object') {
    const o = v as { system?: unknown; code?: unknown };
    if (typeof o.code === 'string') return `${String(o.system ?? '')} ${o.code}`.trim();
    return JSON.stringify(v);
  }
  return String(v);
}

function factLabel(ruleSet: CompiledRuleSet | undefined, t: FactTrace, lang: Lang): string {
  const slot = ruleSet?.slots.find((s) => s.name === t.fact);
  let label = slot?.def?.label[lang] ?? t.fact;
  if (t.params && typeof t.params['months'] === 'number') label += ` ${W.months[lang](t.params['months'])}`;
  // Other params (a consent's scope, a list of services) tell apart two conditions on the same fact.
  const other = Object.entries(t.params ?? {}).filter(([k]) => k !== 'months');
  if (other.length > 0) label += ` (${other.map(([k, v]) => `${k}: ${show(v, lang)}`).join('; ')})`;
  if (t.path) label += ` (${t.path})`;
  return label;
}

function valueText(ruleSet: CompiledRuleSet | undefined, t: FactTrace, lang: Lang): string {
  const op = OPERATORS.get(t.operator);
  if (op?.valueKind === 'code-list' && typeof t.value === 'string') {
    const list = ruleSet?.codeLists.get(t.value);
    return list ? `«${list.file.title[lang]}»` : `«${t.value}»`;
  }
  if (t.valueFact !== undefined) {
    const slot = ruleSet?.slots.find((s) => s.name === t.valueFact);
    const label = slot?.def?.label[lang] ?? t.valueFact;
    return t.value === null || t.value === undefined ? label : `${label} (${show(t.value, lang)})`;
  }
  return show(t.value, lang);
}

/** One sentence for a leaf condition. */
export function describeLeaf(t: FactTrace, lang: Lang, ruleSet?: CompiledRuleSet): string {
  const op = OPERATORS.get(t.operator);
  const cond = `${factLabel(ruleSet, t, lang)} ${op?.label[lang] ?? t.operator} ${valueText(ruleSet, t, lang)}`;
  const state = t.outcome === 'unknown' ? W.missing[lang] : t.outcome ? W.met[lang] : W.notMet[lang];
  const seen = t.factValue !== undefined ? `; ${W.seen[lang]}: ${show(t.factValue, lang)}` : '';
  return `${cond} (${state}${seen})`;
}

/** The decisive leaves for reaching `target` at this node. */
function decisive(node: ConditionTrace, target: Truth, lang: Lang, ruleSet: CompiledRuleSet | undefined, negated: boolean): string[] {
  switch (node.kind) {
    case 'fact': {
      const s = describeLeaf(node, lang, ruleSet);
      return [negated ? `${W.notOf[lang]}: ${s}` : s];
    }
    case 'condition':
      return decisive(node.child, target, lang, ruleSet, negated);
    case 'not': {
      const inner: Truth = target === 'unknown' ? 'unknown' : !target;
      return decisive(node.child, inner, lang, ruleSet, !negated);
    }
    case 'all':
    case 'any': {
      const matching = node.children.filter((c) => c.outcome === target);
      return matching.flatMap((c) => decisive(c, target, lang, ruleSet, negated));
    }
  }
}

/** Explains one rule trace in `lang`. Pass the rule set to get fact labels and code-list titles. */
export function explainRule(trace: RuleTrace, lang: Lang = 'nb', ruleSet?: CompiledRuleSet): Explanation {
  const because = decisive(trace.conditions, trace.outcome, lang, ruleSet, false);
  let summary: string;
  if (trace.outcome === 'unknown') {
    const missing = new Set<string>();
    const walk = (n: ConditionTrace): void => {
      if (n.kind === 'fact') {
        if (n.outcome === 'unknown') missing.add(factLabel(ruleSet, n, lang));
      } else if (n.kind === 'all' || n.kind === 'any') n.children.forEach(walk);
      else if (n.kind === 'not' || n.kind === 'condition') walk(n.child);
    };
    walk(trace.conditions);
    summary = `${W.unknown[lang]} ${[...missing].join(', ')}.`;
  } else {
    summary = `${trace.outcome ? W.fired[lang] : W.notFired[lang]}: ${because.join(`; ${W.and[lang]} `)}.`;
  }
  return { ruleId: trace.ruleId, outcome: trace.outcome, summary, because };
}

/** Explains every rule in a decision that carries a trace; empty when the decision has none. */
export function explainDecision(decision: Decision, ruleSet?: CompiledRuleSet, lang: Lang = decision.lang): Explanation[] {
  return (decision.trace ?? []).map((t) => explainRule(t, lang, ruleSet));
}
