import * as z from 'zod';
import { LIMITS } from './limits.js';
import { IsoDate } from './person.js';
import { SourceRef } from './ruleSet.js';

/*
 * Test vectors: what policy staff write next to a rule set to pin its behaviour. Each vector gives
 * input facts (or a whole person) and `asOf`, and the rules expected to fire, not fire, or be unknown.
 */

const RuleIds = z.array(z.string().min(1).max(128)).max(2000);

/** One test vector. */
export const TestVector = z
  .strictObject({
    name: z.string().min(1).max(500),
    /** The document and section that justify the expected outcome. */
    source: SourceRef.optional(),
    /**
     * The date the scenario happens on (ages and time windows count from it). Absent: the first day of
     * the version the vector runs against. A date outside that version's period is kept as written.
     */
    asOf: IsoDate.optional(),
    /** Plain fact values; absent facts are unknown. */
    facts: z.record(z.string(), z.json()).optional(),
    /** A whole person record instead of facts. */
    person: z.record(z.string(), z.json()).optional(),
    /** Parameter overrides for this vector only. */
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))])).optional(),
    expect: z.strictObject({
      fired: RuleIds.optional(),
      notFired: RuleIds.optional(),
      unknown: RuleIds.optional(),
      /** Findings expected among the fired rules' events, by `params.finding`. */
      findings: z.array(z.string().min(1).max(128)).optional(),
      tier: z.enum(['low', 'moderate', 'high']).optional(),
      points: z.number().optional(),
    }),
  })
  .refine((v) => (v.facts === undefined) !== (v.person === undefined), { params: { code: 'invalid_shape' }, path: ['facts'] });
/** A test vector. */
export type TestVector = z.infer<typeof TestVector>;

/** A file of test vectors for one rule set. */
export const TestVectorFile = z.strictObject({
  $schema: z.string().optional(),
  ruleSet: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The version of the rule set these vectors are for; absent: each vector runs against the version in force on its `asOf`. */
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    .optional(),
  vectors: z.array(TestVector).min(1).max(LIMITS.vectorsPerFile),
});
/** A test-vector file. */
export type TestVectorFile = z.infer<typeof TestVectorFile>;
