import type { LocalizedText } from '../model/lang.js';
import type { PathwayContext } from './context.js';

/*
 * The guards' contract with the rule sets. A guard names a check (a list of rules with the outcome
 * each must have) and the context the pathway would have if the event were accepted; the guard
 * environment evaluates the rules on the Person built from that context and answers yes or no. The
 * rules are coupled by id only (contracts.md): any rule set with these ids can stand in.
 *
 * The environment travels in the event (never in the context, which stays plain JSON), so the same
 * machine runs live (rules evaluated now), in replay (decisions read back from the history) and in
 * model-based tests.
 */

/** One rule a guard needs: in which rule set, and whether it must fire or must not. */
export interface RuleCheck {
  readonly ruleSetId: string;
  readonly ruleId: string;
  readonly expected: 'fires' | 'does-not-fire';
}

/** The checks the guards run, by name. Rule ids are the ones fixed in contracts.md. */
export const RULE_CHECKS = {
  /** Team decision: the team criteria must be met (target group, coordinated need, wants a team). */
  teamCriteria: [{ ruleSetId: 'team', ruleId: 'TEAM-CRITERIA-MET', expected: 'fires' }],
  /** Establishing the team: consent, a recorded coordinator, and explicit consent for every member that needs it. */
  establishTeam: [
    { ruleSetId: 'consent', ruleId: 'CONSENT-TEAM-MISSING', expected: 'does-not-fire' },
    { ruleSetId: 'team', ruleId: 'TEAM-COORDINATOR-MISSING', expected: 'does-not-fire' },
    { ruleSetId: 'consent', ruleId: 'CONSENT-EXPLICIT-MEMBER', expected: 'does-not-fire' },
  ],
  /** Adding a member: school, kindergarten, PPT, child welfare and NAV need explicit consent. */
  memberConsent: [{ ruleSetId: 'consent', ruleId: 'CONSENT-EXPLICIT-MEMBER', expected: 'does-not-fire' }],
  /** Replacing the coordinator of an established team: the new one must be named and recorded. */
  coordinator: [{ ruleSetId: 'team', ruleId: 'TEAM-COORDINATOR-MISSING', expected: 'does-not-fire' }],
  /** Activating or revising the plan: at least one dated checkpoint. */
  planCheckpoint: [{ ruleSetId: 'plan', ruleId: 'PLAN-NO-CHECKPOINT', expected: 'does-not-fire' }],
} as const satisfies Record<string, readonly RuleCheck[]>;

/** The name of a rule check. */
export type RuleCheckName = keyof typeof RULE_CHECKS;

/** Ids of the rule sets the pathway reads. */
export const PATHWAY_RULE_SET_IDS: readonly string[] = [...new Set(Object.values(RULE_CHECKS).flatMap((cs) => cs.map((c) => c.ruleSetId)))];

/** A refusal that comes from the pathway itself rather than a rule set. */
export type PathwayRefusal =
  /** A declined person flagged again before the re-flag period, without a new trigger. */
  | { readonly kind: 'reflag-period'; readonly notBefore: string }
  /** `CLOSE` with `goals-met` outside an evaluation: closure for met goals needs a final evaluation (R45). */
  | { readonly kind: 'goals-met-needs-evaluation' };

/** What a guard can ask of its environment. */
export interface GuardEnv {
  /** Evaluates a check on the Person built from `proposed`; true when every rule has its expected outcome. */
  rules(check: RuleCheckName, proposed: PathwayContext): boolean;
  /** Records why a pathway guard said no. */
  refuse(refusal: PathwayRefusal): void;
}

/** Labels for the diagram: what each guard requires, in the words of the statechart. */
export const GUARD_LABELS: Readonly<Record<string, string>> = {
  teamCriteriaMet: 'TEAM-CRITERIA-MET',
  teamMayBeEstablished: 'no CONSENT-TEAM-MISSING, TEAM-COORDINATOR-MISSING, CONSENT-EXPLICIT-MEMBER',
  memberCovered: 'no CONSENT-EXPLICIT-MEMBER',
  coordinatorRecorded: 'no TEAM-COORDINATOR-MISSING',
  planHasCheckpoint: 'no PLAN-NO-CHECKPOINT',
  reflagAllowed: 're-flag period passed or new trigger',
  closeAllowedHere: 'reason is not goals-met',
};

/** Texts for pathway refusals. */
export function refusalText(r: PathwayRefusal): LocalizedText {
  switch (r.kind) {
    case 'reflag-period':
      return {
        nb: `Personen takket nei og flagges ikke på nytt før ${r.notBefore}, med mindre en ny hendelse (f.eks. en ny akuttinnleggelse) oppgis.`,
        nn: `Personen takka nei og blir ikkje flagga på nytt før ${r.notBefore}, med mindre ei ny hending (t.d. ei ny akuttinnlegging) blir oppgitt.`,
        en: `The person declined and is not flagged again before ${r.notBefore}, unless a new trigger (such as a new emergency admission) is given.`,
      };
    case 'goals-met-needs-evaluation':
      return {
        nb: 'Avslutning fordi målene er nådd krever en avsluttende evaluering. Start evalueringen først.',
        nn: 'Avslutning fordi måla er nådde krev ei avsluttande evaluering. Start evalueringa først.',
        en: 'Closing because the goals are met requires a final evaluation. Start the evaluation first.',
      };
  }
}
