import type { Truth } from '../engine/logic.js';
import type { EvaluationError, InvalidOptionsError } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import type { LocalizedText } from '../model/lang.js';
import type { PathwayEventType } from './events.js';
import type { PathwayRefusal } from './guards.js';
import { refusalText } from './guards.js';
import type { RuleSetRef } from './history.js';
import type { PathwayStateId } from './states.js';
import { STATE_LABELS } from './states.js';

/*
 * What the pathway API returns on the left of an Either. A rejected event is never a silent no-op:
 * it says which criteria were not met and why. Messages are in all three languages, name states,
 * events, rule ids and dates, and never repeat a value from the person's record.
 */

/** A rule that did not have the outcome a guard needs. */
export interface RuleNotMet {
  readonly kind: 'rule';
  readonly ruleSet: RuleSetRef;
  readonly ruleId: string;
  readonly expected: 'fires' | 'does-not-fire';
  /** `'unknown'` means data is missing: the "why" names it. */
  readonly outcome: Truth;
  /** The rule's title. */
  readonly title: LocalizedText;
  /** The same "why" as the rule's prompt (`explainRule`), in nb, nn and en. */
  readonly why: LocalizedText;
}

/** A refusal by the pathway itself (re-flag period, closure without evaluation). */
export type PathwayRefusalReason = PathwayRefusal & { readonly why: LocalizedText };

/**
 * A rule came out unknown for want of a confirmation only the assessor can give, and the pathway's
 * events carry it: the reason names the event and its field (and the person-record field a host
 * can send instead), so a host need not guess. Given along with the rule it concerns.
 */
export interface ConfirmationNeeded {
  readonly kind: 'confirmation-needed';
  /** The fact that was missing. */
  readonly fact: 'targetGroupConfirmed';
  /** The event and the field that give it. */
  readonly event: 'COMPLETE_ASSESSMENT';
  readonly field: 'targetGroupConfirmed';
  /** The same confirmation in the host's person record, sent as `options.person`. */
  readonly personField: 'assessment.targetGroupConfirmed';
  readonly why: LocalizedText;
}

/** Why an event was rejected. */
export type RejectionReason = RuleNotMet | PathwayRefusalReason | ConfirmationNeeded;

/** Builds the {@link ConfirmationNeeded} reason for the assessor's target-group judgement. */
export function targetGroupConfirmationNeeded(): ConfirmationNeeded {
  return {
    kind: 'confirmation-needed',
    fact: 'targetGroupConfirmed',
    event: 'COMPLETE_ASSESSMENT',
    field: 'targetGroupConfirmed',
    personField: 'assessment.targetGroupConfirmed',
    why: {
      nb: 'Kartleggerens vurdering av om personen er i målgruppen (store og sammensatte behov) er ikke registrert. Send den som `targetGroupConfirmed: true` (eller `false`) i COMPLETE_ASSESSMENT, eller som `assessment.targetGroupConfirmed` i personopplysningene (`person`).',
      nn: 'Kartleggjaren si vurdering av om personen er i målgruppa (store og samansette behov) er ikkje registrert. Send ho som `targetGroupConfirmed: true` (eller `false`) i COMPLETE_ASSESSMENT, eller som `assessment.targetGroupConfirmed` i personopplysningane (`person`).',
      en: "The assessor's judgement of whether the person is in the target group (major and complex needs) is not recorded. Send it as `targetGroupConfirmed: true` (or `false`) in COMPLETE_ASSESSMENT, or as `assessment.targetGroupConfirmed` in the person record (`person`).",
    },
  };
}

/** The event is allowed in this state, but a guard said no. Nothing changed. */
export interface PathwayRejection {
  readonly _tag: 'Rejected';
  readonly state: PathwayStateId;
  readonly event: PathwayEventType;
  /** The rule ids not met, for quick checks. */
  readonly ruleIds: readonly string[];
  readonly reasons: readonly RejectionReason[];
  readonly message: LocalizedText;
}

/** The event has no transition in the current state. Nothing changed. */
export interface EventNotAllowedError {
  readonly _tag: 'EventNotAllowed';
  readonly state: PathwayStateId;
  readonly event: PathwayEventType;
  /** Events the current state accepts. */
  readonly allowed: readonly PathwayEventType[];
  readonly message: LocalizedText;
}

/** The event or start input did not validate. */
export interface InvalidEventError {
  readonly _tag: 'InvalidEvent';
  readonly issues: readonly ValidationIssue[];
}

/** A rule set (or a rule in it) the guards need was neither passed in nor bundled. */
export interface RuleSetUnavailableError {
  readonly _tag: 'RuleSetUnavailable';
  readonly ruleSetId: string;
  readonly ruleId?: string;
  readonly message: LocalizedText;
}

/**
 * The host read the pathway at another revision than the one it sent the event to: another writer
 * has moved it on since. Nothing changed; read the pathway again and decide anew.
 */
export interface StaleRevisionError {
  readonly _tag: 'StaleRevision';
  /** The revision the host read (`options.revision`). */
  readonly expected: number;
  /** The pathway's revision. */
  readonly actual: number;
  readonly message: LocalizedText;
}

/**
 * The event (or the restore) names another person than the pathway is about: its `subject`, or the
 * `id` of the person record it carries, is not the pathway's subject. Nothing changed. The message
 * names neither reference.
 */
export interface WrongSubjectError {
  readonly _tag: 'WrongSubject';
  /** Which option named another person: `subject` or `person.id`. */
  readonly field: 'subject' | 'person.id';
  readonly message: LocalizedText;
}

/** Anything `sendEvent` returns on the left. */
export type SendEventError =
  | PathwayRejection
  | EventNotAllowedError
  | InvalidEventError
  | RuleSetUnavailableError
  | StaleRevisionError
  | WrongSubjectError
  | CorruptEnvelopeError
  | EvaluationError;

/** The stored envelope does not validate; the input is untouched. */
export interface CorruptEnvelopeError {
  readonly _tag: 'CorruptEnvelope';
  readonly issues: readonly ValidationIssue[];
  readonly message: LocalizedText;
}

/** The envelope is of a machine or a version this library does not know; the input is untouched. */
export interface UnknownEnvelopeVersionError {
  readonly _tag: 'UnknownEnvelopeVersion';
  readonly found: { readonly machineId?: unknown; readonly schemaVersion?: unknown; readonly machineVersion?: unknown };
  readonly supported: { readonly machineId: string; readonly schemaVersion: number; readonly machineVersion: number };
  readonly message: LocalizedText;
}

/** The envelope is of an older version; restore it with `{ migrate: true }` or migrate it first. */
export interface NeedsMigrationError {
  readonly _tag: 'NeedsMigration';
  readonly from: { readonly schemaVersion: number; readonly machineVersion: number };
  readonly to: { readonly schemaVersion: number; readonly machineVersion: number };
  /** The migrations that would run, in order. */
  readonly migrations: readonly string[];
  readonly message: LocalizedText;
}

/** Anything `restorePathway` returns on the left. */
export type RestoreError =
  | CorruptEnvelopeError
  | UnknownEnvelopeVersionError
  | NeedsMigrationError
  | WrongSubjectError
  | InvalidOptionsError;

/** Replaying the history did not reproduce the pathway. */
export interface ReplayMismatchError {
  readonly _tag: 'ReplayMismatch';
  /** The history entry where replay went another way. */
  readonly seq: number;
  readonly expected: PathwayStateId | 'context';
  readonly actual: PathwayStateId | 'context' | 'rejected';
  readonly message: LocalizedText;
}

const list = (xs: readonly string[]) => xs.join(', ');

/** Builds a rejection from its reasons. */
export function rejection(state: PathwayStateId, event: PathwayEventType, reasons: readonly RejectionReason[]): PathwayRejection {
  const ruleIds = reasons.flatMap((r) => (r.kind === 'rule' ? [r.ruleId] : []));
  const s = STATE_LABELS[state];
  const head: LocalizedText = {
    nb: `${event} ble avvist i tilstanden «${s.nb}»`,
    nn: `${event} vart avvist i tilstanden «${s.nn}»`,
    en: `${event} was rejected in the state "${s.en}"`,
  };
  const tail: LocalizedText =
    ruleIds.length > 0
      ? {
          nb: `: vilkår ikke oppfylt (${list(ruleIds)}).`,
          nn: `: vilkår ikkje oppfylte (${list(ruleIds)}).`,
          en: `: criteria not met (${list(ruleIds)}).`,
        }
      : { nb: '.', nn: '.', en: '.' };
  const hint = reasons.find((r) => r.kind === 'confirmation-needed');
  const more = (l: keyof LocalizedText) => (hint ? ` ${hint.why[l]}` : '');
  return {
    _tag: 'Rejected',
    state,
    event,
    ruleIds,
    reasons,
    message: { nb: head.nb + tail.nb + more('nb'), nn: head.nn + tail.nn + more('nn'), en: head.en + tail.en + more('en') },
  };
}

/** A pathway refusal with its text. */
export function refusalReason(r: PathwayRefusal): PathwayRefusalReason {
  return { ...r, why: refusalText(r) };
}

/** Builds an {@link EventNotAllowedError}. */
export function eventNotAllowed(
  state: PathwayStateId,
  event: PathwayEventType,
  allowed: readonly PathwayEventType[],
): EventNotAllowedError {
  const s = STATE_LABELS[state];
  return {
    _tag: 'EventNotAllowed',
    state,
    event,
    allowed,
    message: {
      nb: `${event} er ikke mulig i tilstanden «${s.nb}». Mulige hendelser: ${list(allowed) || 'ingen'}.`,
      nn: `${event} er ikkje mogleg i tilstanden «${s.nn}». Moglege hendingar: ${list(allowed) || 'ingen'}.`,
      en: `${event} is not possible in the state "${s.en}". Possible events: ${list(allowed) || 'none'}.`,
    },
  };
}

/** Builds an {@link InvalidEventError}. */
export function invalidEvent(issues: readonly ValidationIssue[]): InvalidEventError {
  return { _tag: 'InvalidEvent', issues };
}

/** Builds a {@link RuleSetUnavailableError}. */
export function ruleSetUnavailable(ruleSetId: string, ruleId?: string): RuleSetUnavailableError {
  const what = ruleId === undefined ? ruleSetId : `${ruleSetId}/${ruleId}`;
  const base = {
    nb: `Regelen eller regelsettet «${what}» som forløpet trenger, er verken sendt inn eller levert med biblioteket.`,
    nn: `Regelen eller regelsettet «${what}» som forløpet treng, er korkje sendt inn eller levert med biblioteket.`,
    en: `The rule or rule set "${what}" the pathway needs was neither passed in nor bundled with the library.`,
  };
  return ruleId === undefined
    ? { _tag: 'RuleSetUnavailable', ruleSetId, message: base }
    : { _tag: 'RuleSetUnavailable', ruleSetId, ruleId, message: base };
}

/** Builds a {@link CorruptEnvelopeError}. */
export function corruptEnvelope(issues: readonly ValidationIssue[]): CorruptEnvelopeError {
  return {
    _tag: 'CorruptEnvelope',
    issues,
    message: {
      nb: `Det lagrede forløpet er skadet (${issues.length} feil). Ingenting er endret; ta vare på originalen.`,
      nn: `Det lagra forløpet er skadd (${issues.length} feil). Ingenting er endra; ta vare på originalen.`,
      en: `The stored pathway is corrupted (${issues.length} issues). Nothing was changed; keep the original.`,
    },
  };
}

/**
 * A version field as the message shows it: a short string or a finite number, else '?'. The fields
 * come from a stored envelope that may be hand-edited: an object there (whose `toString` may not
 * be callable) must neither throw nor be echoed into the message.
 */
function shown(v: unknown): string {
  if (typeof v === 'string' && v.length <= 64) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '?';
}

/** Builds an {@link UnknownEnvelopeVersionError}. */
export function unknownVersion(
  found: UnknownEnvelopeVersionError['found'],
  supported: UnknownEnvelopeVersionError['supported'],
): UnknownEnvelopeVersionError {
  const f = `${shown(found.machineId)} v${shown(found.machineVersion)} (format ${shown(found.schemaVersion)})`;
  const s = `${supported.machineId} v${supported.machineVersion} (format ${supported.schemaVersion})`;
  return {
    _tag: 'UnknownEnvelopeVersion',
    found,
    supported,
    message: {
      nb: `Forløpet er lagret som ${f}, som dette biblioteket ikke kjenner (det kjenner ${s} og eldre). Ingenting er endret; bruk en nyere versjon av biblioteket.`,
      nn: `Forløpet er lagra som ${f}, som dette biblioteket ikkje kjenner (det kjenner ${s} og eldre). Ingenting er endra; bruk ein nyare versjon av biblioteket.`,
      en: `The pathway is stored as ${f}, which this library does not know (it knows ${s} and older). Nothing was changed; use a newer version of the library.`,
    },
  };
}

/** Builds a {@link NeedsMigrationError}. */
export function needsMigration(
  from: NeedsMigrationError['from'],
  to: NeedsMigrationError['to'],
  migrations: readonly string[],
): NeedsMigrationError {
  const f = `v${from.machineVersion} (format ${from.schemaVersion})`;
  const t = `v${to.machineVersion} (format ${to.schemaVersion})`;
  return {
    _tag: 'NeedsMigration',
    from,
    to,
    migrations,
    message: {
      nb: `Forløpet er lagret som ${f} og blir værende der til det migreres til ${t}. Gjenopprett med { migrate: true }.`,
      nn: `Forløpet er lagra som ${f} og blir verande der til det blir migrert til ${t}. Gjenopprett med { migrate: true }.`,
      en: `The pathway is stored as ${f} and stays there until it is migrated to ${t}. Restore with { migrate: true }.`,
    },
  };
}

/** Builds a {@link StaleRevisionError}. */
export function staleRevision(expected: number, actual: number): StaleRevisionError {
  return {
    _tag: 'StaleRevision',
    expected,
    actual,
    message: {
      nb: `Forløpet er endret siden det ble lest (lest ved revisjon ${expected}, er nå ved ${actual}). Ingenting er endret; les forløpet på nytt.`,
      nn: `Forløpet er endra sidan det vart lese (lese ved revisjon ${expected}, er no ved ${actual}). Ingenting er endra; les forløpet på nytt.`,
      en: `The pathway has changed since it was read (read at revision ${expected}, now at ${actual}). Nothing was changed; read the pathway again.`,
    },
  };
}

/** Builds a {@link WrongSubjectError}. */
export function wrongSubject(field: WrongSubjectError['field']): WrongSubjectError {
  return {
    _tag: 'WrongSubject',
    field,
    message: {
      nb: `«${field}» viser til en annen person enn den forløpet gjelder. Ingenting er endret.`,
      nn: `«${field}» viser til ein annan person enn den forløpet gjeld. Ingenting er endra.`,
      en: `"${field}" refers to another person than the one the pathway is about. Nothing was changed.`,
    },
  };
}

/** Builds a {@link ReplayMismatchError}. */
export function replayMismatch(
  seq: number,
  expected: ReplayMismatchError['expected'],
  actual: ReplayMismatchError['actual'],
): ReplayMismatchError {
  return {
    _tag: 'ReplayMismatch',
    seq,
    expected,
    actual,
    message: {
      nb: `Avspilling av historikken avviker ved oppføring ${seq}: forventet ${expected}, fikk ${actual}.`,
      nn: `Avspeling av historikken avvik ved oppføring ${seq}: venta ${expected}, fekk ${actual}.`,
      en: `Replaying the history diverges at entry ${seq}: expected ${expected}, got ${actual}.`,
    },
  };
}
