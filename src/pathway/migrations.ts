import { z } from 'zod';
import { IsoDate } from '../model/person.js';
import type { LocalizedText } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { PathwayContext } from './context.js';
import { ENVELOPE_FORMAT, envelopeSchema, SCHEMA_VERSION } from './envelope.js';
import type { PathwayEnvelope } from './envelope.js';
import { historyEntrySchema } from './history.js';
import type { MigrationRecord } from './history.js';
import { MACHINE_ID, MACHINE_VERSION } from './machine.js';
import { stateValue } from './states.js';
import type { PathwayStateId as StateId } from './states.js';
import * as E from 'fp-ts/lib/Either.js';
import { fromZodIssues } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { CorruptEnvelopeError } from './errors.js';
import { corruptEnvelope } from './errors.js';

/*
 * Ordered migrations of stored pathways. A stored pathway stays on the version it was saved with
 * until a host migrates it; migrations are pure functions on the envelope's JSON, run in order, each
 * validating its input with the schema of the version it reads. They never change the input and
 * never drop history: every entry and every context field comes through, and the envelope records
 * which migrations ran.
 *
 * Versions so far (both from before the first release; kept so the mechanism is exercised and
 * tested from the start, and as the pattern for the next change):
 * - format 1 / machine 1: the envelope shape sketched in anchors §7 (`machineId`, `machineVersion`,
 *   `schemaVersion`, one `ruleSetVersions` map, `savedAt`) around a flat statechart in which the
 *   state after team establishment, while the plan was drafted, was called `teamEstablished`.
 * - format 2 / machine 2 (current): the envelope in envelope.ts; the statechart nests the running
 *   states in `open` and the team phase in `open.followUp`, and `teamEstablished` is `planning`.
 *
 * To change the machine: bump MACHINE_VERSION, add a migration from the previous version at the
 * end of MIGRATIONS, and add its test (test/pathway.migrations.test.ts).
 */

/** A format and machine version. */
export interface VersionPair {
  readonly schemaVersion: number;
  readonly machineVersion: number;
}

/** One migration step. */
export interface Migration {
  readonly id: string;
  readonly from: VersionPair;
  readonly to: VersionPair;
  readonly description: LocalizedText;
  /** The schema of what the step reads. */
  readonly input: z.ZodType;
  /** Pure: builds a new object and leaves its input alone. */
  migrate(input: unknown): unknown;
}

/** Leaf states of machine version 1 (flat). */
export const V1StateId = z.enum([
  'candidate',
  'checkedOut',
  'offer',
  'declined',
  'referral',
  'assessment',
  'teamDecision',
  'otherFollowUp',
  'teamEstablishment',
  'teamEstablished',
  'planActive',
  'evaluation',
  'closed',
]);
type V1StateId = z.infer<typeof V1StateId>;

/** How far along the pathway each machine-1 state is, on the same scale as STATE_RANK. */
export const V1_STATE_RANK: Readonly<Record<V1StateId, number>> = {
  candidate: 0,
  checkedOut: 1,
  offer: 1,
  declined: 2,
  referral: 2,
  assessment: 3,
  teamDecision: 4,
  otherFollowUp: 5,
  teamEstablishment: 5,
  teamEstablished: 6,
  planActive: 7,
  evaluation: 8,
  closed: 9,
};

/** The format-1 envelope. */
export const EnvelopeV1 = z.strictObject({
  machineId: z.literal(MACHINE_ID),
  machineVersion: z.literal(1),
  schemaVersion: z.literal(1),
  ruleSetVersions: z.record(z.string().min(1).max(64), z.string().min(1).max(64)),
  savedAt: IsoDate.optional(),
  snapshot: z.strictObject({ value: V1StateId, status: z.enum(['active', 'done']), context: PathwayContext }),
  history: z.array(historyEntrySchema(V1StateId)).min(1).max(LIMITS.pathwayHistory),
});
type EnvelopeV1 = z.infer<typeof EnvelopeV1>;

/** The format-2 envelope of machine 1, between the two steps. */
export const EnvelopeV2M1 = envelopeSchema(V1StateId).extend({
  machine: z.strictObject({ id: z.literal(MACHINE_ID), version: z.literal(1) }),
  snapshot: z.strictObject({ value: V1StateId, status: z.enum(['active', 'done']), context: PathwayContext }),
});
type EnvelopeV2M1 = z.infer<typeof EnvelopeV2M1>;

const record = (m: Pick<Migration, 'id' | 'from' | 'to'>): MigrationRecord => ({
  id: m.id,
  from: { schemaVersion: m.from.schemaVersion, machineVersion: m.from.machineVersion },
  to: { schemaVersion: m.to.schemaVersion, machineVersion: m.to.machineVersion },
});

/** Format 1 → 2: the machine and rule sets get their own objects; `savedAt` (never read) goes. */
const formatOneToTwo: Migration = {
  id: 'format-1-to-2',
  from: { schemaVersion: 1, machineVersion: 1 },
  to: { schemaVersion: 2, machineVersion: 1 },
  description: {
    nb: 'Konvolutten får objektene «machine» og «ruleSets»; «savedAt» fjernes.',
    nn: 'Konvolutten får objekta «machine» og «ruleSets»; «savedAt» blir fjerna.',
    en: 'The envelope gets "machine" and "ruleSets" objects; "savedAt" is dropped.',
  },
  input: EnvelopeV1,
  migrate(input) {
    const v1 = input as EnvelopeV1;
    const out: EnvelopeV2M1 = {
      format: ENVELOPE_FORMAT,
      schemaVersion: 2,
      machine: { id: MACHINE_ID, version: 1 },
      state: v1.snapshot.value,
      ruleSets: Object.entries(v1.ruleSetVersions)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, version]) => ({ id, version })),
      snapshot: v1.snapshot,
      history: v1.history,
      migrations: [record(formatOneToTwo)],
    };
    return out;
  },
};

const V1_TO_V2: Readonly<Record<V1StateId, StateId>> = {
  candidate: 'candidate',
  checkedOut: 'checkedOut',
  offer: 'offer',
  declined: 'declined',
  referral: 'referral',
  assessment: 'assessment',
  teamDecision: 'teamDecision',
  otherFollowUp: 'otherFollowUp',
  teamEstablishment: 'teamEstablishment',
  // After ESTABLISH_TEAM, while the plan is drafted: the same step, now named for what happens in it.
  teamEstablished: 'planning',
  planActive: 'planActive',
  evaluation: 'evaluation',
  closed: 'closed',
};

/** Machine 1 → 2: flat state names become nested state values; `teamEstablished` becomes `planning`. */
const machineOneToTwo: Migration = {
  id: 'machine-1-to-2',
  from: { schemaVersion: 2, machineVersion: 1 },
  to: { schemaVersion: 2, machineVersion: 2 },
  description: {
    nb: 'Tilstandene samles i «open» og «open.followUp»; «teamEstablished» heter nå «planning».',
    nn: 'Tilstandane blir samla i «open» og «open.followUp»; «teamEstablished» heiter no «planning».',
    en: 'States are nested in "open" and "open.followUp"; "teamEstablished" is now "planning".',
  },
  input: EnvelopeV2M1,
  migrate(input) {
    const e = input as EnvelopeV2M1;
    const state = V1_TO_V2[e.state];
    const out: PathwayEnvelope = {
      ...e,
      machine: { id: MACHINE_ID, version: 2 },
      state,
      snapshot: { ...e.snapshot, value: stateValue(state) as PathwayEnvelope['snapshot']['value'] },
      history: e.history.map((h) => (h.from === null ? { ...h, to: V1_TO_V2[h.to] } : { ...h, from: V1_TO_V2[h.from], to: V1_TO_V2[h.to] })) as PathwayEnvelope['history'],
      migrations: [...e.migrations, record(machineOneToTwo)],
    };
    return out;
  },
};

/** Every migration, in the order they run. */
export const MIGRATIONS: readonly Migration[] = [formatOneToTwo, machineOneToTwo];

/** The version a stored pathway is at now. */
export const CURRENT_VERSION: VersionPair = { schemaVersion: SCHEMA_VERSION, machineVersion: MACHINE_VERSION };

/** Reads the version pair of a stored pathway, without validating the rest. */
export function detectVersion(json: unknown): { machineId: unknown; schemaVersion: unknown; machineVersion: unknown } {
  const o = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  if (o['format'] === ENVELOPE_FORMAT) {
    const m = (o['machine'] !== null && typeof o['machine'] === 'object' ? o['machine'] : {}) as Record<string, unknown>;
    return { machineId: m['id'], schemaVersion: o['schemaVersion'], machineVersion: m['version'] };
  }
  return { machineId: o['machineId'], schemaVersion: o['schemaVersion'], machineVersion: o['machineVersion'] };
}

/** The migrations from a version to the current one, or undefined when there is no such chain. */
export function migrationPath(from: VersionPair): Migration[] | undefined {
  const steps: Migration[] = [];
  let at = from;
  while (at.schemaVersion !== CURRENT_VERSION.schemaVersion || at.machineVersion !== CURRENT_VERSION.machineVersion) {
    const next = MIGRATIONS.find((m) => m.from.schemaVersion === at.schemaVersion && m.from.machineVersion === at.machineVersion);
    if (!next) return undefined;
    steps.push(next);
    at = next.to;
  }
  return steps;
}

/**
 * Runs migration steps in order. Each step's input is validated first; a step whose input does not
 * validate stops the chain with the issues, located in the stored JSON.
 */
export function runMigrations(json: unknown, steps: readonly Migration[], lang: Lang): E.Either<CorruptEnvelopeError, unknown> {
  let x = json;
  for (const m of steps) {
    const r = m.input.safeParse(x);
    if (!r.success) return E.left(corruptEnvelope(fromZodIssues(r.error.issues, lang)));
    x = m.migrate(r.data);
  }
  return E.right(x);
}
