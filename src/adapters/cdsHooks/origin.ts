import * as z from 'zod';

/*
 * Where a card came from, carried in its `oppfolgingsteam` extension: the rule set, its version and
 * content hash, the rule and the evaluation date. Feedback is stored against this, so override rates
 * can be counted per rule and rule-set version.
 */

/** The origin of a card. */
export const CardOrigin = z.object({
  kind: z.enum(['prompt', 'data-needed', 'score']),
  ruleSetId: z.string().min(1),
  ruleSetVersion: z.string().min(1),
  contentHash: z.string().min(1),
  ruleId: z.string().min(1).optional(),
  asOf: z.string().min(1),
});
/** The origin of a card. */
export type CardOrigin = z.infer<typeof CardOrigin>;

/** The extension key the library uses on cards and suggestions. */
export const EXTENSION_KEY = 'oppfolgingsteam';
