import * as z from 'zod';
import { birthDateInRange, inDateRange, isBirthDate, isIsoDate, toDayNumber } from '../util/dates.js';
import { LIMITS } from './limits.js';
import { validateNationalId } from './nationalId.js';

/*
 * The person model: what a host EPJ knows about one person as of a date.
 *
 * Unknown is first-class: every field is optional, and an absent field means "not known", never
 * false or zero. An empty array means "known to be none". Objects are strict, so a misspelt field is
 * an error instead of being dropped.
 */

/** An ISO calendar date, `YYYY-MM-DD`, that exists (2023-02-30 is rejected), within `DATE_RANGE` (1800–2199). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'iso_date' })
  .refine(isIsoDate, { params: { code: 'iso_date' } })
  .refine((s) => !isIsoDate(s) || inDateRange(s), { params: { code: 'date_range' } });

/**
 * A birth date as a record gives it: a full ISO date, or only the year and month (`YYYY-MM`) or the
 * year (`YYYY`), as FHIR's `date` allows when the day or month is not known. Facts read it for what
 * it says: an age is known only when every day the date could stand for gives the same age.
 */
export const BirthDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'birth_date' })
  .refine(isBirthDate, { params: { code: 'birth_date' } })
  .refine((s) => !isBirthDate(s) || birthDateInRange(s), { params: { code: 'date_range' } });

const Text = z.string().min(1).max(LIMITS.textLength);
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems) => z.array(item).max(max);

/**
 * True unless both dates are given and `later` is before `earlier`. The cross-field checks are
 * `refine`s with a path, not `superRefine`s: a refinement's function is a plain predicate the fast
 * accept path (fastParse.ts) calls directly, while a superRefine needs zod's issue context built for
 * each diagnosis, encounter and medication of every person.
 */
function datesInOrder(earlier: string | undefined, later: string | undefined): boolean {
  return !(earlier && later && (toDayNumber(later) ?? 0) < (toDayNumber(earlier) ?? 0));
}
const DATE_ORDER = { params: { code: 'date_order' } } as const;

/** Code systems accepted for diagnoses. */
export const DiagnosisSystem = z.enum(['ICPC-2', 'ICD-10']);
/** A diagnosis code system. */
export type DiagnosisSystem = z.infer<typeof DiagnosisSystem>;

/*
 * The code and date patterns run in linear time on any input (test/project/regex.test.ts runs them on
 * 100,000-character adversarial strings): they are anchored, their quantifiers are bounded ({2},
 * {1,4}) or single, and the nested optional groups of the ATC pattern each start with a character
 * class the previous one has finished with, so there is never more than one way to match a prefix.
 */
const ICPC2 = /^[A-Z]\d{2}$/;
const ICD10 = /^[A-Z]\d{2}(\.?[0-9A-Z]{1,4})?$/;

/** A diagnosis as the host records it. ICD-10 codes may be written with or without the dot. */
export const Diagnosis = z
  .strictObject({
    system: DiagnosisSystem,
    code: z.string().max(16),
    onset: IsoDate.optional(),
    abatement: IsoDate.optional(),
    active: z.boolean().optional(),
  })
  .refine((d) => d.system !== 'ICPC-2' || ICPC2.test(d.code), { path: ['code'], params: { code: 'icpc2_code' } })
  .refine((d) => d.system !== 'ICD-10' || ICD10.test(d.code), { path: ['code'], params: { code: 'icd10_code' } })
  .refine((d) => datesInOrder(d.onset, d.abatement), { path: ['abatement'], ...DATE_ORDER });
/** A diagnosis. */
export type Diagnosis = z.infer<typeof Diagnosis>;

/** The kinds of encounter the framework's identification markers count. */
export const EncounterType = z.enum([
  'gp-consultation',
  'emergency-visit',
  'emergency-admission',
  'elective-admission',
  'outpatient-visit',
]);
/** An encounter kind. */
export type EncounterType = z.infer<typeof EncounterType>;

/** A contact with the health service. Admissions may carry a discharge date or a length of stay. */
export const Encounter = z
  .strictObject({
    type: EncounterType,
    date: IsoDate,
    endDate: IsoDate.optional(),
    lengthOfStayDays: z.number().int().min(0).max(36_500).optional(),
  })
  .refine((e) => datesInOrder(e.date, e.endDate), { path: ['endDate'], ...DATE_ORDER });
/** An encounter. */
export type Encounter = z.infer<typeof Encounter>;

/** A medication line, coded with ATC. `regular` counts toward polypharmacy; `as-needed` does not. */
export const Medication = z
  .strictObject({
    atc: z.string().regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/),
    regimen: z.enum(['regular', 'as-needed']),
    start: IsoDate.optional(),
    end: IsoDate.optional(),
  })
  .refine((m) => datesInOrder(m.start, m.end), { path: ['end'], ...DATE_ORDER });
/** A medication line. */
export type Medication = z.infer<typeof Medication>;

/** Municipal health and care services (helse- og omsorgstjenester) a person can receive. */
export const MunicipalServiceType = z.enum([
  'home-nursing',
  'practical-assistance',
  'personal-assistance',
  'physiotherapy',
  'occupational-therapy',
  'mental-health-substance',
  'day-care',
  'respite-care',
  'short-term-stay',
  'long-term-care',
  'health-station',
  'other',
]);
/** A municipal service kind. */
export type MunicipalServiceType = z.infer<typeof MunicipalServiceType>;

/** A municipal service with its extent. */
export const MunicipalService = z.strictObject({
  type: MunicipalServiceType,
  hoursPerWeek: z.number().min(0).max(168).optional(),
  start: IsoDate.optional(),
  end: IsoDate.optional(),
});
/** A municipal service. */
export type MunicipalService = z.infer<typeof MunicipalService>;

/** One IPLOS function score: 1 (no need) to 5 (full need), or 9 for "not relevant". */
export const IplosScore = z.strictObject({
  variable: z.string().min(1).max(64),
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(9)]),
  date: IsoDate,
});
/** An IPLOS score. */
export type IplosScore = z.infer<typeof IplosScore>;

/**
 * A PSFS measurement (Pasientspesifikk funksjonsskala): 1–5 self-chosen activities scored 0–10.
 * Norwegian versions differ in direction, so the direction is stored with every measurement.
 */
export const PsfsMeasure = z.strictObject({
  instrument: z.literal('PSFS'),
  date: IsoDate,
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  activities: z
    .array(z.strictObject({ activity: Text, score: z.number().min(0).max(10) }))
    .min(1)
    .max(10),
  proxy: z.boolean().optional(),
});
/** A PSFS measurement. */
export type PsfsMeasure = z.infer<typeof PsfsMeasure>;

/**
 * A fall as the record dates it. A list of them lets a rule count falls in any window (the `falls`
 * fact's `months`); falls dated after `asOf` are not counted, as encounters after it are not.
 */
export const Fall = z.strictObject({ date: IsoDate });
/** A dated fall. */
export type Fall = z.infer<typeof Fall>;

/** Frailty screening answers. PRISMA-7 is stored per item because item 6 is reverse-scored. */
export const Frailty = z.strictObject({
  prisma7: z
    .strictObject({
      olderThan85: z.boolean(),
      male: z.boolean(),
      healthProblemsLimitActivities: z.boolean(),
      needsRegularHelp: z.boolean(),
      healthProblemsKeepAtHome: z.boolean(),
      canCountOnSomeoneClose: z.boolean(),
      usesWalkingAid: z.boolean(),
    })
    .optional(),
  fallsLast12Months: z.number().int().min(0).max(1000).optional(),
  selfRatedHealth: z.number().min(0).max(10).optional(),
  gaitSpeed4mSeconds: z.number().min(0).max(600).optional(),
  acutelyUnwell: z.boolean().optional(),
});
/** Frailty screening answers. */
export type Frailty = z.infer<typeof Frailty>;

/** Social facts. Each is optional: absent means unknown. */
export const Social = z.strictObject({
  livesAlone: z.boolean().optional(),
  informalCarer: z.boolean().optional(),
  schoolOrKindergarten: z.enum(['kindergarten', 'school', 'none']).optional(),
  navInvolved: z.boolean().optional(),
  childWelfareInvolved: z.boolean().optional(),
  /**
   * Child welfare has taken over the care of the child (omsorgsovertakelse, barnevernsloven kap. 5),
   * so child welfare consents to health care for the child (pasient- og brukerrettighetsloven § 4-5).
   * Absent: not recorded, and child welfare's consent is then not taken as valid on its own.
   */
  childWelfareCareTakeover: z.boolean().optional(),
  interpreterNeeded: z.boolean().optional(),
});
/** Social facts. */
export type Social = z.infer<typeof Social>;

/** What matters to the person ("Hva er viktig for deg?"), in their own words. */
export const WhatMatters = z.strictObject({ text: Text, date: IsoDate });
/** A "what matters" statement. */
export type WhatMatters = z.infer<typeof WhatMatters>;

/**
 * Services and sectors a team member, a service need or a consent can refer to. `other` is a service
 * the list does not name: whether it is a health or care service, or the same provider as another
 * one, is not known.
 */
export const ServiceKind = z.enum([
  'gp',
  'home-nursing',
  'physiotherapy',
  'occupational-therapy',
  'mental-health-substance',
  'specialist',
  'pharmacist',
  'health-station',
  // The municipal care services (omsorgstjenester, helse- og omsorgstjenesteloven § 3-2 første ledd
  // nr. 6), named as in `MunicipalServiceType`, and dental care (tannhelsetjenesten).
  'practical-assistance',
  'personal-assistance',
  'respite-care',
  'short-term-stay',
  'long-term-care',
  'day-care',
  'dental-care',
  'nav',
  'school',
  'kindergarten',
  'ppt',
  'child-welfare',
  'housing',
  'relative',
  'other',
]);
/** A service or sector. */
export type ServiceKind = z.infer<typeof ServiceKind>;

/** A consent as recorded: who gave it, for what, and whether it has been withdrawn. */
export const Consent = z
  .strictObject({
    scope: z.enum(['team', 'individual-plan', 'coordinator', 'information-sharing']),
    givenBy: z.enum(['person', 'parent', 'representative', 'child-welfare']),
    date: IsoDate,
    withdrawnDate: IsoDate.optional(),
    services: list(ServiceKind).optional(),
    informationCategories: list(Text).optional(),
    purpose: Text.optional(),
    informedWithdrawable: z.boolean().optional(),
    childHeard: z.boolean().optional(),
    /**
     * For a young person of 12 to 15 who consented alone: the young person does not want the parents
     * (or others with parental responsibility) told, so the young person consents alone
     * (pasient- og brukerrettighetsloven § 4-3 første ledd bokstav c, with § 3-4 andre og tredje ledd).
     * Absent: not recorded, and whether the young person's own consent suffices is unknown.
     */
    parentsNotToBeInformed: z.boolean().optional(),
    /**
     * For a consent given by parents: every parent with parental responsibility consented (both, or
     * the one who has it alone). `false` means one parent of two, which suffices only for daily and
     * ordinary care and for care qualified personnel find necessary (pbrl. § 4-4 andre ledd).
     */
    allWithParentalResponsibility: z.boolean().optional(),
  })
  .refine((c) => datesInOrder(c.date, c.withdrawnDate), { path: ['withdrawnDate'], ...DATE_ORDER });
/** A consent. */
export type Consent = z.infer<typeof Consent>;

/** A named coordinator (koordinator or barnekoordinator). */
export const Coordinator = z.strictObject({
  name: Text.optional(),
  service: ServiceKind.optional(),
  kind: z.enum(['coordinator', 'child-coordinator']).optional(),
  appointedDate: IsoDate.optional(),
  recordedInJournal: z.boolean().optional(),
  hasMandate: z.boolean().optional(),
  /** The person's wish for who should be coordinator was asked and weighed (veileder ch. 8). */
  personsWishAsked: z.boolean().optional(),
});
/** A coordinator. */
export type Coordinator = z.infer<typeof Coordinator>;

/** A team member: a service that provides services to the person. */
export const TeamMember = z.strictObject({
  service: ServiceKind,
  name: Text.optional(),
  level: z.enum(['municipal', 'specialist', 'state', 'private']).optional(),
  /** The member's role in the team: the coordinator, the GP's medical coordination, or an ordinary member. */
  role: z.enum(['coordinator', 'medical-coordination', 'member']).optional(),
});
/** A team member. */
export type TeamMember = z.infer<typeof TeamMember>;

/** Why a team was closed. */
export const ClosureReason = z.enum(['goals-met', 'no-coordinated-need', 'consent-withdrawn', 'moved', 'died', 'other']);
/** A closure reason. */
export type ClosureReason = z.infer<typeof ClosureReason>;

/** How a team was closed (avslutning): the person's agreement, the final evaluation and any hand-over. */
export const TeamClosure = z.strictObject({
  date: IsoDate.optional(),
  reason: ClosureReason.optional(),
  personAgreed: z.boolean().optional(),
  finalEvaluationDone: z.boolean().optional(),
  /** Handed over to the coordinating unit of the new municipality (after a move). */
  handedOver: z.boolean().optional(),
});
/** A team closure. */
export type TeamClosure = z.infer<typeof TeamClosure>;

/** An existing follow-up team (oppfølgingsteam). */
export const Team = z.strictObject({
  established: IsoDate.optional(),
  members: list(TeamMember),
  /** Absent means an existing team whose status is not given; `being-established` counts as existing. */
  status: z.enum(['being-established', 'active', 'closed']).optional(),
  /** When the team's composition was last reviewed, e.g. after a transition. */
  lastReviewed: IsoDate.optional(),
  closure: TeamClosure.optional(),
});
/** A follow-up team. */
export type Team = z.infer<typeof Team>;

/** A goal in a plan (mål or delmål). */
export const Goal = z.strictObject({
  id: z.string().min(1).max(64),
  text: Text,
  parentId: z.string().min(1).max(64).optional(),
  expressedBy: z.enum(['person', 'relative', 'team']).optional(),
  status: z.enum(['open', 'met', 'not-met']).optional(),
});
/** A goal. */
export type Goal = z.infer<typeof Goal>;

/** A measure (tiltak): what is done, by whom, toward which goal. */
export const Measure = z.strictObject({
  id: z.string().min(1).max(64),
  text: Text,
  goalId: z.string().min(1).max(64).optional(),
  owner: ServiceKind.optional(),
  extent: Text.optional(),
  howCarriedOut: Text.optional(),
});
/** A measure. */
export type Measure = z.infer<typeof Measure>;

/** A follow-up plan or individual plan (oppfølgingsplan / individuell plan). */
export const Plan = z.strictObject({
  kind: z.enum(['follow-up-plan', 'individual-plan']).optional(),
  status: z.enum(['draft', 'active', 'closed']).optional(),
  owner: z.enum(['municipality', 'specialist', 'nav', 'child-welfare', 'school']).optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  goals: list(Goal).optional(),
  measures: list(Measure).optional(),
  checkpoints: list(z.strictObject({ date: IsoDate, done: z.boolean().optional() })).optional(),
  participants: list(ServiceKind).optional(),
  contributions: z.boolean().optional(),
  cooperationWithOtherAgencies: z.boolean().optional(),
  languageNeedsAddressed: z.boolean().optional(),
  /** The plan describes the person's resources (IP content element 1). */
  resourcesDescribed: z.boolean().optional(),
  /** The plan describes the person's needs for services (IP content element 1). */
  serviceNeedsDescribed: z.boolean().optional(),
});
/** A plan. */
export type Plan = z.infer<typeof Plan>;

/** What the person has said they want. Absent means not asked yet. */
export const Preferences = z.strictObject({
  wantsTeam: z.boolean().optional(),
  wantsIndividualPlan: z.boolean().optional(),
  wantsCoordinator: z.boolean().optional(),
});
/** The person's stated wishes. */
export type Preferences = z.infer<typeof Preferences>;

/** Capacity to consent and to take part in one's own coordination. */
export const Capacity = z.strictObject({
  consentCompetence: z.boolean().optional(),
  cognitiveImpairment: z.enum(['none', 'mild', 'marked']).optional(),
});
/** Capacity facts. */
export type Capacity = z.infer<typeof Capacity>;

/** A need for services, mapped during assessment, with the provider that would meet it. */
export const ServiceNeed = z.strictObject({
  service: ServiceKind,
  level: z.enum(['municipal', 'specialist', 'state', 'private']).optional(),
  longTerm: z.boolean().optional(),
});
/** A mapped service need. */
export type ServiceNeed = z.infer<typeof ServiceNeed>;

/** The baseline function measure used instead of self-reported PSFS (small children, marked cognitive impairment). */
export const BaselineAlternative = z.strictObject({
  kind: z.enum(['iplos', 'proxy', 'observation', 'other']),
  date: IsoDate.optional(),
});
/** An alternative baseline measure. */
export type BaselineAlternative = z.infer<typeof BaselineAlternative>;

/**
 * The interdisciplinary assessment (kartlegging / utredning) and the judgements made in it. The
 * judgements about the person are three-valued like everything else: absent means not assessed.
 */
export const Assessment = z.strictObject({
  status: z.enum(['ongoing', 'completed']).optional(),
  date: IsoDate.optional(),
  /** The person is confirmed to be in the target group (store og sammensatte behov) at review or assessment. */
  targetGroupConfirmed: z.boolean().optional(),
  /** "Hva er viktig for deg?" was asked, even if the answer is not stored as text. */
  whatMattersAsked: z.boolean().optional(),
  /** The assessment documents function and resources, not only diagnoses. */
  functionAndResourcesDocumented: z.boolean().optional(),
  /** The needs are complex (komplekse / sammensatte), pbrl. § 2-5 b and § 2-5 c. */
  complexNeeds: z.boolean().optional(),
  /** For a child: serious illness, injury or disability (pbrl. § 2-5 c). */
  seriousIllnessInjuryOrDisability: z.boolean().optional(),
  baselineAlternative: BaselineAlternative.optional(),
  /** How complex the coordination need is (the LKT / Vårdanalys first axis). */
  coordinationComplexity: z.enum(['low', 'moderate', 'high']).optional(),
  /** The person's ability to take part in coordinating their own care (the second axis). */
  abilityToTakePart: z.enum(['good', 'reduced', 'low']).optional(),
});
/** An assessment. */
export type Assessment = z.infer<typeof Assessment>;

/** A transition (overgang) that should prompt a new look at the team. */
export const Transition = z.strictObject({
  type: z.enum(['discharge', 'move', 'school-start', 'new-provider', 'death', 'other']),
  date: IsoDate,
  /** For a move: the new municipality's number. */
  toMunicipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
/** A transition. */
export type Transition = z.infer<typeof Transition>;

/** A notification of need for IP and coordinator to a coordinating unit (hpl. § 38 a). */
export const Referral = z.strictObject({
  date: IsoDate,
  to: z.enum(['municipal-coordinating-unit', 'specialist-coordinating-unit']),
  about: list(z.enum(['team', 'individual-plan', 'coordinator', 'child-coordinator'])).optional(),
  /** The notification and what was exchanged are documented in the journal. */
  journaled: z.boolean().optional(),
  /** Consent or another legal basis for passing on confidential information is recorded. */
  consentOrLegalBasis: z.boolean().optional(),
});
/** A referral to a coordinating unit. */
export type Referral = z.infer<typeof Referral>;

/** An individual plan held by another sector or level, which the person's plan should link to. */
export const OtherPlan = z.strictObject({
  owner: z.enum(['municipality', 'specialist', 'nav', 'child-welfare', 'school']),
  /** Linked to (coordinated with) the person's plan, so that there is one plan. */
  linked: z.boolean().optional(),
});
/** Another sector's plan. */
export type OtherPlan = z.infer<typeof OtherPlan>;

/** The person objects to sharing information with cooperating health personnel (hpl. § 25). */
export const SharingObjection = z
  .strictObject({
    date: IsoDate,
    /** The services the objection concerns; absent means all. */
    services: list(ServiceKind).optional(),
    withdrawnDate: IsoDate.optional(),
  })
  .refine((o) => datesInOrder(o.date, o.withdrawnDate), { path: ['withdrawnDate'], ...DATE_ORDER });
/** A sharing objection. */
export type SharingObjection = z.infer<typeof SharingObjection>;

/**
 * Where the person is on the framework's pathway, as the host records it (the same ids as the pathway
 * machine's states). Stage-bound rules read it together with the record: a stage is under way when
 * the host says so or the record shows it (a team, a plan, a coordinator, a consent). See
 * `stagesUnderWay` in the fact catalogue.
 */
export const PathwayStage = z.enum([
  'candidate',
  'checkedOut',
  'offer',
  'declined',
  'referral',
  'assessment',
  'teamDecision',
  'otherFollowUp',
  'teamEstablishment',
  'planning',
  'planActive',
  'evaluation',
  'closed',
]);
/** A pathway stage. */
export type PathwayStage = z.infer<typeof PathwayStage>;

/** A request for an individual plan or a coordinator, and how it was answered. */
export const ServiceRequest = z.strictObject({
  about: z.enum(['individual-plan', 'coordinator', 'child-coordinator']),
  date: IsoDate,
  outcome: z.enum(['pending', 'granted', 'refused']),
});
/** A request for IP or coordinator. */
export type ServiceRequest = z.infer<typeof ServiceRequest>;

/** The person: everything the library may reason about. Every field is optional; absent means unknown. */
export const Person = z.strictObject({
  /** The host's own opaque reference, e.g. `Patient/123`. Never interpreted. */
  id: z.string().min(1).max(256).optional(),
  nationalId: z
    .string()
    .refine((v) => validateNationalId(v) !== undefined, { params: { code: 'national_id' } })
    .optional(),
  birthDate: BirthDate.optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  municipality: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  diagnoses: list(Diagnosis, LIMITS.diagnoses).optional(),
  encounters: list(Encounter, LIMITS.encounters).optional(),
  medications: list(Medication, LIMITS.medications).optional(),
  municipalServices: list(MunicipalService).optional(),
  iplos: list(IplosScore).optional(),
  functionMeasures: list(PsfsMeasure).optional(),
  frailty: Frailty.optional(),
  /** Dated falls; an empty list means known to be none. `frailty.fallsLast12Months` is the count-only form. */
  falls: list(Fall).optional(),
  social: Social.optional(),
  whatMatters: list(WhatMatters).optional(),
  serviceNeeds: list(ServiceNeed).optional(),
  preferences: Preferences.optional(),
  capacity: Capacity.optional(),
  consents: list(Consent).optional(),
  individualPlan: Plan.optional(),
  coordinator: Coordinator.optional(),
  team: Team.optional(),
  hasGp: z.boolean().optional(),
  assessment: Assessment.optional(),
  transitions: list(Transition).optional(),
  referrals: list(Referral).optional(),
  otherPlans: list(OtherPlan).optional(),
  sharingObjections: list(SharingObjection).optional(),
  requests: list(ServiceRequest).optional(),
  /** The pathway stage the host records for the person; absent means the host does not say. */
  pathwayStage: PathwayStage.optional(),
});
/** A validated person. */
export type Person = z.infer<typeof Person>;
/** The input shape of a person before validation. */
export type PersonInput = z.input<typeof Person>;
