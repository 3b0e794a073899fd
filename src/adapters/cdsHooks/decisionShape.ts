import * as z from 'zod';
import { checkInputShape } from '../../model/inputShape.js';
import { fromZodIssues } from '../../model/issues.js';
import type { ValidationIssue } from '../../model/issues.js';
import { Lang } from '../../model/lang.js';

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

/** The first problem with `decision` as toCards reads it, as one issue under `decision` (none when it is sound). */
export function decisionForCardsIssues(decision: unknown, lang: Lang): ValidationIssue[] {
  const shape = checkInputShape(decision, lang, ['decision']);
  if (shape) return [shape];
  const r = DecisionForCards.safeParse(decision);
  if (r.success) return [];
  return fromZodIssues(r.error.issues.slice(0, 1), lang, ['decision']);
}
