import * as E from '../util/either.js';
import { initialTransition, transition } from 'xstate';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang, LocalizedText } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import { canonicalJson } from '../util/sha256.js';
import { initialContext, resolveConfig } from './context.js';
import type { Pathway } from './envelope.js';
import type { CorruptEnvelopeError, ReplayMismatchError } from './errors.js';
import { replayMismatch } from './errors.js';
import { checkedPathway } from './argument.js';
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

const step = (h: HistoryEntry): ReplayStep => ({
  seq: h.seq,
  at: h.at,
  role: h.role,
  event: h.event.type,
  from: h.from,
  to: h.to,
  decisions: h.decisions,
});

/** What running a history through the machine gave. */
type Replayed =
  | { readonly kind: 'ok'; readonly steps: ReplayStep[] }
  | { readonly kind: 'entry'; readonly seq: number; readonly expected: PathwayStateId; readonly actual: PathwayStateId | 'rejected' }
  | { readonly kind: 'context'; readonly context: unknown };

function runHistory(pathway: Pathway): Replayed {
  const [first, ...rest] = pathway.history;
  if (!first || first.event.type !== 'START') return { kind: 'entry', seq: 0, expected: 'candidate', actual: 'rejected' };
  const start = first.event;
  const ctx = initialContext(
    { channel: start.channel, date: first.at, ...(start.reason ? { reason: start.reason } : {}) },
    resolveConfig(start.config),
  );
  let [snap] = initialTransition(pathwayMachine, ctx);
  if (leafOf(snap.value) !== first.to) return { kind: 'entry', seq: 0, expected: first.to, actual: leafOf(snap.value)! };
  const steps: ReplayStep[] = [step(first)];
  for (const h of rest) {
    if (h.event.type === 'START') return { kind: 'entry', seq: h.seq, expected: h.to, actual: 'rejected' };
    const ev = { ...h.event, meta: { asOf: h.at, role: h.role, env: replayEnv(h.decisions) } } as MachineEvent;
    const [next] = transition(pathwayMachine, snap, ev);
    if (next === snap) return { kind: 'entry', seq: h.seq, expected: h.to, actual: 'rejected' };
    const leaf = leafOf(next.value)!;
    if (leaf !== h.to) return { kind: 'entry', seq: h.seq, expected: h.to, actual: leaf };
    snap = next;
    steps.push(step(h));
  }
  const context: unknown = JSON.parse(JSON.stringify(snap.context));
  if (canonicalJson(context) !== canonicalJson(pathway.snapshot.context)) return { kind: 'context', context };
  return { kind: 'ok', steps };
}

/**
 * Replays a pathway's history. Right: the steps; Left: where replay and the stored pathway part, or
 * (`CorruptEnvelope`) what is wrong with a value that is not a pathway.
 */
export function replayPathway(pathway: Pathway): E.Either<ReplayMismatchError | CorruptEnvelopeError, ReplayStep[]> {
  // Checked like a stored envelope: replay reads every history entry.
  const checked = checkedPathway(pathway, 'nb');
  if (E.isLeft(checked)) return checked;
  const r = runHistory(checked.right);
  if (r.kind === 'entry') return E.left(replayMismatch(r.seq, r.expected, r.actual));
  if (r.kind === 'context') return E.left(replayMismatch(pathway.history.length - 1, 'context', 'context'));
  return E.right(r.steps);
}

/**
 * Checks a stored pathway against the machine: every history entry must be a step the machine takes
 * from the state before it (with the decisions recorded in the entry), and the stored context must
 * be the context those steps give. Returns the first place they part (`not_a_transition` at the
 * entry, `context_mismatch` at the first context field that differs), or no issues. An envelope
 * edited from `referral` to `planActive`, or with `wantsTeam` changed behind the history's back,
 * does not restore.
 *
 * @internal
 */
export function historyIssues(pathway: Pathway, lang: Lang): ValidationIssue[] {
  const r = runHistory(pathway);
  if (r.kind === 'entry') return [makeIssue('not_a_transition', ['history', r.seq], lang)];
  if (r.kind === 'context')
    return [makeIssue('context_mismatch', ['snapshot', 'context', ...firstDifference(r.context, pathway.snapshot.context)], lang)];
  return [];
}

/** The path of the first place two JSON values differ (keys of `a` in order, then keys only `b` has). */
function firstDifference(a: unknown, b: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  for (;;) {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || Array.isArray(a) !== Array.isArray(b)) return path;
    let next: string | number | undefined;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return path;
      const bs: unknown[] = b;
      next = a.findIndex((x, i) => canonicalJson(x) !== canonicalJson(bs[i]));
    } else {
      const ao = a as Record<string, unknown>;
      const bo = b as Record<string, unknown>;
      next = [...Object.keys(ao), ...Object.keys(bo)].find(
        (k) => !Object.hasOwn(ao, k) || !Object.hasOwn(bo, k) || canonicalJson(ao[k]) !== canonicalJson(bo[k]),
      );
    }
    if (next === undefined || next === -1) return path;
    path.push(next);
    a = (a as Record<string | number, unknown>)[next];
    b = (b as Record<string | number, unknown>)[next];
  }
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
 * For a timeline in the host's user interface. A value that is not a pathway is `CorruptEnvelope`.
 */
export function describeHistory(pathway: Pathway, lang: Lang = 'nb'): E.Either<CorruptEnvelopeError, string[]> {
  const l = resolveLang(lang);
  const checked = checkedPathway(pathway, l);
  return E.map(describeChecked(l))(checked);
}

function describeChecked(lang: Lang) {
  return (pathway: Pathway): string[] =>
    pathway.history.map((h) => {
      const move =
        h.from === null
          ? STATE_LABELS[h.to][lang]
          : h.from === h.to
            ? STATE_LABELS[h.to][lang]
            : `${STATE_LABELS[h.from][lang]} → ${STATE_LABELS[h.to][lang]}`;
      const rules = h.decisions.length > 0 ? ` [${h.decisions.map((d) => checkText(d, lang)).join(', ')}]` : '';
      return `${h.at} · ${ROLE_LABELS[h.role][lang]} · ${h.event.type} · ${move}${rules}`;
    });
}
