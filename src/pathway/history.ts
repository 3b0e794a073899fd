import * as z from 'zod';
import { IsoDate } from '../model/person.js';
import { LocalizedText } from '../model/lang.js';
import { CompleteAssessmentEvent, PathwayEvent, PathwayRole, StartInput, StoredCompleteAssessmentEvent } from './events.js';
import { PathwayStateId } from './states.js';

/*
 * The pathway's history: an append-only log with one entry per accepted event (rejected events change
 * nothing and are not logged). Each entry says who sent what, when, which state it moved the
 * pathway from and to, and the rule decisions it rested on, with the rule-set version that made them.
 * The "why" stored here is written from a redacted trace (no fact values): the log is kept for
 * years and travels with the envelope, so it keeps what is needed to audit, not the health data.
 */

/** The rule set a decision came from. `contentHash` is absent only in entries migrated from format 1. */
export const RuleSetRef = z.strictObject({
  id: z.string().min(1).max(64),
  version: z.string().min(1).max(64),
  contentHash: z.string().min(1).max(128).optional(),
});
/** A rule-set reference. */
export type RuleSetRef = z.infer<typeof RuleSetRef>;

/** One rule a guard evaluated: what was expected, what came out, and why. */
export const CheckRecord = z.strictObject({
  ruleSet: RuleSetRef,
  ruleId: z.string().min(1).max(128),
  /** `fires` for criteria that must be met, `does-not-fire` for problems that must be absent. */
  expected: z.enum(['fires', 'does-not-fire']),
  outcome: z.union([z.boolean(), z.literal('unknown')]),
  passed: z.boolean(),
  title: LocalizedText,
  why: LocalizedText,
});
/** A rule check. */
export type CheckRecord = z.infer<typeof CheckRecord>;

/** The event of the first entry: how the person was flagged. */
export const StartEvent = StartInput.extend({ type: z.literal('START') });

/**
 * The history-entry schema for a machine whose states are `stateId`. The current machine's is
 * {@link HistoryEntry}; migrations use older ones to read what older versions stored. The first
 * entry has `seq` 0, the START event and `from: null` (checked with the rest of the envelope).
 */
export function historyEntrySchema<S extends z.ZodType<string>>(stateId: S) {
  return z.strictObject({
    seq: z.number().int().min(0),
    at: IsoDate,
    role: PathwayRole,
    event: z.discriminatedUnion('type', [
      StartEvent,
      StoredCompleteAssessmentEvent,
      ...PathwayEvent.options.filter((o) => o !== CompleteAssessmentEvent),
    ]),
    from: stateId.nullable(),
    to: stateId,
    decisions: z.array(CheckRecord).max(64),
  });
}

/** One history entry: the start, or an accepted event. */
export const HistoryEntry = historyEntrySchema(PathwayStateId);
/** A history entry. */
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A migration applied to a stored pathway, so the history shows that its format changed and how. */
export const MigrationRecord = z.strictObject({
  id: z.string().min(1).max(128),
  from: z.strictObject({ schemaVersion: z.number().int(), machineVersion: z.number().int() }),
  to: z.strictObject({ schemaVersion: z.number().int(), machineVersion: z.number().int() }),
});
/** A migration record. */
export type MigrationRecord = z.infer<typeof MigrationRecord>;
