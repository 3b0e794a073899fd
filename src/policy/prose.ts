import type { CompiledRuleSet } from '../engine/compile.js';
import { OPERATORS } from '../engine/operators.js';
import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import type { Lang } from '../model/lang.js';
import type { Condition, LeafCondition, Parameter } from '../model/ruleSet.js';

/*
 * Conditions in prose, for the rule catalogue, the diff and the coverage report. A leaf reads
 * "<fact label> <operator label> <value>", using the labels the facts and operators declare, so a
 * rule reads the same here as in the "why" of a decision. Parameters are named, because they are
 * what policy staff change.
 */

/** What the renderer needs to name facts, code lists, parameters and named conditions. */
export interface ProseContext {
  readonly facts: FactRegistry;
  readonly codeLists: ReadonlyMap<string, CodeList>;
  readonly parameters: Readonly<Record<string, Parameter['value']>>;
  readonly namedConditions: Readonly<Record<string, Condition>>;
}

/** A sentence with the sentences it is made of, for nested lists. */
export interface ProseNode {
  readonly text: string;
  readonly children: readonly ProseNode[];
}

/** The context of a compiled rule set. */
export function proseContext(ruleSet: CompiledRuleSet, facts: FactRegistry): ProseContext {
  return { facts, codeLists: ruleSet.codeLists, parameters: ruleSet.parameters, namedConditions: ruleSet.namedConditions };
}

const W = {
  all: { nb: 'alle disse er oppfylt:', nn: 'alle desse er oppfylte:', en: 'all of these hold:' },
  any: { nb: 'minst én av disse er oppfylt:', nn: 'minst éin av desse er oppfylt:', en: 'at least one of these holds:' },
  not: { nb: 'dette er ikke oppfylt:', nn: 'dette er ikkje oppfylt:', en: 'this does not hold:' },
  allShort: { nb: (n: number) => `alle ${n} er oppfylt`, nn: (n: number) => `alle ${n} er oppfylte`, en: (n: number) => `all ${n} hold` },
  anyShort: {
    nb: (n: number) => `minst én av ${n} er oppfylt`,
    nn: (n: number) => `minst éin av ${n} er oppfylt`,
    en: (n: number) => `at least one of ${n} holds`,
  },
  notShort: { nb: 'ikke', nn: 'ikkje', en: 'not' },
  yes: { nb: 'ja', nn: 'ja', en: 'yes' },
  no: { nb: 'nei', nn: 'nei', en: 'no' },
  param: { nb: 'parameteren', nn: 'parameteren', en: 'parameter' },
  codeList: { nb: 'kodelisten', nn: 'kodelista', en: 'code list' },
  months: {
    nb: (n: unknown) => `siste ${n} måneder`,
    nn: (n: unknown) => `siste ${n} månader`,
    en: (n: unknown) => `in the last ${n} months`,
  },
  unknownCondition: { nb: 'ukjent betingelse', nn: 'ukjent vilkår', en: 'unknown condition' },
} as const;

function show(v: unknown, lang: Lang): string {
  if (v === true) return W.yes[lang];
  if (v === false) return W.no[lang];
  if (typeof v === 'string') return `«${v}»`;
  if (Array.isArray(v)) return v.map((x) => show(x, lang)).join(', ');
  if (v === null) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function factLabel(
  ctx: ProseContext,
  fact: string,
  params: Readonly<Record<string, unknown>> | undefined,
  path: string | undefined,
  lang: Lang,
): string {
  const def = ctx.facts.get(fact);
  let label = def?.label[lang] ?? fact;
  const rest = { ...(params ?? {}) };
  if (typeof rest['months'] === 'number') {
    label = `${def?.windowedLabel?.[lang] ?? label} ${W.months[lang](rest['months'])}`;
    delete rest['months'];
  }
  if (Object.keys(rest).length > 0) label += ` ${JSON.stringify(rest)}`;
  if (path !== undefined) label += ` (${path})`;
  return label;
}

function valueText(ctx: ProseContext, c: LeafCondition, lang: Lang): string {
  const v = c.value as unknown;
  const op = OPERATORS.get(c.operator);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    if ('fact' in v) {
      const ref = v as { fact: string; path?: string; params?: Record<string, unknown> };
      return factLabel(ctx, ref.fact, ref.params, ref.path, lang);
    }
    if ('param' in v) {
      const name = (v as { param: string }).param;
      const pv = Object.prototype.hasOwnProperty.call(ctx.parameters, name) ? ctx.parameters[name] : undefined;
      return pv === undefined ? `${W.param[lang]} ${name}` : `${show(pv, lang)} (${W.param[lang]} ${name})`;
    }
  }
  if (op?.valueKind === 'code-list' && typeof v === 'string') {
    const list = ctx.codeLists.get(v);
    return list ? `«${list.file.title[lang]}» (${W.codeList[lang]} ${v})` : `${W.codeList[lang]} ${v}`;
  }
  return show(v, lang);
}

/** One sentence for a leaf condition. */
export function leafProse(c: LeafCondition, ctx: ProseContext, lang: Lang): string {
  const label = factLabel(ctx, c.fact, c.params as Record<string, unknown> | undefined, c.path, lang);
  // "frail is yes" reads badly; a yes/no fact reads as "<label>: yes".
  if (c.operator === 'equal' && typeof c.value === 'boolean') return `${label}: ${show(c.value, lang)}`;
  const op = OPERATORS.get(c.operator)?.label[lang] ?? c.operator;
  return `${label} ${op} ${valueText(ctx, c, lang)}`;
}

/**
 * The condition a single-child `all` or `any` stands for: its child. Rule roots must be all, any, not
 * or condition (json-rules-engine rejects a bare leaf there), so a one-leaf rule is written as an
 * `all` of one; "all of these hold:" over a single item only adds a level for the reader.
 */
export function unwrapSingle(c: Condition): Condition {
  let x = c;
  for (;;) {
    if ('all' in x && x.all.length === 1) x = x.all[0]!;
    else if ('any' in x && x.any.length === 1) x = x.any[0]!;
    else return x;
  }
}

/**
 * Renders a condition as a tree of sentences. Named conditions are expanded in place under their
 * name, so a reader never has to look elsewhere; a reference cycle (rejected by the compiler) stops.
 * A single-child `all` or `any` reads as its child.
 */
export function conditionProse(cond: Condition, ctx: ProseContext, lang: Lang, seen: readonly string[] = []): ProseNode {
  const c = unwrapSingle(cond);
  if ('all' in c) return { text: W.all[lang], children: c.all.map((k) => conditionProse(k, ctx, lang, seen)) };
  if ('any' in c) return { text: W.any[lang], children: c.any.map((k) => conditionProse(k, ctx, lang, seen)) };
  if ('not' in c) return { text: W.not[lang], children: [conditionProse(c.not, ctx, lang, seen)] };
  if ('condition' in c) {
    const body = Object.prototype.hasOwnProperty.call(ctx.namedConditions, c.condition) ? ctx.namedConditions[c.condition] : undefined;
    if (body === undefined || seen.includes(c.condition)) return { text: `«${c.condition}» (${W.unknownCondition[lang]})`, children: [] };
    const inner = conditionProse(body, ctx, lang, [...seen, c.condition]);
    return { text: `«${c.condition}»: ${inner.text}`, children: inner.children };
  }
  return { text: leafProse(c, ctx, lang), children: [] };
}

/** One line for a condition node, without its children: for lists of conditions such as coverage. A single-child `all` or `any` reads as its child. */
export function conditionLine(cond: Condition, ctx: ProseContext, lang: Lang): string {
  const c = unwrapSingle(cond);
  if ('all' in c) return W.allShort[lang](c.all.length);
  if ('any' in c) return W.anyShort[lang](c.any.length);
  if ('not' in c) return `${W.notShort[lang]}: ${conditionLine(c.not, ctx, lang)}`;
  if ('condition' in c) return `«${c.condition}»`;
  return leafProse(c, ctx, lang);
}

/** The tree as indented lines ("- " bullets, two spaces per level), for terminals and line diffs. */
export function proseLines(node: ProseNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}- ${node.text}`, ...node.children.flatMap((k) => proseLines(k, depth + 1))];
}
