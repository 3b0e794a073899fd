import type { CompiledRuleSet } from '../engine/compile.js';
import type { Decision } from '../engine/decision.js';
import type { Truth } from '../engine/logic.js';
import { OPERATORS } from '../engine/operators.js';
import type { ConditionTrace, FactTrace, RuleTrace } from '../engine/trace.js';
import type { Lang } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { codeWord, paramName } from './codeWords.js';

/*
 * Turns a trace into short sentences: "why" a rule fired, "why not" when it did not, and which data
 * is needed when it is unknown. Only the decisive conditions are named: for a fired `all`, every
 * child; for a fired `any`, the children that held; for a failed `all`, the children that failed.
 * A condition reads as a sentence about what was recorded, worded per operator and kind of fact
 * ("antall faste legemidler er 13, som er minst 10"; "demens: ja"; "teammedlemmer uten uttrykkelig
 * samtykke: NAV"), with codes in words (codeWords.ts). Because each sentence states the recorded
 * value and whether the condition held, it reads the same under a `not`.
 *
 * Hosts store decisions as audit records and explain them later, so a trace may come back from JSON,
 * from another version or hand-edited. Nothing here throws on such a trace: a node that is not one
 * of ours is skipped, a value that is not text is not shown, and recursion stops at LIMITS.inputDepth.
 */

/**
 * Options for {@link explainRule} and {@link explainDecision}. Both take the thing to explain first
 * and these options second.
 */
export interface ExplainOptions {
  /** Language of the sentences. Default: the decision's own language for `explainDecision`, `nb` for `explainRule`. */
  readonly lang?: Lang;
  /** The rule set the trace came from, for fact labels and code-list titles; without it, fact names are shown. */
  readonly ruleSet?: CompiledRuleSet;
}

/** Options as a host passed them: anything that is not an object is no options. */
const readOptions = (options: unknown): ExplainOptions =>
  typeof options === 'object' && options !== null ? (options as ExplainOptions) : {};

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
  months: {
    nb: (n: unknown) => `siste ${n} måneder`,
    nn: (n: unknown) => `siste ${n} månader`,
    en: (n: unknown) => `in the last ${n} months`,
  },
  notRecorded: { nb: 'ikke registrert', nn: 'ikkje registrert', en: 'not recorded' },
  is: { nb: 'er', nn: 'er', en: 'is' },
  which: { nb: 'som', nn: 'som', en: 'which' },
  not: { nb: 'ikke', nn: 'ikkje', en: 'not' },
  none: { nb: 'ingen', nn: 'ingen', en: 'none' },
  contains: { nb: 'inneholder', nn: 'inneheld', en: 'includes' },
  containsNot: { nb: 'inneholder ikke', nn: 'inneheld ikkje', en: 'does not include' },
  codeIn: { nb: 'har en kode i', nn: 'har ein kode i', en: 'has a code in' },
  noCodeIn: { nb: 'har ingen kode i', nn: 'har ingen kode i', en: 'has no code in' },
  withinDays: {
    nb: (n: string) => `innenfor de siste ${n} dagene`,
    nn: (n: string) => `innanfor dei siste ${n} dagane`,
    en: (n: string) => `within the last ${n} days`,
  },
} as const;

/**
 * How a comparison reads after "<fact> er <recorded>, som …" (held) or "…, ikke …" (did not hold):
 * the operator's words without its leading verb. Operators not listed read with their own label.
 */
const COMPARE: Readonly<Record<string, { readonly [L in Lang]: string }>> = {
  in: { nb: 'er en av', nn: 'er ein av', en: 'is one of' },
  lessThan: { nb: 'er mindre enn', nn: 'er mindre enn', en: 'is less than' },
  lessThanInclusive: { nb: 'er høyst', nn: 'er høgst', en: 'is at most' },
  greaterThan: { nb: 'er større enn', nn: 'er større enn', en: 'is greater than' },
  greaterThanInclusive: { nb: 'er minst', nn: 'er minst', en: 'is at least' },
  dateBefore: { nb: 'er før', nn: 'er før', en: 'is before' },
  dateOnOrBefore: { nb: 'er på eller før', nn: 'er på eller før', en: 'is on or before' },
  dateAfter: { nb: 'er etter', nn: 'er etter', en: 'is after' },
  dateOnOrAfter: { nb: 'er på eller etter', nn: 'er på eller etter', en: 'is on or after' },
  hasAtLeast: { nb: 'er minst', nn: 'er minst', en: 'is at least' },
  hasAtMost: { nb: 'er høyst', nn: 'er høgst', en: 'is at most' },
};

/** Text for a name-like field of a trace: strings and numbers only, so a damaged trace cannot make a template throw. */
function txt(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function isTruth(v: unknown): v is Truth {
  return v === true || v === false || v === 'unknown';
}

function show(v: unknown, lang: Lang, depth = 0): string {
  if (v === true) return W.yes[lang];
  if (v === false) return W.no[lang];
  if (typeof v === 'string') return codeWord(v, lang);
  if (depth > SHOW_DEPTH) return '…';
  if (Array.isArray(v)) return v.length === 0 ? W.none[lang] : v.map((x) => show(x, lang, depth + 1)).join(', ');
  if (v !== null && typeof v === 'object') {
    const o = v as { system?: unknown; code?: unknown };
    if (typeof o.code === 'string') return `${txt(o.system)} ${o.code}`.trim();
    try {
      return JSON.stringify(v) ?? '…';
    } catch {
      // Too deep for JSON.stringify, or not JSON at all (a BigInt inside): show that there is a value, not the value.
      return '{…}';
    }
  }
  return typeof v === 'symbol' ? '…' : String(v);
}

/** Nested values shown in a sentence; deeper parts are elided. */
const SHOW_DEPTH = 8;

function factLabel(ruleSet: CompiledRuleSet | undefined, t: FactTrace, lang: Lang): string {
  const fact = txt(t.fact);
  const slot = ruleSet?.slots.find((s) => s.name === fact);
  let label = slot?.def?.label[lang] ?? fact;
  const params = t.params as Record<string, unknown> | null | undefined;
  if (typeof params === 'object' && params !== null) {
    if (typeof params['months'] === 'number') label = `${slot?.def?.windowedLabel?.[lang] ?? label} ${W.months[lang](params['months'])}`;
    // Other params (a consent's scope, a list of services) tell apart two conditions on the same fact.
    const other = Object.entries(params).filter(([k]) => k !== 'months');
    if (other.length > 0) label += ` (${other.map(([k, v]) => `${paramName(k, lang)}: ${show(v, lang)}`).join('; ')})`;
  }
  if (typeof t.path === 'string') label += ` (${t.path})`;
  return label;
}

function valueText(ruleSet: CompiledRuleSet | undefined, t: FactTrace, lang: Lang): string {
  const op = OPERATORS.get(t.operator);
  if (op?.valueKind === 'code-list' && typeof t.value === 'string') {
    const list = ruleSet?.codeLists.get(t.value);
    return list ? `«${list.file.title[lang]}»` : `«${t.value}»`;
  }
  if (t.valueFact !== undefined) {
    const name = txt(t.valueFact);
    const slot = ruleSet?.slots.find((s) => s.name === name);
    const label = slot?.def?.label[lang] ?? name;
    return t.value === null || t.value === undefined ? label : `${label} (${show(t.value, lang)})`;
  }
  return show(t.value, lang);
}

/** One sentence for a leaf condition: what was recorded, and how it compares with what the rule asks. */
export function describeLeaf(t: FactTrace, lang: Lang, ruleSet?: CompiledRuleSet): string {
  if (typeof t !== 'object' || t === null) return '';
  lang = resolveLang(lang);
  const label = factLabel(ruleSet, t, lang);
  if (t.outcome === 'unknown') return `${label}: ${W.notRecorded[lang]}`;
  const held = t.outcome === true;
  const op = txt(t.operator);
  const value = valueText(ruleSet, t, lang);
  // A redacted trace has no recorded value: say what the condition was and whether it held.
  if (t.factValue === undefined) {
    const opLabel = OPERATORS.get(op)?.label[lang] ?? op;
    return `${label} ${opLabel} ${value} (${held ? W.met[lang] : W.notMet[lang]})`;
  }
  const seen = show(t.factValue, lang);
  const compare = (words: string) =>
    `${label} ${W.is[lang]} ${seen}, ${held ? `${W.which[lang]} ${words}` : `${W.not[lang]} ${words.replace(/^(er|is) /, '')}`}`;
  switch (op) {
    case 'equal':
      if (typeof t.value === 'boolean') return `${label}: ${seen}`;
      return held ? `${label} ${W.is[lang]} ${seen}` : `${label} ${W.is[lang]} ${seen}, ${W.not[lang]} ${value}`;
    case 'notEqual':
      return held ? `${label} ${W.is[lang]} ${seen}, ${W.not[lang]} ${value}` : `${label} ${W.is[lang]} ${seen}`;
    case 'notIn':
      return held
        ? `${label} ${W.is[lang]} ${seen}, ${W.not[lang]} ${COMPARE['in']![lang].replace(/^(er|is) /, '')} ${value}`
        : compare(`${COMPARE['in']![lang]} ${value}`);
    case 'contains':
      return held ? `${label} ${W.contains[lang]} ${value}` : `${label} ${W.containsNot[lang]} ${value} (${W.seen[lang]}: ${seen})`;
    case 'doesNotContain':
      return held ? `${label} ${W.containsNot[lang]} ${value} (${W.seen[lang]}: ${seen})` : `${label} ${W.contains[lang]} ${value}`;
    case 'inCodeList':
      return held ? `${label} ${W.codeIn[lang]} ${value} (${W.seen[lang]}: ${seen})` : `${label} ${W.noCodeIn[lang]} ${value}`;
    case 'notInCodeList':
      return held ? `${label} ${W.noCodeIn[lang]} ${value}` : `${label} ${W.codeIn[lang]} ${value} (${W.seen[lang]}: ${seen})`;
    case 'withinLastDays':
      return `${label} ${W.is[lang]} ${seen}, ${held ? '' : `${W.not[lang]} `}${W.withinDays[lang](value)}`;
    case 'hasAtLeast':
    case 'hasAtMost': {
      // A list read against a count: "at least one" reads as the list itself, or "none".
      if (op === 'hasAtLeast' && t.value === 1) return `${label}: ${seen}`;
      const n = Array.isArray(t.factValue) ? t.factValue.length : 0;
      const words = `${COMPARE[op]![lang]} ${value}`;
      return `${label}: ${seen} (${n}, ${held ? `${W.which[lang]} ${words}` : `${W.not[lang]} ${words.replace(/^(er|is) /, '')}`})`;
    }
    default: {
      const words = COMPARE[op]?.[lang] ?? OPERATORS.get(op)?.label[lang] ?? op;
      return compare(`${words} ${value}`);
    }
  }
}

/** The decisive leaves for reaching `target` at this node. */
function decisive(node: ConditionTrace, target: Truth, lang: Lang, ruleSet: CompiledRuleSet | undefined, depth: number): string[] {
  if (typeof node !== 'object' || node === null || depth > LIMITS.inputDepth) return [];
  switch (node.kind) {
    case 'fact':
      return [describeLeaf(node, lang, ruleSet)];
    case 'condition':
      return decisive(node.child, target, lang, ruleSet, depth + 1);
    case 'not': {
      const inner: Truth = target === 'unknown' ? 'unknown' : !target;
      return decisive(node.child, inner, lang, ruleSet, depth + 1);
    }
    case 'all':
    case 'any': {
      if (!Array.isArray(node.children)) return [];
      const matching = node.children.filter((c) => typeof c === 'object' && c !== null && c.outcome === target);
      return matching.flatMap((c) => decisive(c, target, lang, ruleSet, depth + 1));
    }
    default:
      return [];
  }
}

/**
 * Explains one rule trace in `options.lang` (default `nb`; an unknown language falls back to `nb`).
 * Pass `options.ruleSet` to get fact labels and code-list titles. A damaged trace gives a shorter
 * explanation, never an exception.
 *
 * @example
 * ```ts
 * const d = evaluate(ruleSet, person, { asOf: '2026-06-01' });
 * if (d._tag === 'Right') for (const t of d.right.trace) console.log(explainRule(t, { lang: 'en', ruleSet }).summary);
 * ```
 */
export function explainRule(trace: RuleTrace, options: ExplainOptions = {}): Explanation {
  const { ruleSet, lang: requested } = readOptions(options);
  const lang = resolveLang(requested);
  const t: Partial<RuleTrace> = typeof trace === 'object' && trace !== null ? trace : {};
  const outcome: Truth = isTruth(t.outcome) ? t.outcome : 'unknown';
  const conditions = t.conditions as ConditionTrace;
  const because = decisive(conditions, outcome, lang, ruleSet, 0);
  let summary: string;
  if (outcome === 'unknown') {
    const missing = new Set<string>();
    const walk = (n: ConditionTrace, depth: number): void => {
      if (typeof n !== 'object' || n === null || depth > LIMITS.inputDepth) return;
      if (n.kind === 'fact') {
        if (n.outcome === 'unknown') missing.add(factLabel(ruleSet, n, lang));
      } else if (n.kind === 'all' || n.kind === 'any') {
        if (Array.isArray(n.children)) for (const c of n.children) walk(c, depth + 1);
      } else if (n.kind === 'not' || n.kind === 'condition') walk(n.child, depth + 1);
    };
    walk(conditions, 0);
    summary = `${W.unknown[lang]} ${[...missing].join(', ')}.`;
  } else {
    summary = `${outcome ? W.fired[lang] : W.notFired[lang]}: ${because.join(`; ${W.and[lang]} `)}.`;
  }
  return { ruleId: txt(t.ruleId), outcome, summary, because };
}

/**
 * Explains every rule in a decision that carries a trace, in `options.lang` (default: the language
 * the decision was made in); empty when the decision has none (or is not a decision at all, as a
 * damaged stored record might be).
 *
 * @example
 * ```ts
 * const why = explainDecision(decision, { ruleSet, lang: 'nn' });
 * ```
 */
export function explainDecision(decision: Decision, options: ExplainOptions = {}): Explanation[] {
  if (typeof decision !== 'object' || decision === null || !Array.isArray(decision.trace)) return [];
  const { ruleSet, lang } = readOptions(options);
  const l = resolveLang(lang ?? decision.lang);
  return decision.trace.map((t) => explainRule(t, { lang: l, ruleSet }));
}
