import * as z from 'zod';
import { checkInputShape } from '../../model/inputShape.js';
import { fromZodIssues } from '../../model/issues.js';
import type { ValidationIssue } from '../../model/issues.js';
import { Lang, LANGS } from '../../model/lang.js';

/*
 * What `toCards` reads from a decision. A decision fresh from `evaluate` always has this shape; one
 * a host stored and read back may be truncated or edited. Checking it up front turns such a decision
 * into one typed issue naming the first damaged path (never a value), instead of a crash
 * halfway through building the cards. Loose objects: fields toCards does not read are not checked.
 */

const text = z.string().max(100_000);
const severity = z.enum(['info', 'warning', 'critical']);
const tier = z.enum(['low', 'moderate', 'high']);

const DecisionForCards = z.looseObject({
  ruleSet: z.looseObject({ id: text, version: text }),
  asOf: text,
  lang: Lang,
  findings: z.array(z.looseObject({ ruleId: text, params: z.record(z.string(), z.unknown()) })),
  prompts: z.array(
    z.looseObject({
      ruleId: text,
      severity,
      title: text,
      text,
      evidence: z.enum(['found', 'inferred']),
      source: z.looseObject({ document: text, section: text, url: text.optional() }),
    }),
  ),
  dataNeeded: z.array(z.looseObject({ ruleId: text, severity, title: text, missing: z.array(z.looseObject({ fact: text, label: text })) })),
  score: z
    .looseObject({
      points: z.number(),
      maxPoints: z.number(),
      tier,
      tierIfComplete: tier,
      highCutOff: z.number().optional(),
      reasons: z.array(z.looseObject({ ruleId: text, text })),
    })
    .optional(),
  trace: z.array(z.looseObject({ ruleId: text })).optional(),
});

/*
 * The fast accept path for the schema above, written out by hand: a decision fresh from `evaluate`
 * is checked in a few microseconds, where zod took a tenth of the time of a chart opening's cards.
 * It says yes only for what DecisionForCards accepts (the same fields, types, enums and length
 * limit, read the way zod reads them); anything else goes to zod, which alone words the issue.
 * `toCards(…, { fastParse: false })` turns it off; test/adapters/cdsHooks/fastPaths.test.ts holds
 * both paths to the same answer.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean => typeof v === 'string' && v.length <= 100_000;
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const SEVERITIES: readonly unknown[] = ['info', 'warning', 'critical'];
const TIERS: readonly unknown[] = ['low', 'moderate', 'high'];
const EVIDENCE: readonly unknown[] = ['found', 'inferred'];

function eachOf(v: unknown, f: (x: Obj) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isObj(x) || !f(x)) return false;
  }
  return true;
}

/** A plain record with string keys only, as `z.record(z.string(), z.unknown())` takes it. */
function isRecord(v: unknown): boolean {
  if (!isObj(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  // zod's plain-object test reads `constructor`: an own one is left to zod.
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(v, 'constructor') && Object.getOwnPropertySymbols(v).length === 0;
}

function soundForCards(d: Obj): boolean {
  const rs = d['ruleSet'];
  if (!isObj(rs) || !isText(rs['id']) || !isText(rs['version']) || !isText(d['asOf'])) return false;
  if (!(LANGS as readonly unknown[]).includes(d['lang'])) return false;
  if (!eachOf(d['findings'], (f) => isText(f['ruleId']) && isRecord(f['params']))) return false;
  const prompt = (p: Obj): boolean => {
    const src = p['source'];
    return (
      isText(p['ruleId']) &&
      SEVERITIES.includes(p['severity']) &&
      isText(p['title']) &&
      isText(p['text']) &&
      EVIDENCE.includes(p['evidence']) &&
      isObj(src) &&
      isText(src['document']) &&
      isText(src['section']) &&
      (src['url'] === undefined || isText(src['url']))
    );
  };
  if (!eachOf(d['prompts'], prompt)) return false;
  const needed = (n: Obj): boolean =>
    isText(n['ruleId']) &&
    SEVERITIES.includes(n['severity']) &&
    isText(n['title']) &&
    eachOf(n['missing'], (m) => isText(m['fact']) && isText(m['label']));
  if (!eachOf(d['dataNeeded'], needed)) return false;
  const s = d['score'];
  if (
    s !== undefined &&
    !(
      isObj(s) &&
      isNumber(s['points']) &&
      isNumber(s['maxPoints']) &&
      TIERS.includes(s['tier']) &&
      TIERS.includes(s['tierIfComplete']) &&
      (s['highCutOff'] === undefined || isNumber(s['highCutOff'])) &&
      eachOf(s['reasons'], (r) => isText(r['ruleId']) && isText(r['text']))
    )
  )
    return false;
  return d['trace'] === undefined || eachOf(d['trace'], (t) => isText(t['ruleId']));
}

/** Whether the fast accept path accepts the decision; `false` (also when reading it throws) means "ask zod". */
function acceptsForCards(decision: unknown): boolean {
  try {
    return isObj(decision) && soundForCards(decision);
  } catch {
    return false;
  }
}

/**
 * The first problem with `decision` as toCards reads it, as one issue under `decision` (none when it
 * is sound). With `fast`, the fast accept path is tried before zod.
 */
export function decisionForCardsIssues(decision: unknown, lang: Lang, fast = false): ValidationIssue[] {
  const shape = checkInputShape(decision, lang, ['decision']);
  if (shape) return [shape];
  if (fast && acceptsForCards(decision)) return [];
  const r = DecisionForCards.safeParse(decision);
  if (r.success) return [];
  return fromZodIssues(r.error.issues.slice(0, 1), lang, ['decision']);
}
