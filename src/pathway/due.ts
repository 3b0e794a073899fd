import * as E from '../util/either.js';
import type { InvalidOptionsError } from '../model/errors.js';
import { invalidOptions } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import type { LocalizedText } from '../model/lang.js';
import { Lang } from '../model/lang.js';
import { addDays, dateProblem, toDayNumber } from '../util/dates.js';
import type { PathwayConfig } from './context.js';
import { nextOpenCheckpoint } from './context.js';
import type { Pathway } from './envelope.js';
import type { PathwayRole } from './events.js';
import type { PathwayStateId } from './states.js';
import { checkedPathway } from './argument.js';
import type { CorruptEnvelopeError } from './errors.js';

/*
 * Due dates, not timers. The machine never wakes itself; the host asks "what waits on whom as of
 * this date", for a worklist or a reminder, and sends the event when the work is done. Every item
 * has the date it became due and whether it is overdue on `asOf`. The waiting periods are the local
 * parameters in the pathway's configuration; checkpoint dates come from the plan.
 */

/** What an item waits for. */
export type DueKind =
  | 'review'
  | 'offer-answer'
  | 'referral-answer'
  | 'assessment'
  | 'team-decision'
  | 'team-establishment'
  | 'plan'
  | 'evaluation'
  | 'evaluation-outcome';

/** Something the pathway waits on someone for. */
export interface DueItem {
  readonly kind: DueKind;
  readonly state: PathwayStateId;
  readonly waitingOn: PathwayRole;
  /** When the wait began. */
  readonly since: string;
  /** When it is due: `since` plus the configured period, or the checkpoint date. */
  readonly due: string;
  readonly overdue: boolean;
  /** Whole days past `due` on `asOf`; 0 when not overdue. */
  readonly daysOverdue: number;
  /** The checkpoint, for evaluations. */
  readonly checkpoint?: string;
  readonly text: LocalizedText;
}

const TEXT: Record<DueKind, LocalizedText> = {
  review: {
    nb: 'Kandidaten venter på gjennomgang hos fastlege eller annet personell.',
    nn: 'Kandidaten ventar på gjennomgang hos fastlege eller anna personell.',
    en: 'The candidate waits for review by the GP or other staff.',
  },
  'offer-answer': {
    nb: 'Tilbudet om oppfølgingsteam venter på svar fra personen.',
    nn: 'Tilbodet om oppfølgingsteam ventar på svar frå personen.',
    en: 'The offer of a follow-up team waits for the person’s answer.',
  },
  'referral-answer': {
    nb: 'Henvisningen til koordinerende enhet er ikke besvart.',
    nn: 'Tilvisinga til koordinerande eining er ikkje svara på.',
    en: 'The referral to the coordinating unit has not been answered.',
  },
  assessment: {
    nb: 'Kartleggingen er ikke fullført.',
    nn: 'Kartlegginga er ikkje fullført.',
    en: 'The assessment is not complete.',
  },
  'team-decision': {
    nb: 'Beslutningen om oppfølgingsteam er ikke tatt.',
    nn: 'Avgjerda om oppfølgingsteam er ikkje teken.',
    en: 'The team decision has not been made.',
  },
  'team-establishment': {
    nb: 'Teamet er ikke etablert (samtykke, koordinator, medlemmer).',
    nn: 'Teamet er ikkje etablert (samtykke, koordinator, medlemmer).',
    en: 'The team is not established (consent, coordinator, members).',
  },
  plan: {
    nb: 'Oppfølgingsplanen er ikke aktivert.',
    nn: 'Oppfølgingsplanen er ikkje aktivert.',
    en: 'The follow-up plan has not been activated.',
  },
  evaluation: {
    nb: 'Evaluering ved sjekkpunkt i planen.',
    nn: 'Evaluering ved sjekkpunkt i planen.',
    en: 'Evaluation at a checkpoint in the plan.',
  },
  'evaluation-outcome': {
    nb: 'Evalueringen er startet, men ikke avsluttet (fortsette, revidere, overgang eller avslutte).',
    nn: 'Evalueringa er starta, men ikkje avslutta (halde fram, revidere, overgang eller avslutte).',
    en: 'The evaluation has started but has no outcome yet (continue, revise, transition or close).',
  },
};

const WAITS: Partial<Record<PathwayStateId, { kind: DueKind; waitingOn: PathwayRole; period: keyof PathwayConfig['waitDays'] }>> = {
  candidate: { kind: 'review', waitingOn: 'gp', period: 'review' },
  offer: { kind: 'offer-answer', waitingOn: 'person', period: 'offer' },
  referral: { kind: 'referral-answer', waitingOn: 'coordinating-unit', period: 'referral' },
  assessment: { kind: 'assessment', waitingOn: 'coordinating-unit', period: 'assessment' },
  teamDecision: { kind: 'team-decision', waitingOn: 'coordinating-unit', period: 'teamDecision' },
  teamEstablishment: { kind: 'team-establishment', waitingOn: 'coordinating-unit', period: 'teamEstablishment' },
  planning: { kind: 'plan', waitingOn: 'coordinator', period: 'planning' },
  evaluation: { kind: 'evaluation-outcome', waitingOn: 'team', period: 'evaluation' },
};

function item(
  kind: DueKind,
  state: PathwayStateId,
  waitingOn: PathwayRole,
  since: string,
  due: string,
  asOfDay: number,
  checkpoint?: string,
): DueItem {
  const late = Math.max(0, asOfDay - toDayNumber(due)!);
  return {
    kind,
    state,
    waitingOn,
    since,
    due,
    overdue: late > 0,
    daysOverdue: late,
    ...(checkpoint ? { checkpoint } : {}),
    text: TEXT[kind],
  };
}

/**
 * Lists what the pathway waits on someone for, as of a date: the current step with its due date,
 * and in an active plan every checkpoint not yet evaluated. Overdue items come first, then by due
 * date. Pure: the same pathway and date give the same list. A date that is not `YYYY-MM-DD` from
 * 1800-01-01 to 2199-12-31 (`20.01.2027`, say) is an `InvalidOptions` error at `asOf`, in
 * `options.lang` (default `nb`), never an exception.
 */
export function whatIsDue(
  pathway: Pathway,
  asOf: string,
  options: { readonly lang?: Lang } = {},
): E.Either<InvalidOptionsError, DueItem[]> {
  const bad = dateProblem(asOf);
  if (bad) {
    const l = Lang.safeParse(readLang(options));
    return E.left(invalidOptions([makeIssue(asOf === undefined ? 'missing' : bad, ['asOf'], l.success ? l.data : 'nb')]));
  }
  return E.right(dueOn(pathway, asOf));
}

/** The options' `lang`, read once; options that cannot be read count as none. */
function readLang(options: unknown): unknown {
  try {
    return typeof options === 'object' && options !== null ? (options as { lang?: unknown }).lang : undefined;
  } catch {
    return undefined;
  }
}

function dueOn(pathway: Pathway, asOf: string): DueItem[] {
  const asOfDay = toDayNumber(asOf)!;
  const ctx = pathway.snapshot.context;
  const state = pathway.state;
  const out: DueItem[] = [];
  const wait = WAITS[state];
  if (wait) {
    // A referral waits from the day it was sent; everything else from the day the state was entered.
    const since =
      state === 'referral' && ctx.referral
        ? ctx.referral.sentDate
        : state === 'evaluation' && ctx.evaluating
          ? ctx.evaluating.started
          : ctx.since;
    out.push(
      item(
        wait.kind,
        state,
        wait.waitingOn,
        since,
        addDays(since, ctx.config.waitDays[wait.period]),
        asOfDay,
        state === 'evaluation' ? ctx.evaluating?.checkpoint : undefined,
      ),
    );
  }
  if (state === 'planActive') {
    const open = (ctx.plan?.checkpoints ?? []).filter((c) => c.done !== true).map((c) => c.date);
    for (const cp of [...new Set(open)].sort()) out.push(item('evaluation', state, 'team', ctx.since, cp, asOfDay, cp));
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The next checkpoint of the plan that is not yet evaluated, if any. A value that is not a pathway is `CorruptEnvelope`. */
export function nextCheckpoint(pathway: Pathway): E.Either<CorruptEnvelopeError, string | undefined> {
  return E.map((p: Pathway) => nextOpenCheckpoint(p.snapshot.context.plan))(checkedPathway(pathway, 'nb'));
}
