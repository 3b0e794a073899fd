import type { z } from 'zod';
import { PathwayStage } from '../model/person.js';
import type { LocalizedText } from '../model/lang.js';

/*
 * The pathway's leaf states, by a flat id hosts can store and switch on, with their place in the
 * statechart, their names in three languages and their order along the pathway (used to prove that a
 * migration never moves a pathway backwards).
 */

/** The leaf states, in the order of the pathway: the person model's `PathwayStage`, so a host can record where a person is. */
export const PathwayStateId = PathwayStage;
/** A leaf state id. */
export type PathwayStateId = z.infer<typeof PathwayStateId>;

/** The states inside the follow-up team phase, where the team can be recomposed at any time. */
export const TEAM_PHASE: readonly PathwayStateId[] = ['teamEstablishment', 'planning', 'planActive', 'evaluation'];

/** The XState state value of a leaf state. */
export function stateValue(id: PathwayStateId): string | Record<string, unknown> {
  if (id === 'closed') return 'closed';
  if (TEAM_PHASE.includes(id)) return { open: { followUp: id } };
  return { open: id };
}

/** The leaf state id of an XState state value, or undefined when it names no leaf state. */
export function leafOf(value: unknown): PathwayStateId | undefined {
  let v = value;
  while (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length !== 1) return undefined;
    v = (v as Record<string, unknown>)[keys[0]!];
  }
  const r = PathwayStateId.safeParse(v);
  return r.success ? r.data : undefined;
}

/**
 * Progress along the pathway. Side states rank with the step that leads to them. The machine may go
 * back (a new flag after a decline, a team recomposed at a transition); a migration may not.
 */
export const STATE_RANK: Readonly<Record<PathwayStateId, number>> = {
  candidate: 0,
  checkedOut: 1,
  offer: 1,
  declined: 2,
  referral: 2,
  assessment: 3,
  teamDecision: 4,
  otherFollowUp: 5,
  teamEstablishment: 5,
  planning: 6,
  planActive: 7,
  evaluation: 8,
  closed: 9,
};

/** State names for people. */
export const STATE_LABELS: Readonly<Record<PathwayStateId, LocalizedText>> = {
  candidate: { nb: 'Kandidat', nn: 'Kandidat', en: 'Candidate' },
  checkedOut: { nb: 'Sjekket ut', nn: 'Sjekka ut', en: 'Checked out' },
  offer: { nb: 'Tilbud om oppfølgingsteam', nn: 'Tilbod om oppfølgingsteam', en: 'Offer of a follow-up team' },
  declined: { nb: 'Takket nei', nn: 'Takka nei', en: 'Declined' },
  referral: { nb: 'Henvist til koordinerende enhet', nn: 'Tilvist til koordinerande eining', en: 'Referred to the coordinating unit' },
  assessment: { nb: 'Kartlegging', nn: 'Kartlegging', en: 'Assessment' },
  teamDecision: { nb: 'Beslutning om team', nn: 'Avgjerd om team', en: 'Team decision' },
  otherFollowUp: { nb: 'Annen oppfølging', nn: 'Anna oppfølging', en: 'Other follow-up' },
  teamEstablishment: { nb: 'Etablering av team', nn: 'Etablering av team', en: 'Team establishment' },
  planning: { nb: 'Planlegging', nn: 'Planlegging', en: 'Planning' },
  planActive: { nb: 'Plan aktiv', nn: 'Plan aktiv', en: 'Plan active' },
  evaluation: { nb: 'Evaluering', nn: 'Evaluering', en: 'Evaluation' },
  closed: { nb: 'Avsluttet', nn: 'Avslutta', en: 'Closed' },
};
