import type { Finding, Prompt } from '../../engine/decision.js';
import { libCoding } from '../fhir/model/codings.js';
import type { CodeableConcept, Reference } from '../fhir/model/datatypes.js';
import { fhirSafe } from '../fhir/model/strings.js';
import type { CareTeam, Goal, Task } from '../fhir/model/resources.js';
import { HL7, LIB, ruleSystem } from '../fhir/model/systems.js';
import type { Lang } from '../../model/lang.js';
import { fill } from '../../util/template.js';
import type { CdsSuggestion } from './schema.js';
import { EXTENSION_KEY } from './origin.js';
import { CDS_TEXTS } from './texts.js';

/*
 * What a card suggests: FHIR resources the clinician can create with one click. For the target-group
 * prompt: a Task to assess the need for a follow-up team (recommended), a proposed CareTeam with the
 * GP and an empty coordinator slot, and a draft "what matters to you" Goal. For other warnings: a
 * follow-up Task. Nothing is created unless the clinician accepts; the host applies the action.
 *
 * Which prompt gets which suggestions is a policy. The default reads `event.params.suggest` from the
 * rule file when present, so policy staff can steer it without code.
 */

/** The kinds of suggestion a card can carry. */
export type SuggestionKind = 'assess-task' | 'care-team' | 'what-matters-goal' | 'follow-up-task';

/** Every suggestion kind. */
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['assess-task', 'care-team', 'what-matters-goal', 'follow-up-task'];

/** Decides which suggestions a prompt's card carries; the first one is marked recommended. */
export type SuggestionPolicy = (prompt: Prompt, finding: Finding | undefined) => readonly SuggestionKind[];

/**
 * The default policy: `event.params.suggest` (a list of kinds) when the rule gives one; the three
 * team suggestions for a `target-group` finding; a follow-up task for other warnings and critical
 * prompts; nothing for information.
 */
export const defaultSuggestionPolicy: SuggestionPolicy = (prompt, finding) => {
  const s = finding?.params['suggest'];
  if (Array.isArray(s)) return s.filter((k): k is SuggestionKind => SUGGESTION_KINDS.includes(k as SuggestionKind));
  if (finding?.params['finding'] === 'target-group') return ['assess-task', 'care-team', 'what-matters-goal'];
  return prompt.severity === 'info' ? [] : ['follow-up-task'];
};

/** What a suggestion builder needs to know. */
export interface SuggestionContext {
  readonly lang: Lang;
  readonly patient: string;
  /** The user (`Practitioner/…` or `PractitionerRole/…`); other user kinds are not used as GP or requester. */
  readonly user: string | undefined;
  readonly asOf: string;
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
  readonly ruleId: string;
  readonly ruleTitle: string;
  /** Deterministic UUID for this suggestion (also the created resource's identifier). */
  readonly uuid: string;
}

function practitioner(user: string | undefined): Reference | undefined {
  return user !== undefined && /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(user) ? { reference: user } : undefined;
}

function reason(c: SuggestionContext): CodeableConcept {
  return {
    coding: [{ system: ruleSystem(c.ruleSetId), version: c.ruleSetVersion, code: c.ruleId, display: c.ruleTitle }],
    text: c.ruleTitle,
  };
}

function task(c: SuggestionContext, code: 'assess-follow-up-team' | 'follow-up-prompt', description: string): Task {
  const t: Task = {
    resourceType: 'Task',
    identifier: [{ system: HL7.uri, value: `urn:uuid:${c.uuid}` }],
    status: 'requested',
    intent: 'plan',
    priority: 'routine',
    code: { coding: [libCoding(LIB.taskCode, code, c.lang)] },
    description,
    for: { reference: c.patient },
    authoredOn: c.asOf,
    reasonCode: reason(c),
  };
  const by = practitioner(c.user);
  if (by) t.requester = by;
  return t;
}

function careTeam(c: SuggestionContext): CareTeam {
  const gp = practitioner(c.user);
  return {
    resourceType: 'CareTeam',
    identifier: [{ system: HL7.uri, value: `urn:uuid:${c.uuid}` }],
    status: 'proposed',
    category: [{ coding: [libCoding(LIB.careTeamCategory, 'follow-up-team', c.lang)] }],
    name: libCoding(LIB.careTeamCategory, 'follow-up-team', c.lang).display!,
    subject: { reference: c.patient },
    participant: [
      { role: [{ coding: [libCoding(LIB.careTeamRole, 'person', c.lang)] }], member: { reference: c.patient } },
      { role: [{ coding: [libCoding(LIB.careTeamRole, 'coordinator', c.lang)] }] },
      {
        role: [{ coding: [libCoding(LIB.careTeamRole, 'gp', c.lang), libCoding(LIB.serviceKind, 'gp', c.lang)] }],
        ...(gp ? { member: gp } : {}),
      },
    ],
    note: [{ text: CDS_TEXTS.coordinatorToAppoint[c.lang] }],
  };
}

function goal(c: SuggestionContext): Goal {
  return {
    resourceType: 'Goal',
    identifier: [{ system: HL7.uri, value: `urn:uuid:${c.uuid}` }],
    lifecycleStatus: 'proposed',
    category: [{ coding: [libCoding(LIB.goalCategory, 'what-matters', c.lang)] }],
    description: { text: CDS_TEXTS.goalDraft[c.lang] },
    subject: { reference: c.patient },
    startDate: c.asOf,
    expressedBy: { reference: c.patient },
  };
}

/** Builds one suggestion of a kind. The suggestion carries its kind in the `oppfolgingsteam` extension. */
export function buildSuggestion(kind: SuggestionKind, c: SuggestionContext, recommended: boolean): CdsSuggestion {
  const L = c.lang;
  const [label, description, resource] =
    kind === 'assess-task'
      ? [
          CDS_TEXTS.suggestAssessTask[L],
          CDS_TEXTS.suggestAssessTaskAction[L],
          task(c, 'assess-follow-up-team', libCoding(LIB.taskCode, 'assess-follow-up-team', L).display!),
        ]
      : kind === 'care-team'
        ? [CDS_TEXTS.suggestCareTeam[L], CDS_TEXTS.suggestCareTeamAction[L], careTeam(c)]
        : kind === 'what-matters-goal'
          ? [CDS_TEXTS.suggestGoal[L], CDS_TEXTS.suggestGoalAction[L], goal(c)]
          : [
              CDS_TEXTS.suggestFollowUpTask[L],
              fill(CDS_TEXTS.suggestFollowUpTaskAction[L], { title: c.ruleTitle }),
              task(c, 'follow-up-prompt', fill(CDS_TEXTS.followUpTask[L], { title: c.ruleTitle })),
            ];
  return {
    label,
    uuid: c.uuid,
    ...(recommended ? { isRecommended: true } : {}),
    actions: [{ type: 'create', description, resource: fhirSafe(resource) as unknown as { resourceType: string } }],
    extension: { [EXTENSION_KEY]: { kind } },
  };
}
