import * as z from 'zod';
import { IsoDate } from '../model/person.js';
import type { LocalizedText } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { PathwayContext } from './context.js';
import { ENVELOPE_FORMAT, envelopeSchemaV2, SCHEMA_VERSION } from './envelope.js';
import type { PathwayEnvelope } from './envelope.js';
import { historyEntrySchema } from './history.js';
import type { MigrationRecord } from './history.js';
import { MACHINE_ID, MACHINE_VERSION } from './machine.js';
import { stateValue } from './states.js';
import { PathwayStateId } from './states.js';
import type { PathwayStateId as StateId } from './states.js';
import * as E from '../util/either.js';
import type { InvalidOptionsError } from '../model/errors.js';
import { invalidOptions } from '../model/errors.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
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
 * - format 2 / machine 2: the envelope in envelope.ts without `subject` and `revision`; the statechart
 *   nests the running states in `open` and the team phase in `open.followUp`, and `teamEstablished`
 *   is `planning`.
 * - format 3 / machine 2 (current, the first after release): the envelope names its subject (the
 *   host's reference to the person, which every event must match) and its revision (the number of
 *   accepted events, for compare-and-swap). Migrating to it needs the subject from the host.
 *
 * To change the machine: bump MACHINE_VERSION, add a migration from the previous version at the
 * end of MIGRATIONS, and add its test (test/pathway/migrations.test.ts).
 */

/** A format and machine version. */
export interface VersionPair {
  readonly schemaVersion: number;
  readonly machineVersion: number;
}

/** What a host tells the migrations that a stored envelope cannot: whose pathway it is. */
export interface MigrationContext {
  /** The host's reference to the person (see `StartOptions.subject`). */
  readonly subject?: string;
}

/** One migration step. */
export interface Migration {
  readonly id: string;
  readonly from: VersionPair;
  readonly to: VersionPair;
  readonly description: LocalizedText;
  /** The schema of what the step reads. */
  readonly input: z.ZodType;
  /** What the step needs from the host's {@link MigrationContext}. */
  readonly needs?: readonly (keyof MigrationContext)[];
  /** Pure: builds a new object and leaves its input alone. */
  migrate(input: unknown, context: MigrationContext): unknown;
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

/** The format-2 envelope of machine 1, between the first two steps. */
export const EnvelopeV2M1 = envelopeSchemaV2(V1StateId).extend({
  machine: z.strictObject({ id: z.literal(MACHINE_ID), version: z.literal(1) }),
  snapshot: z.strictObject({ value: V1StateId, status: z.enum(['active', 'done']), context: PathwayContext }),
});
type EnvelopeV2M1 = z.infer<typeof EnvelopeV2M1>;

/** The format-2 envelope of machine 2: the current machine, before envelopes named their subject and revision. */
export const EnvelopeV2 = envelopeSchemaV2(PathwayStateId).extend({
  machine: z.strictObject({ id: z.literal(MACHINE_ID), version: z.literal(2) }),
});
type EnvelopeV2 = z.infer<typeof EnvelopeV2>;

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
    const out: EnvelopeV2 = {
      ...e,
      machine: { id: MACHINE_ID, version: 2 },
      state,
      snapshot: { ...e.snapshot, value: stateValue(state) as PathwayEnvelope['snapshot']['value'] },
      history: e.history.map((h) =>
        h.from === null ? { ...h, to: V1_TO_V2[h.to] } : { ...h, from: V1_TO_V2[h.from], to: V1_TO_V2[h.to] },
      ) as EnvelopeV2['history'],
      migrations: [...e.migrations, record(machineOneToTwo)],
    };
    return out;
  },
};

/**
 * Format 2 → 3: the envelope is bound to the host's subject (given when migrating) and gets its
 * revision, which is the number of accepted events so far (every entry after the START).
 */
const formatTwoToThree: Migration = {
  id: 'format-2-to-3',
  from: { schemaVersion: 2, machineVersion: 2 },
  to: { schemaVersion: 3, machineVersion: 2 },
  description: {
    nb: 'Konvolutten får «subject» (vertens referanse til personen, gitt ved migreringen) og «revision» (antall godtatte hendelser).',
    nn: 'Konvolutten får «subject» (vertssystemet sin referanse til personen, gitt ved migreringa) og «revision» (talet på godtekne hendingar).',
    en: 'The envelope gets "subject" (the host\'s reference to the person, given when migrating) and "revision" (the number of accepted events).',
  },
  input: EnvelopeV2,
  needs: ['subject'],
  migrate(input, context) {
    const e = input as EnvelopeV2;
    const out: PathwayEnvelope = {
      format: e.format,
      schemaVersion: 3,
      machine: e.machine,
      subject: context.subject!,
      revision: e.history.length - 1,
      state: e.state,
      ruleSets: e.ruleSets,
      snapshot: e.snapshot,
      history: e.history,
      migrations: [...e.migrations, record(formatTwoToThree)],
    };
    return out;
  },
};

/** Every migration, in the order they run. */
export const MIGRATIONS: readonly Migration[] = [formatOneToTwo, machineOneToTwo, formatTwoToThree];

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
 * validate stops the chain with the issues, located in the stored JSON. A step that needs something
 * from the host the context does not have stops it with `InvalidOptions` naming that option.
 */
export function runMigrations(
  json: unknown,
  steps: readonly Migration[],
  lang: Lang,
  context: MigrationContext = {},
): E.Either<CorruptEnvelopeError | InvalidOptionsError, unknown> {
  const missing = [...new Set(steps.flatMap((m) => m.needs ?? []))].filter((k) => context[k] === undefined);
  if (missing.length > 0) return E.left(invalidOptions(missing.map((k) => makeIssue('missing', [k], lang))));
  let x = json;
  for (const m of steps) {
    const r = m.input.safeParse(x);
    if (!r.success) return E.left(corruptEnvelope(fromZodIssues(r.error.issues, lang)));
    x = m.migrate(r.data, context);
  }
  return E.right(x);
}
