import * as z from 'zod';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { toDayNumber } from '../util/dates.js';
import { PathwayContext } from './context.js';
import { historyEntrySchema, MigrationRecord, RuleSetRef } from './history.js';
import { MACHINE_ID, MACHINE_VERSION } from './machine.js';
import { leafOf, PathwayStateId } from './states.js';
import { SubjectRef } from './subject.js';

/*
 * The persisted envelope (anchors §7): our own wrapper around the machine's state, so the stored
 * format is a public API we control rather than XState's internal snapshot format. It names the
 * machine and its version, the rule sets the decisions rested on, and the envelope format version.
 * The snapshot holds only the state value, the status and the context; restore rebuilds the XState
 * snapshot from them, so an XState upgrade cannot change what is stored.
 *
 * A pathway in memory is the same plain data: `persistPathway` returns a copy.
 */

/** The envelope's `format` marker. */
export const ENVELOPE_FORMAT = 'oppfolgingsteam/pathway';
/** The current envelope format version (3: the envelope has a `revision` and a `subject`). */
export const SCHEMA_VERSION = 3;

/** The stored machine state. */
export const PathwaySnapshot = z.strictObject({
  /** XState's state value, e.g. `{ "open": { "followUp": "planActive" } }`. */
  value: z.union([z.string().min(1).max(64), z.record(z.string(), z.json())]),
  status: z.enum(['active', 'done']),
  context: PathwayContext,
});
/** A stored machine state. */
export type PathwaySnapshot = z.infer<typeof PathwaySnapshot>;

/**
 * The envelope in format 2 for a machine whose leaf states are `stateId` (the current machine's, or
 * an older one's while it is being migrated): what the migrations read.
 */
export function envelopeSchemaV2<S extends z.ZodType<string>>(stateId: S) {
  return z.strictObject({
    format: z.literal(ENVELOPE_FORMAT),
    schemaVersion: z.literal(2),
    machine: z.strictObject({ id: z.literal(MACHINE_ID), version: z.number().int().min(1) }),
    /** The leaf state, for hosts that only want to know where the person is. */
    state: stateId,
    /** The latest version of each rule set that a decision in this pathway rested on. */
    ruleSets: z.array(RuleSetRef).max(64),
    snapshot: PathwaySnapshot,
    history: z.array(historyEntrySchema(stateId)).min(1).max(LIMITS.pathwayHistory),
    /** Migrations applied to this pathway, oldest first. */
    migrations: z.array(MigrationRecord).max(64),
  });
}

/**
 * The envelope in the current format (3) for a machine whose leaf states are `stateId`: format 2 with
 * the pathway's `revision` (the number of accepted events, which every accepted event increments, so
 * that a host can store it with compare-and-swap) and its `subject` (the host's reference to the
 * person, which every event must name).
 */
export function envelopeSchema<S extends z.ZodType<string>>(stateId: S) {
  return envelopeSchemaV2(stateId).extend({
    schemaVersion: z.literal(SCHEMA_VERSION),
    subject: SubjectRef,
    revision: z.number().int().min(0).max(LIMITS.pathwayHistory),
  });
}

/** The envelope in the current format with the current machine's states. */
export const EnvelopeShape = envelopeSchema(PathwayStateId);

/** The envelope of the current machine version: what `persistPathway` returns and `restorePathway` accepts. */
export const PathwayEnvelope = EnvelopeShape.extend({
  machine: z.strictObject({ id: z.literal(MACHINE_ID), version: z.literal(MACHINE_VERSION) }),
});
/** A persisted pathway. */
export type PathwayEnvelope = z.infer<typeof PathwayEnvelope>;

/** A pathway: plain, immutable data, the same shape as its envelope. */
export type Pathway = Readonly<PathwayEnvelope>;

/**
 * Checks what zod cannot: that the stored state, status and history agree with each other. A
 * history that does not lead to the stored state means the envelope was edited or truncated.
 */
export function consistencyIssues(env: z.infer<typeof EnvelopeShape>, lang: Lang): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const leaf = leafOf(env.snapshot.value);
  if (leaf !== env.state) issues.push(makeIssue('invalid_value', ['snapshot', 'value'], lang, { allowed: [env.state] }));
  if ((env.state === 'closed') !== (env.snapshot.status === 'done'))
    issues.push(makeIssue('invalid_value', ['snapshot', 'status'], lang, { allowed: [env.state === 'closed' ? 'done' : 'active'] }));
  let prevTo: string | null = null;
  let prevDay = -Infinity;
  env.history.forEach((h, i) => {
    if (h.seq !== i) issues.push(makeIssue('invalid_value', ['history', i, 'seq'], lang, { allowed: [String(i)] }));
    if (h.from !== prevTo) issues.push(makeIssue('invalid_value', ['history', i, 'from'], lang, { allowed: [String(prevTo)] }));
    if ((i === 0) !== (h.event.type === 'START'))
      issues.push(makeIssue('invalid_value', ['history', i, 'event', 'type'], lang, { allowed: [i === 0 ? 'START' : 'an event'] }));
    const day = toDayNumber(h.at) ?? -Infinity;
    if (day < prevDay) issues.push(makeIssue('date_order', ['history', i, 'at'], lang));
    prevTo = h.to;
    prevDay = day;
  });
  if (prevTo !== env.state)
    issues.push(makeIssue('invalid_value', ['history', env.history.length - 1, 'to'], lang, { allowed: [env.state] }));
  if (env.revision !== env.history.length - 1)
    issues.push(makeIssue('invalid_value', ['revision'], lang, { allowed: [String(env.history.length - 1)] }));
  return issues;
}
