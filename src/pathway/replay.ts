import * as E from 'fp-ts/lib/Either.js';
import { initialTransition, transition } from 'xstate';
import type { Lang, LocalizedText } from '../model/lang.js';
import { canonicalJson } from '../util/sha256.js';
import { initialContext, resolveConfig } from './context.js';
import type { Pathway } from './envelope.js';
import type { ReplayMismatchError } from './errors.js';
import { replayMismatch } from './errors.js';
import type { PathwayRole } from './events.js';
import type { GuardEnv } from './guards.js';
import { RULE_CHECKS } from './guards.js';
import type { CheckRecord, HistoryEntry } from './history.js';
import { pathwayMachine } from './machine.js';
import type { MachineEvent } from './machine.js';
import { leafOf, STATE_LABELS } from './states.js';
import type { PathwayStateId } from './states.js';

/*
 * Replay: run the history through the machine again and check that it leads to the stored state and
 * context. Guards read their answers from the decisions recorded in each entry instead of evaluating
 * the rules again, so replay needs neither the person's record nor the rule sets of the day: it
 * shows how the person got where they are, and proves the log and the state agree.
 */

/** One step of a replay. */
export interface ReplayStep {
  readonly seq: number;
  readonly at: string;
  readonly role: PathwayRole;
  readonly event: string;
  readonly from: PathwayStateId | null;
  readonly to: PathwayStateId;
  readonly decisions: readonly CheckRecord[];
}

function replayEnv(decisions: readonly CheckRecord[]): GuardEnv {
  return {
    rules(check) {
      return RULE_CHECKS[check].every((c) => decisions.some((d) => d.ruleSet.id === c.ruleSetId && d.ruleId === c.ruleId && d.passed));
    },
    refuse() {},
  };
}

const step = (h: HistoryEntry): ReplayStep => ({ seq: h.seq, at: h.at, role: h.role, event: h.event.type, from: h.from, to: h.to, decisions: h.decisions });

/** Replays a pathway's history. Right: the steps; Left: where replay and the stored pathway part. */
export function replayPathway(pathway: Pathway): E.Either<ReplayMismatchError, ReplayStep[]> {
  const [first, ...rest] = pathway.history;
  if (!first || first.event.type !== 'START') return E.left(replayMismatch(0, 'candidate', 'rejected'));
  const start = first.event;
  const ctx = initialContext({ channel: start.channel, date: first.at, ...(start.reason ? { reason: start.reason } : {}) }, resolveConfig(start.config));
  let [snap] = initialTransition(pathwayMachine, ctx);
  const steps: ReplayStep[] = [step(first)];
  for (const h of rest) {
    if (h.event.type === 'START') return E.left(replayMismatch(h.seq, h.to, 'rejected'));
    const ev = { ...h.event, meta: { asOf: h.at, role: h.role, env: replayEnv(h.decisions) } } as MachineEvent;
    const [next] = transition(pathwayMachine, snap, ev);
    if (next === snap) return E.left(replayMismatch(h.seq, h.to, 'rejected'));
    const leaf = leafOf(next.value)!;
    if (leaf !== h.to) return E.left(replayMismatch(h.seq, h.to, leaf));
    snap = next;
    steps.push(step(h));
  }
  if (canonicalJson(JSON.parse(JSON.stringify(snap.context))) !== canonicalJson(pathway.snapshot.context))
    return E.left(replayMismatch(pathway.history.length - 1, 'context', 'context'));
  return E.right(steps);
}

/** Role names for people. */
export const ROLE_LABELS: Readonly<Record<PathwayRole, LocalizedText>> = {
  gp: { nb: 'fastlege', nn: 'fastlege', en: 'GP' },
  staff: { nb: 'personell', nn: 'personell', en: 'staff' },
  'coordinating-unit': { nb: 'koordinerende enhet', nn: 'koordinerande eining', en: 'coordinating unit' },
  coordinator: { nb: 'koordinator', nn: 'koordinator', en: 'coordinator' },
  team: { nb: 'teamet', nn: 'teamet', en: 'the team' },
  person: { nb: 'personen', nn: 'personen', en: 'the person' },
  relative: { nb: 'pårørende', nn: 'pårørande', en: 'relative' },
  'risk-screening': { nb: 'risikokartlegging', nn: 'risikokartlegging', en: 'risk screening' },
};

const NOT: Readonly<Record<Lang, string>> = { nb: 'ikke', nn: 'ikkje', en: 'not' };

/** A check as a short text: `✓ TEAM-CRITERIA-MET`, `✓ ikke CONSENT-TEAM-MISSING` (the problem was absent). */
export function checkText(d: CheckRecord, lang: Lang = 'nb'): string {
  return `${d.passed ? '✓' : '✗'} ${d.expected === 'does-not-fire' ? `${NOT[lang]} ` : ''}${d.ruleId}`;
}

/**
 * The history as one line per entry: date, role, event, from → to, and the rules it rested on.
 * For a timeline in the host's user interface.
 */
export function describeHistory(pathway: Pathway, lang: Lang = 'nb'): string[] {
  return pathway.history.map((h) => {
    const move = h.from === null ? STATE_LABELS[h.to][lang] : h.from === h.to ? STATE_LABELS[h.to][lang] : `${STATE_LABELS[h.from][lang]} → ${STATE_LABELS[h.to][lang]}`;
    const rules = h.decisions.length > 0 ? ` [${h.decisions.map((d) => checkText(d, lang)).join(', ')}]` : '';
    return `${h.at} · ${ROLE_LABELS[h.role][lang]} · ${h.event.type} · ${move}${rules}`;
  });
}
