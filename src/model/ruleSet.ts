import * as z from 'zod';
import { LocalizedText } from './lang.js';
import { LIMITS } from './limits.js';
import { IsoDate } from './person.js';
import { HttpUrl } from './url.js';

/*
 * The rule-file format. Conditions and events are json-rules-engine's (brief, decision 1); the file
 * wraps them with metadata that policy staff and auditors need: ids, sources, evidence markers,
 * texts in three languages, validity period and configurable parameters.
 */

/** Where a rule comes from: a document and the section in it, with an `https:` (or `http:`) link to it. */
export const SourceRef = z.strictObject({
  document: z.string().min(1).max(500),
  section: z.string().min(1).max(500),
  url: HttpUrl.optional(),
  note: z.string().max(2000).optional(),
});
/** A source reference. */
export type SourceRef = z.infer<typeof SourceRef>;

/** Whether a rule's content is found in its source or inferred from it. */
export const Evidence = z.enum(['found', 'inferred']);
/** Found or inferred. */
export type Evidence = z.infer<typeof Evidence>;

/** How a prompt should be shown. Maps one to one onto CDS Hooks' card indicator. */
export const Severity = z.enum(['info', 'warning', 'critical']);
/** A prompt's severity. */
export type Severity = z.infer<typeof Severity>;

/** A reference to another fact as the compared value (json-rules-engine's `value: {fact}`). */
export const FactRef = z.strictObject({
  fact: z.string().min(1).max(128),
  path: z.string().max(256).optional(),
  params: z.record(z.string(), z.json()).optional(),
});
/** A fact reference. */
export type FactRef = z.infer<typeof FactRef>;

/** A reference to a rule-set parameter, resolved when the rule set is compiled. */
export const ParamRef = z.strictObject({ param: z.string().min(1).max(128) });
/** A parameter reference. */
export type ParamRef = z.infer<typeof ParamRef>;

/** A leaf condition: `fact` `operator` `value`. */
export const LeafCondition = z.strictObject({
  fact: z.string().min(1).max(128),
  operator: z.string().min(1).max(64),
  value: z.union([FactRef, ParamRef, z.json()]),
  path: z.string().max(256).optional(),
  params: z.record(z.string(), z.json()).optional(),
  name: z.string().max(200).optional(),
  priority: z.number().int().min(1).optional(),
});
/** A leaf condition. */
export type LeafCondition = z.infer<typeof LeafCondition>;

/** A reference to a named condition. */
export const ConditionRef = z.strictObject({
  condition: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  priority: z.number().int().min(1).optional(),
});

/** A condition tree node: `all`, `any`, `not`, a named reference, or a leaf. */
export type Condition =
  | { all: Condition[]; name?: string | undefined; priority?: number | undefined }
  | { any: Condition[]; name?: string | undefined; priority?: number | undefined }
  | { not: Condition; name?: string | undefined; priority?: number | undefined }
  | z.infer<typeof ConditionRef>
  | LeafCondition;

/** The condition schema (recursive). Empty `all`/`any` lists are rejected: their meaning differs between engines. */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      all: z.array(Condition).min(1).max(500),
      name: z.string().max(200).optional(),
      priority: z.number().int().min(1).optional(),
    }),
    z.strictObject({
      any: z.array(Condition).min(1).max(500),
      name: z.string().max(200).optional(),
      priority: z.number().int().min(1).optional(),
    }),
    z.strictObject({ not: Condition, name: z.string().max(200).optional(), priority: z.number().int().min(1).optional() }),
    ConditionRef,
    LeafCondition,
  ]),
);

/**
 * The root of a rule's conditions (or of a named condition): `all`, `any`, `not` or a reference,
 * never a bare leaf. json-rules-engine rejects a leaf at the root, and our rules must load there too.
 */
export const TopCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      all: z.array(Condition).min(1).max(500),
      name: z.string().max(200).optional(),
      priority: z.number().int().min(1).optional(),
    }),
    z.strictObject({
      any: z.array(Condition).min(1).max(500),
      name: z.string().max(200).optional(),
      priority: z.number().int().min(1).optional(),
    }),
    z.strictObject({ not: Condition, name: z.string().max(200).optional(), priority: z.number().int().min(1).optional() }),
    ConditionRef,
  ]),
);

/** Named conditions by name: a rule set's own `conditions`, or those a host shares across rule sets. */
export const NamedConditions = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/), TopCondition);

/** The event a rule emits when it fires (json-rules-engine's `event`). */
export const RuleEvent = z.strictObject({
  type: z.string().min(1).max(64),
  params: z.record(z.string(), z.json()).optional(),
});
/** A rule event. */
export type RuleEvent = z.infer<typeof RuleEvent>;

/*
 * Identifier patterns are linear in the input: each has one unbounded quantifier per group, and the
 * repeated group of a rule id, `(-[A-Z0-9]+)*`, starts with "-", which its inner class cannot match, so
 * a string splits into repetitions in exactly one way (test/project/regex.test.ts lists and runs them).
 */

/**
 * Why a rule or parameter is as it is, for the catalogue: in three languages, or (the older form,
 * still read) one string, which is taken as English and shown in every language. May name
 * parameters as placeholders (`{name}`), filled when the rule set is compiled.
 */
export const Rationale = z.union([LocalizedText, z.string().max(4000)]);
/** A rationale. */
export type Rationale = z.infer<typeof Rationale>;

/** A rule with its metadata. */
export const Rule = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/),
  title: LocalizedText,
  text: LocalizedText,
  source: SourceRef,
  evidence: Evidence,
  severity: Severity,
  priority: z.number().int().min(1).optional(),
  conditions: TopCondition,
  event: RuleEvent,
  /** Explains `evidence: inferred` or a design choice, for the catalogue. */
  rationale: Rationale.optional(),
});
/** A rule. */
export type Rule = z.infer<typeof Rule>;

/** A configurable parameter: a default value with its rationale, so a threshold is never presented as official when it is not. */
export const Parameter = z.strictObject({
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))]),
  description: LocalizedText,
  evidence: Evidence,
  source: SourceRef.optional(),
  rationale: Rationale.optional(),
  /**
   * For `evidence: found`: the value the source states. `validate` warns when `value` differs from
   * it and no `changeNote` says why, so a local change never passes as the source's figure.
   */
  sourceValue: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))]).optional(),
  /** Why `value` differs from `sourceValue`: the local decision, shown in the catalogue beside the value. */
  changeNote: Rationale.optional(),
});
/** A rule-set parameter. */
export type Parameter = z.infer<typeof Parameter>;

/** A score tier boundary: persons with at least `minPoints` are in the tier. */
export const ScoreTier = z.strictObject({
  tier: z.enum(['low', 'moderate', 'high']),
  minPoints: z.union([z.number(), ParamRef]),
});

/**
 * Points-based scoring: rules whose event type is `score` add `event.params.points` when they fire.
 * The tier follows from the highest boundary reached.
 */
export const Scoring = z.strictObject({
  tiers: z.array(ScoreTier).min(1).max(3),
  description: LocalizedText.optional(),
});
/** A scoring section. */
export type Scoring = z.infer<typeof Scoring>;

/**
 * Sign-off of one version of a rule set: who approved it, on which day, and what changed, for the
 * catalogue's change log and for the stamp on every decision. All optional: a draft has none.
 */
export const SignOff = {
  /** Who approved this version (a name, a role or a body, e.g. «Kommuneoverlegen i Eksempel»). */
  approvedBy: z.string().min(1).max(200).optional(),
  /** The day this version was approved. */
  approvedOn: IsoDate.optional(),
  /** What changed in this version, and why, in the three languages. */
  changeNote: LocalizedText.optional(),
};

/** A rule-set file. Several versions of one id may sit side by side, with periods that do not overlap. */
export const RuleSetFile = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/),
  /** The first day this version is in force. */
  validFrom: IsoDate,
  /** The last day this version is in force (inclusive); absent while it has no end. Not before `validFrom`. */
  validTo: IsoDate.optional(),
  ...SignOff,
  title: LocalizedText,
  description: LocalizedText.optional(),
  parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), Parameter).optional(),
  conditions: NamedConditions.optional(),
  scoring: Scoring.optional(),
  rules: z.array(Rule).min(1).max(LIMITS.rulesPerRuleSet),
});
/** A rule-set file as written by policy staff. */
export type RuleSetFile = z.infer<typeof RuleSetFile>;

/** One entry in a code list: a code, a dotted prefix, or a range such as `C00-C75`. */
export const CodeListEntry = z.strictObject({
  system: z.enum(['ICPC-2', 'ICD-10', 'ATC']),
  code: z.string().regex(/^[A-Z][0-9A-Z.]*(-[A-Z][0-9A-Z.]*)?$/),
  group: z.string().max(64).optional(),
  weight: z.number().optional(),
  label: z.string().max(500).optional(),
});
/** A code-list entry. */
export type CodeListEntry = z.infer<typeof CodeListEntry>;

/** A code-list file: data that rules and derived facts reference by name. */
export const CodeListFile = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/),
  title: LocalizedText,
  source: SourceRef,
  evidence: Evidence,
  rationale: z.string().max(4000).optional(),
  entries: z.array(CodeListEntry).min(1).max(LIMITS.codeListEntries),
});
/** A code-list file. */
export type CodeListFile = z.infer<typeof CodeListFile>;
