import * as E from '../util/either.js';
import { initialTransition, transition } from 'xstate';
import type { CompiledRuleSet } from '../engine/compile.js';
import { parsePerson } from '../engine/evaluate.js';
import type { EvaluationError, InvalidOptionsError } from '../model/errors.js';
import { invalidOptions } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { isLang, LANGS, resolveLang } from '../model/lang.js';
import type { Person, PersonInput } from '../model/person.js';
import { parseJsonText } from '../model/parseJson.js';
import { readInput } from '../model/inputShape.js';
import { dateProblem } from '../util/dates.js';
import { initialContext, resolveConfig } from './context.js';
import type { PathwayContext } from './context.js';
import { consistencyIssues, ENVELOPE_FORMAT, PathwayEnvelope, SCHEMA_VERSION } from './envelope.js';
import type { Pathway } from './envelope.js';
import type {
  CorruptEnvelopeError,
  InvalidEventError,
  RejectionReason,
  RestoreError,
  RuleSetUnavailableError,
  SendEventError,
} from './errors.js';
import {
  corruptEnvelope,
  eventNotAllowed,
  invalidEvent,
  needsMigration,
  refusalReason,
  rejection,
  staleRevision,
  targetGroupConfirmationNeeded,
  unknownVersion,
  wrongSubject,
} from './errors.js';
import { PathwayEvent, PathwayRole, StartInput } from './events.js';
import type { PathwayEventInput, PathwayEventType, StartPathwayInput } from './events.js';
import type { GuardEnv, PathwayRefusal } from './guards.js';
import { RULE_CHECKS } from './guards.js';
import type { CheckRecord, HistoryEntry, RuleSetRef } from './history.js';
import { MACHINE_ID, MACHINE_VERSION, pathwayMachine } from './machine.js';
import type { MachineEvent } from './machine.js';
import { CURRENT_VERSION, detectVersion, migrationPath, runMigrations } from './migrations.js';
import { pathwayPerson } from './person.js';
import type { CheckResult } from './rules.js';
import { runChecks } from './rules.js';
import { historyIssues } from './replay.js';
import { leafOf } from './states.js';
import { SubjectRef } from './subject.js';
import { pathwayArgumentIssues } from './argument.js';

/*
 * The host-facing API: four calls. `startPathway` flags a person, `sendEvent` moves the pathway on
 * (or says exactly why not), `persistPathway` gives the JSON to store, `restorePathway` validates
 * it and gives the pathway back. Time always comes in as `asOf`; nothing reads the clock. Every
 * result is an fp-ts Either of plain data.
 */

/** Options for {@link startPathway}. */
export interface StartOptions {
  /** The day the person was flagged, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Who flagged the person. */
  readonly role: PathwayRole;
  /**
   * The host's own reference to the person, e.g. `Patient/123` or a UUID; at most 256 characters,
   * and never the national identity number in clear (refused with `national_id_in_clear`). The
   * pathway is bound to it: every later event must name the same subject.
   */
  readonly subject: string;
  /** Language of validation messages. Default `nb`. */
  readonly lang?: Lang;
}

/** Options for {@link sendEvent}. */
export interface SendOptions extends StartOptions {
  /**
   * The host's current record of the person. The rules see it with the pathway's own records laid
   * over it (consents, coordinator, members, plan). Without it the rules see only the pathway's
   * records, and criteria that need the person's data come back as "data needed".
   */
  readonly person?: PersonInput;
  /** Compiled rule sets to use, by id (`team`, `consent`, `plan`); the bundled ones are used for any not given. */
  readonly ruleSets?: readonly CompiledRuleSet[];
  /**
   * The pathway's `revision` when the host read it (e.g. the version a user's screen showed). When
   * given and the pathway has moved on since, the event is refused with `StaleRevision` and nothing
   * changes. Storing the result with compare-and-swap on the revision closes the race between two
   * writers of the same stored envelope (README, "Two writers").
   */
  readonly revision?: number;
}

/** Options for {@link restorePathway}. */
export interface RestoreOptions {
  /** Run the migrations when the envelope is of an older version. Default false: an old pathway stays on its version. */
  readonly migrate?: boolean;
  /**
   * The host's reference to the person whose pathway this should be. When given, an envelope bound
   * to another subject is refused with `WrongSubject`. Required to migrate an envelope saved before
   * pathways were bound to a subject (format 2): the migration binds it to this one.
   */
  readonly subject?: string;
  /** The date of the restore, `YYYY-MM-DD`. When given, an envelope with history after it is refused (`after_as_of`). */
  readonly asOf?: string;
  /** Language of validation messages. Default `nb`. */
  readonly lang?: Lang;
}

/** Drops undefined fields and anything that is not JSON, so the stored context is plain data. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function checkOptions(options: StartOptions, last: string | undefined): InvalidOptionsError | undefined {
  if (typeof options !== 'object' || options === null) return invalidOptions([makeIssue('missing', ['asOf'], 'nb')]);
  if (options.lang !== undefined && !isLang(options.lang))
    return invalidOptions([makeIssue('invalid_value', ['lang'], 'nb', { allowed: LANGS.map((l) => `"${l}"`) })]);
  const lang = options.lang ?? 'nb';
  const issues: ValidationIssue[] = [];
  const badDate = dateProblem(options.asOf);
  if (badDate) issues.push(makeIssue(options.asOf === undefined ? 'missing' : badDate, ['asOf'], lang));
  else if (last !== undefined && options.asOf < last) issues.push(makeIssue('before_last_event', ['asOf'], lang));
  if (!PathwayRole.safeParse(options.role).success)
    issues.push(
      makeIssue(options.role === undefined ? 'missing' : 'invalid_value', ['role'], lang, {
        allowed: PathwayRole.options.map((r) => JSON.stringify(r)),
      }),
    );
  issues.push(...subjectIssues(options.subject, lang, true));
  return issues.length > 0 ? invalidOptions(issues) : undefined;
}

/** What is wrong with a `subject` option; nothing when it is absent and not `required`. */
function subjectIssues(subject: unknown, lang: Lang, required: boolean): ValidationIssue[] {
  if (subject === undefined) return required ? [makeIssue('missing', ['subject'], lang)] : [];
  const r = SubjectRef.safeParse(subject);
  return r.success ? [] : fromZodIssues(r.error.issues, lang, ['subject']);
}

/**
 * Flags a person: starts a pathway in `candidate`, recording the channel. The pathway is bound to
 * `subject`, the host's own reference to the person (never the national identity number).
 *
 * @example
 * ```ts
 * import { startPathway } from 'oppfolgingsteam/pathway';
 *
 * const started = startPathway({ channel: 'staff', reason: 'Akuttinnleggelse' }, { asOf: '2026-11-02', role: 'staff', subject: 'Patient/4711' });
 * if (started._tag === 'Right') console.log(started.right.state, started.right.revision); // candidate 0
 * ```
 */
export function startPathway(input: StartPathwayInput, options: StartOptions): E.Either<InvalidEventError | InvalidOptionsError, Pathway> {
  const bad = checkOptions(options, undefined);
  if (bad) return E.left(bad);
  const lang = options.lang ?? 'nb';
  const r = StartInput.safeParse(input);
  if (!r.success) return E.left(invalidEvent(fromZodIssues(r.error.issues, lang)));
  const start = r.data;
  const ctx = initialContext(
    { channel: start.channel, date: options.asOf, ...(start.reason ? { reason: start.reason } : {}) },
    resolveConfig(start.config),
  );
  const [snap] = initialTransition(pathwayMachine, ctx);
  const state = leafOf(snap.value)!;
  const entry: HistoryEntry = {
    seq: 0,
    at: options.asOf,
    role: options.role,
    event: plain({ type: 'START' as const, ...start }),
    from: null,
    to: state,
    decisions: [],
  };
  return E.right({
    format: ENVELOPE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    machine: { id: MACHINE_ID, version: MACHINE_VERSION },
    subject: options.subject,
    revision: 0,
    state,
    ruleSets: [],
    snapshot: { value: plain(snap.value) as Pathway['snapshot']['value'], status: 'active', context: plain(snap.context) },
    history: [entry],
    migrations: [],
  });
}

/** The language of an error, read without trusting the options object (a getter may throw). */
function optionLang(options: unknown): Lang {
  try {
    return resolveLang(typeof options === 'object' && options !== null ? (options as { lang?: unknown }).lang : undefined);
  } catch {
    return 'nb';
  }
}

/**
 * The events the pathway's current state has transitions for (guards not evaluated). A value that is
 * not a pathway's has none.
 */
export function allowedEvents(pathway: Pathway): PathwayEventType[] {
  if (pathwayArgumentIssues(pathway, 'nb').length > 0) return [];
  if (pathway.snapshot.status === 'done') return [];
  const out = new Set<string>();
  let snap: ReturnType<typeof pathwayMachine.resolveState>;
  try {
    snap = pathwayMachine.resolveState({ value: pathway.snapshot.value as never, context: pathway.snapshot.context });
  } catch {
    // A state value the machine does not have: no events, rather than an exception from the machine.
    return [];
  }
  for (const node of snap._nodes) for (const t of node.transitions.keys()) out.add(t);
  return PathwayEvent.options.map((o) => o.shape.type.value).filter((t) => out.has(t));
}

function eventIssues(event: PathwayEvent, asOf: string, lang: Lang): ValidationIssue[] {
  if (event.type === 'CONTINUE' && event.nextCheckpoint <= asOf) return [makeIssue('not_after_as_of', ['nextCheckpoint'], lang)];
  if (event.type === 'COMPLETE_ASSESSMENT') {
    // What the person said, and the baseline measure, are recorded at the assessment: a date after it is a typing error.
    const issues = event.whatMatters.flatMap((w, i) =>
      w.date > asOf ? [makeIssue('after_event_date', ['whatMatters', i, 'date'], lang)] : [],
    );
    if (event.baseline && event.baseline.date > asOf) issues.push(makeIssue('after_event_date', ['baseline', 'date'], lang));
    return issues;
  }
  return [];
}

type EnvError = RuleSetUnavailableError | EvaluationError;

/** A guard environment that evaluates the rules now and keeps what it saw. */
function liveEnv(host: Person, options: SendOptions) {
  const results: CheckResult[] = [];
  const refusals: PathwayRefusal[] = [];
  let error: EnvError | undefined;
  const env: GuardEnv = {
    rules(check, proposed: PathwayContext) {
      if (error) return false;
      const r = runChecks(RULE_CHECKS[check], pathwayPerson(host, proposed), {
        asOf: options.asOf,
        lang: options.lang ?? 'nb',
        ruleSets: options.ruleSets,
      });
      if (E.isLeft(r)) {
        error = r.left;
        return false;
      }
      results.push(...r.right);
      return r.right.every((c) => c.record.passed);
    },
    refuse(refusal) {
      refusals.push(refusal);
    },
  };
  return { env, results, refusals, error: () => error };
}

function mergeRuleSets(current: readonly RuleSetRef[], decisions: readonly CheckRecord[]): RuleSetRef[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const d of decisions) byId.set(d.ruleSet.id, d.ruleSet);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Sends an event. Returns the pathway after it, or on the left: the event did not validate, is not
 * possible in this state, or was rejected by a guard (with the rules not met and why). The pathway
 * passed in is never changed. The event and the person are typed, so a misspelt event does not
 * compile; they are still validated at run time, for hosts in JavaScript and for data read from JSON.
 *
 * @example
 * ```ts
 * const sent = sendEvent(pathway, { type: 'REVIEW_RELEVANT' }, { asOf: '2026-11-03', role: 'gp', subject: 'Patient/4711', person, revision: pathway.revision });
 * if (sent._tag === 'Left' && sent.left._tag === 'Rejected') for (const r of sent.left.reasons) console.log(r.why.nb);
 * else if (sent._tag === 'Right') pathway = sent.right; // store persistPathway(pathway) with the record
 * ```
 */
export function sendEvent(pathway: Pathway, event: PathwayEventInput, options: SendOptions): E.Either<SendEventError, Pathway> {
  const notPathway = pathwayArgumentIssues(pathway, optionLang(options));
  if (notPathway.length > 0) return E.left(corruptEnvelope(notPathway));
  const last = pathway.history[pathway.history.length - 1]!.at;
  const bad = checkOptions(options, last);
  if (bad) return E.left(bad);
  const lang = options.lang ?? 'nb';
  // Whose pathway, and which version of it, before anything else is looked at.
  if (options.subject !== pathway.subject) return E.left(wrongSubject('subject'));
  if (options.revision !== undefined) {
    if (typeof options.revision !== 'number' || !Number.isInteger(options.revision) || options.revision < 0)
      return E.left(invalidOptions([makeIssue('invalid_type', ['revision'], lang, { expected: 'integer ≥ 0' })]));
    if (options.revision !== pathway.revision) return E.left(staleRevision(options.revision, pathway.revision));
  }
  const read = readInput(event, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidEvent([read.issue]));
  const parsed = PathwayEvent.safeParse(read.value);
  if (!parsed.success) return E.left(invalidEvent(fromZodIssues(parsed.error.issues, lang)));
  const ev = parsed.data;
  const more = eventIssues(ev, options.asOf, lang);
  if (more.length > 0) return E.left(invalidEvent(more));

  const from = pathway.state;
  const allowed = allowedEvents(pathway);
  if (!allowed.includes(ev.type)) return E.left(eventNotAllowed(from, ev.type, allowed));

  let host: Person = {};
  if (options.person !== undefined) {
    const p = parsePerson(options.person, lang);
    if (E.isLeft(p)) return p;
    host = p.right;
    if (host.id !== undefined && host.id !== pathway.subject) return E.left(wrongSubject('person.id'));
  }

  const live = liveEnv(host, options);
  const snap = pathwayMachine.resolveState({ value: pathway.snapshot.value as never, context: pathway.snapshot.context });
  const machineEvent = { ...ev, meta: { asOf: options.asOf, role: options.role, env: live.env } } as MachineEvent;
  const [next] = transition(pathwayMachine, snap, machineEvent);

  const err = live.error();
  if (err) return E.left(err);
  if (next === snap) {
    const reasons: RejectionReason[] = [
      ...live.results
        .filter((r) => !r.record.passed)
        .map((r) => ({
          kind: 'rule' as const,
          ruleSet: r.record.ruleSet,
          ruleId: r.record.ruleId,
          expected: r.record.expected,
          outcome: r.record.outcome,
          title: r.record.title,
          why: r.fullWhy,
        })),
      ...live.refusals.map(refusalReason),
      // The target-group judgement is the one missing datum only an event field (or the person
      // record) can give: name that field, since the rule's "why" cannot know the pathway's events.
      ...(live.results.some((r) => !r.record.passed && r.missing.includes('targetGroupConfirmed'))
        ? [targetGroupConfirmationNeeded()]
        : []),
    ];
    return E.left(reasons.length > 0 ? rejection(from, ev.type, reasons) : eventNotAllowed(from, ev.type, allowed));
  }

  const to = leafOf(next.value)!;
  const decisions = live.results.map((r) => r.record);
  const entry: HistoryEntry = {
    seq: pathway.history.length,
    at: options.asOf,
    role: options.role,
    event: plain(ev),
    from,
    to,
    decisions: plain(decisions),
  };
  return E.right({
    ...pathway,
    revision: pathway.revision + 1,
    state: to,
    ruleSets: mergeRuleSets(pathway.ruleSets, decisions),
    snapshot: {
      value: plain(next.value) as Pathway['snapshot']['value'],
      status: next.status === 'done' ? 'done' : 'active',
      context: plain(next.context),
    },
    history: [...pathway.history, entry],
  });
}

/** The pathway as plain JSON to store: a deep copy, safe to serialise with `JSON.stringify`. */
export function persistPathway(pathway: Pathway): PathwayEnvelope {
  return plain(pathway);
}

function validateCurrent(json: unknown, lang: Lang): E.Either<CorruptEnvelopeError, Pathway> {
  const r = PathwayEnvelope.safeParse(json);
  if (!r.success) return E.left(corruptEnvelope(fromZodIssues(r.error.issues, lang)));
  const issues = consistencyIssues(r.data, lang);
  try {
    pathwayMachine.resolveState({ value: r.data.snapshot.value as never, context: r.data.snapshot.context });
  } catch {
    issues.push(makeIssue('invalid_value', ['snapshot', 'value'], lang, { allowed: [r.data.state] }));
  }
  if (issues.length > 0) return E.left(corruptEnvelope(issues));
  // Each entry must be a step the machine takes, and the context what those steps give.
  const replayed = historyIssues(r.data, lang);
  return replayed.length > 0 ? E.left(corruptEnvelope(replayed)) : E.right(r.data);
}

/** The first history entry dated after `asOf`, as an issue. */
function afterAsOf(pathway: Pathway, asOf: string, lang: Lang): ValidationIssue[] {
  const i = pathway.history.findIndex((h) => h.at > asOf);
  return i < 0 ? [] : [makeIssue('after_as_of', ['history', i, 'at'], lang)];
}

/**
 * Validates a stored envelope (JSON text or parsed JSON) and gives the pathway back. An envelope of
 * an older version is migrated only with `{ migrate: true }`; otherwise it stays where it is and the
 * answer says which migrations would run. A corrupted or unknown-version envelope gives a typed error;
 * the input is never changed, so nothing is lost.
 */
export function restorePathway(json: unknown, options: RestoreOptions = {}): E.Either<RestoreError, Pathway> {
  // Options may come from a host's configuration: anything that is not a known language is bokmål.
  const opts: RestoreOptions = typeof options === 'object' && options !== null ? options : {};
  const lang: Lang = resolveLang(opts.lang);
  const optionIssues = [...subjectIssues(opts.subject, lang, false)];
  const badDate = opts.asOf === undefined ? undefined : dateProblem(opts.asOf);
  if (badDate) optionIssues.push(makeIssue(badDate, ['asOf'], lang));
  if (optionIssues.length > 0) return E.left(invalidOptions(optionIssues));
  const restored = restoreEnvelope(json, opts, lang);
  if (E.isLeft(restored)) return restored;
  const pathway = restored.right;
  if (opts.subject !== undefined && pathway.subject !== opts.subject) return E.left(wrongSubject('subject'));
  const future = opts.asOf === undefined ? [] : afterAsOf(pathway, opts.asOf, lang);
  return future.length > 0 ? E.left(corruptEnvelope(future)) : restored;
}

function restoreEnvelope(json: unknown, opts: RestoreOptions, lang: Lang): E.Either<RestoreError, Pathway> {
  let input = json;
  if (typeof json === 'string') {
    const p = parseJsonText(json, lang);
    if (E.isLeft(p)) return E.left(corruptEnvelope(p.left.issues));
    input = p.right;
  }
  // Before zod, whose recursive walk of a 10,000-level snapshot value or event would overflow the
  // stack; and read once into plain data, which is all that is read after.
  const read = readInput(input, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(corruptEnvelope([read.issue]));
  input = read.value;
  const found = detectVersion(input);
  const supported = { machineId: MACHINE_ID, ...CURRENT_VERSION };
  if (found.machineId === undefined && found.schemaVersion === undefined && found.machineVersion === undefined)
    return E.left(corruptEnvelope([makeIssue('invalid_shape', [], lang)]));
  if (found.machineId !== MACHINE_ID) return E.left(unknownVersion(found, supported));
  // Our machine, but the version fields themselves are damaged: that is corruption, not a new version.
  const current = (input as Record<string, unknown>)['format'] === ENVELOPE_FORMAT;
  const versionIssues = [
    ...(typeof found.schemaVersion === 'number' ? [] : [makeIssue('invalid_type', ['schemaVersion'], lang, { expected: 'number' })]),
    ...(typeof found.machineVersion === 'number'
      ? []
      : [makeIssue('invalid_type', current ? ['machine', 'version'] : ['machineVersion'], lang, { expected: 'number' })]),
  ];
  if (versionIssues.length > 0 || typeof found.schemaVersion !== 'number' || typeof found.machineVersion !== 'number')
    return E.left(corruptEnvelope(versionIssues));
  const from = { schemaVersion: found.schemaVersion, machineVersion: found.machineVersion };
  const steps = migrationPath(from);
  if (steps === undefined) return E.left(unknownVersion(found, supported));
  if (steps.length === 0) return validateCurrent(input, lang);
  if (opts.migrate !== true)
    return E.left(
      needsMigration(
        from,
        CURRENT_VERSION,
        steps.map((s) => s.id),
      ),
    );
  const migrated = runMigrations(input, steps, lang, { ...(opts.subject !== undefined ? { subject: opts.subject } : {}) });
  if (E.isLeft(migrated)) return migrated;
  return validateCurrent(migrated.right, lang);
}

/**
 * Migrates a stored envelope to the current version without restoring it (for batch jobs). An
 * envelope saved before pathways were bound to a person needs the host's `subject` for it.
 */
export function migrateEnvelope(
  json: unknown,
  options: Lang | { readonly lang?: Lang; readonly subject?: string } = 'nb',
): E.Either<RestoreError, PathwayEnvelope> {
  const o = typeof options === 'string' ? { lang: options } : typeof options === 'object' && options !== null ? options : {};
  return restorePathway(json, { ...o, migrate: true });
}
