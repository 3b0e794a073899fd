/**
 * `oppfolgingsteam/pathway`: the care pathway as a persisted XState v5 machine. A separate entry
 * point so that hosts who only evaluate rules need not install xstate (an optional peer dependency).
 *
 * Left out: the state ranks of the first envelope format, which only the migrations read.
 *
 * @packageDocumentation
 */
export { startPathway, sendEvent, persistPathway, restorePathway, migrateEnvelope, allowedEvents } from './api.js';
export type { StartOptions, SendOptions, RestoreOptions } from './api.js';
export { whatIsDue, nextCheckpoint } from './due.js';
export type { DueItem, DueKind } from './due.js';
export { replayPathway, describeHistory, checkText, ROLE_LABELS } from './replay.js';
export type { ReplayStep } from './replay.js';
export { pathwayDiagram } from './diagram.js';
export { pathwayMachine, MACHINE_ID, MACHINE_VERSION } from './machine.js';
export type { PathwayMachine, MachineEvent, EventMeta } from './machine.js';
export { PathwayEnvelope, PathwaySnapshot, ENVELOPE_FORMAT, SCHEMA_VERSION } from './envelope.js';
export type { Pathway } from './envelope.js';
export { MIGRATIONS, EnvelopeV1 } from './migrations.js';
export type { Migration, VersionPair } from './migrations.js';
export { PathwayEvent, PathwayRole, StartInput, PlanInput, PATHWAY_EVENT_TYPES } from './events.js';
export type { PathwayEventInput, PathwayEventType, StartPathwayInput } from './events.js';
export {
  PathwayContext,
  PathwayConfig,
  PathwayConfigInput,
  DEFAULT_PATHWAY_CONFIG,
  FlagChannel,
  NewTrigger,
  CloseReason,
  TransitionKind,
} from './context.js';
export { PathwayStateId, STATE_LABELS, STATE_RANK, TEAM_PHASE } from './states.js';
export { HistoryEntry, CheckRecord, RuleSetRef, MigrationRecord } from './history.js';
export { RULE_CHECKS, PATHWAY_RULE_SET_IDS } from './guards.js';
export type { RuleCheck, RuleCheckName, GuardEnv, PathwayRefusal } from './guards.js';
export { pathwayFacts, EXPLICIT_CONSENT_SERVICES } from './facts.js';
export { pathwayPerson } from './person.js';
export type {
  PathwayRejection,
  RejectionReason,
  RuleNotMet,
  PathwayRefusalReason,
  ConfirmationNeeded,
  EventNotAllowedError,
  InvalidEventError,
  RuleSetUnavailableError,
  SendEventError,
  StaleRevisionError,
  WrongSubjectError,
  CorruptEnvelopeError,
  UnknownEnvelopeVersionError,
  NeedsMigrationError,
  RestoreError,
  ReplayMismatchError,
} from './errors.js';
