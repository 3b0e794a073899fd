import * as z from 'zod';
import { Annotation, CodeableConcept, Coding, Extension, FhirDateTime, Identifier, Period, Reference } from './datatypes.js';

/*
 * The FHIR R4 resources this library writes, as zod schemas so their types come from one place.
 * Only the elements the library fills are listed. HL7 Norway's no-basis has no profile for any of
 * them, so they follow base R4 and reference no-basis actors (Patient, Practitioner). The tests
 * validate every produced resource against HL7's official R4 JSON Schema.
 */

const Str = z.string().min(1);
const list = <T extends z.ZodType>(t: T) => z.array(t).min(1).optional();

/** RiskAssessment: a points-based score with its method, inputs and rationale. */
export const RiskAssessment = z.strictObject({
  resourceType: z.literal('RiskAssessment'),
  identifier: list(Identifier),
  status: z.enum(['registered', 'preliminary', 'final', 'amended']),
  method: CodeableConcept,
  code: CodeableConcept.optional(),
  subject: Reference,
  occurrenceDateTime: FhirDateTime,
  basis: list(Reference),
  prediction: z
    .array(
      z.strictObject({
        outcome: CodeableConcept,
        qualitativeRisk: CodeableConcept,
        rationale: Str.optional(),
      }),
    )
    .min(1),
  note: list(Annotation),
});
/** A FHIR RiskAssessment. */
export type RiskAssessment = z.infer<typeof RiskAssessment>;

/** Flag: a chart banner for a fired prompt. */
export const Flag = z.strictObject({
  resourceType: z.literal('Flag'),
  identifier: list(Identifier),
  status: z.enum(['active', 'inactive', 'entered-in-error']),
  category: list(CodeableConcept),
  code: CodeableConcept,
  subject: Reference,
  period: Period.optional(),
});
/** A FHIR Flag. */
export type Flag = z.infer<typeof Flag>;

/** One participant in a care team. */
export const CareTeamParticipant = z.strictObject({
  extension: list(Extension),
  role: list(CodeableConcept),
  member: Reference.optional(),
  period: Period.optional(),
});

/** CareTeam: the follow-up team (oppfølgingsteam), proposed or active. */
export const CareTeam = z.strictObject({
  resourceType: z.literal('CareTeam'),
  identifier: list(Identifier),
  status: z.enum(['proposed', 'active', 'suspended', 'inactive']),
  category: list(CodeableConcept),
  name: Str.optional(),
  subject: Reference,
  period: Period.optional(),
  participant: list(CareTeamParticipant),
  note: list(Annotation),
});
/** A FHIR CareTeam. */
export type CareTeam = z.infer<typeof CareTeam>;

/** Goal: a goal in the plan, or what matters to the person (expressedBy the Patient). */
export const Goal = z.strictObject({
  resourceType: z.literal('Goal'),
  extension: list(Extension),
  identifier: list(Identifier),
  lifecycleStatus: z.enum(['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled']),
  achievementStatus: CodeableConcept.optional(),
  category: list(CodeableConcept),
  description: CodeableConcept,
  subject: Reference,
  startDate: FhirDateTime.optional(),
  expressedBy: Reference.optional(),
  note: list(Annotation),
});
/** A FHIR Goal. */
export type Goal = z.infer<typeof Goal>;

/** Task: "assess the need for a team" or an evaluation checkpoint. */
export const Task = z.strictObject({
  resourceType: z.literal('Task'),
  identifier: list(Identifier),
  basedOn: list(Reference),
  status: z.enum(['draft', 'requested', 'received', 'accepted', 'ready', 'in-progress', 'completed', 'cancelled']),
  intent: z.enum(['proposal', 'plan', 'order']),
  priority: z.enum(['routine', 'urgent', 'asap', 'stat']).optional(),
  code: CodeableConcept,
  description: Str.optional(),
  for: Reference,
  authoredOn: FhirDateTime.optional(),
  requester: Reference.optional(),
  reasonCode: CodeableConcept.optional(),
  restriction: z.strictObject({ period: Period }).optional(),
  note: list(Annotation),
});
/** A FHIR Task. */
export type Task = z.infer<typeof Task>;

/** One activity in a care plan: a reference to a Task, or an inline measure (tiltak). */
export const CarePlanActivity = z.strictObject({
  extension: list(Extension),
  progress: list(Annotation),
  reference: Reference.optional(),
  detail: z
    .strictObject({
      code: CodeableConcept.optional(),
      status: z.enum(['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown']),
      description: Str.optional(),
      goal: list(Reference),
      performer: list(Reference),
    })
    .optional(),
});

/** CarePlan: the follow-up plan or individual plan. */
export const CarePlan = z.strictObject({
  resourceType: z.literal('CarePlan'),
  extension: list(Extension),
  identifier: list(Identifier),
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'unknown']),
  intent: z.literal('plan'),
  category: list(CodeableConcept),
  title: Str.optional(),
  subject: Reference,
  period: Period.optional(),
  careTeam: list(Reference),
  goal: list(Reference),
  activity: list(CarePlanActivity),
  note: list(Annotation),
});
/** A FHIR CarePlan. */
export type CarePlan = z.infer<typeof CarePlan>;

/** Consent: a recorded consent, with its legal basis and the services it covers. */
export const Consent = z.strictObject({
  resourceType: z.literal('Consent'),
  /** A contained RelatedPerson when a parent or representative gave the consent. */
  contained: list(
    z.strictObject({
      resourceType: z.literal('RelatedPerson'),
      id: Str,
      patient: Reference,
      relationship: list(CodeableConcept),
    }),
  ),
  extension: list(Extension),
  identifier: list(Identifier),
  status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive']),
  scope: CodeableConcept,
  category: z.array(CodeableConcept).min(1),
  patient: Reference,
  dateTime: FhirDateTime.optional(),
  performer: list(Reference),
  policy: z.array(z.strictObject({ uri: Str })).min(1),
  provision: z
    .strictObject({
      type: z.enum(['deny', 'permit']),
      period: Period.optional(),
      actor: list(z.strictObject({ role: CodeableConcept, reference: Reference })),
      purpose: list(Coding),
    })
    .optional(),
});
/** A FHIR Consent. */
export type Consent = z.infer<typeof Consent>;

/** Any resource the library writes. */
export const FhirOutputResource = z.discriminatedUnion('resourceType', [RiskAssessment, Flag, CareTeam, Goal, Task, CarePlan, Consent]);
/** Any resource the library writes. */
export type FhirOutputResource = z.infer<typeof FhirOutputResource>;

/** A transaction Bundle of written resources, linked by `urn:uuid:` full URLs. */
export const TransactionBundle = z.strictObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction'),
  entry: z.array(
    z.strictObject({
      fullUrl: Str,
      resource: FhirOutputResource,
      request: z.strictObject({ method: z.literal('POST'), url: Str }),
    }),
  ),
});
/** A FHIR transaction Bundle. */
export type TransactionBundle = z.infer<typeof TransactionBundle>;
