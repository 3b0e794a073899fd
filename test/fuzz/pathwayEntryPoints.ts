import * as E from 'fp-ts/lib/Either.js';
import type { Pathway, PathwayEventInput, RestoreError, SendOptions } from '../../src/pathway/index.js';
import { persistPathway, restorePathway, sendEvent, whatIsDue } from '../../src/pathway/index.js';
import { right } from '../support/helpers.js';
import { drive, downgradeToV1, fixtureRuleSets, HOSTS, start, SUBJECT, toPlanActive } from '../support/pathwayHelpers.js';
import type { EntryPoint } from './entryPoints.js';

/*
 * The pathway's entry points as fuzz rows (issue 8, point 5): a stored envelope is untrusted (it
 * comes back from the host's database, perhaps truncated or hand-edited), and so are the event and
 * the options a host builds from a clinician's input. Every row must return, pollute nothing and
 * fail only with the pathway's typed errors.
 */

/** The pathway's own error tags, and the library's that `sendEvent` passes through (a bad person). */
export const RESTORE_TAGS = ['CorruptEnvelope', 'UnknownEnvelopeVersion', 'NeedsMigration', 'WrongSubject', 'InvalidOptions'] as const;
const SEND_TAGS = [
  'InvalidEvent',
  'EventNotAllowed',
  'Rejected',
  'RuleSetUnavailable',
  'StaleRevision',
  'WrongSubject',
  'InvalidOptions',
  'InvalidPerson',
  'InvalidRuleSet',
] as const;
/** Errors that carry a localized message instead of located issues. */
const ISSUELESS = [
  'UnknownEnvelopeVersion',
  'NeedsMigration',
  'EventNotAllowed',
  'Rejected',
  'RuleSetUnavailable',
  'StaleRevision',
  'WrongSubject',
] as const;

/** A pathway in an active plan with one checkpoint, reached through the public API. */
export const planActive: Pathway = drive(start('2026-01-05'), '2026-01-20', toPlanActive('2026-01-20', '2026-06-01'));
/** Its stored envelope, and its text. */
export const envelope = JSON.parse(JSON.stringify(persistPathway(planActive))) as Record<string, unknown>;
const envelopeText = JSON.stringify(envelope);
const envelopeV1 = downgradeToV1(planActive, '2026-01-20');
const sendOptions = {
  asOf: '2026-02-01',
  role: 'coordinator',
  subject: SUBJECT,
  revision: planActive.revision,
  person: HOSTS.adult,
  lang: 'en',
};

/** Cuts JSON text at every fraction: what a crashed writer or a full disk leaves behind. */
const truncations = (s: string): string[] => [0.01, 0.1, 0.33, 0.5, 0.9, 0.999].map((f) => s.slice(0, Math.floor(s.length * f)));
export const TRUNCATED_TEXTS: readonly string[] = truncations(envelopeText);

export const PATHWAY_ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'restorePathway (envelope)',
    base: envelope,
    call: (x) => restorePathway(x, { lang: 'nn' }),
    json: true,
    tags: RESTORE_TAGS,
    issueless: ISSUELESS,
    lang: 'nn',
  },
  {
    name: 'restorePathway (older envelope, migrate)',
    base: envelopeV1,
    call: (x) => restorePathway(x, { migrate: true, subject: SUBJECT }),
    json: true,
    tags: RESTORE_TAGS,
    issueless: ISSUELESS,
  },
  {
    name: 'restorePathway (envelope as JSON text, maybe truncated)',
    base: envelope,
    call: (x) => {
      let text: string;
      try {
        text = JSON.stringify(x) ?? 'undefined';
      } catch {
        text = envelopeText;
      }
      return (
        [restorePathway(text), ...truncations(text).map((t) => restorePathway(t, { lang: 'en' }))].find(E.isLeft) ?? restorePathway(text)
      );
    },
    tags: RESTORE_TAGS,
    issueless: ISSUELESS,
    cost: 4,
  },
  {
    name: 'restorePathway (options)',
    accessors: 'host',
    base: { migrate: true, lang: 'en', subject: SUBJECT, asOf: '2026-03-01' },
    call: (x) => restorePathway(envelope, x as never),
    tags: RESTORE_TAGS,
    issueless: ISSUELESS,
  },
  {
    name: 'persistPathway and whatIsDue (after restore)',
    base: envelope,
    call: (x) =>
      E.map((p: Pathway) => {
        const stored = persistPathway(p);
        return { stored, due: right(whatIsDue(p, '2026-07-01')), again: restorePathway(JSON.parse(JSON.stringify(stored))) };
      })(restorePathway(x) as E.Either<RestoreError, Pathway>),
    json: true,
    tags: RESTORE_TAGS,
    issueless: ISSUELESS,
  },
  {
    name: 'whatIsDue (asOf)',
    base: '2026-07-01',
    call: (x) => whatIsDue(planActive, x as string, { lang: 'nn' }),
    json: true,
    lang: 'nn',
  },
  {
    name: 'sendEvent (event)',
    base: { type: 'START_EVALUATION' },
    call: (x) => sendEvent(planActive, x as PathwayEventInput, { ...(sendOptions as SendOptions), ruleSets: fixtureRuleSets() }),
    json: true,
    tags: SEND_TAGS,
    issueless: ISSUELESS,
    lang: 'en',
    cost: 2,
  },
  {
    name: 'sendEvent (options)',
    accessors: 'host',
    base: sendOptions,
    call: (x) =>
      sendEvent(
        planActive,
        { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: '2026-02-01', services: ['gp'] } },
        x as SendOptions,
      ),
    json: true,
    tags: SEND_TAGS,
    issueless: ISSUELESS,
    cost: 2,
  },
];
