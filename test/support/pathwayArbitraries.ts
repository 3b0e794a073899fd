import fc from 'fast-check';
import type { Pathway, PathwayEventInput, PathwayEventType, SendEventError } from '../../src/pathway/index.js';
import { allowedEvents } from '../../src/pathway/index.js';
import { HOSTS, plusDays, sampleEvents, send, start } from './pathwayHelpers.js';

/*
 * Random pathways for the properties. A script is a host person and a list of steps; each step waits
 * some days and picks one of the sample events the current state accepts (guided, so runs reach
 * the team phase and closure often). Events the guards reject are part of the run: they must leave
 * the pathway as it was.
 */

const FORWARD: readonly PathwayEventType[] = [
  'FLAG',
  'REVIEW_RELEVANT',
  'ACCEPT_OFFER',
  'START_ASSESSMENT',
  'COMPLETE_ASSESSMENT',
  'DECIDE_TEAM',
  'REASSESS',
  'APPOINT_COORDINATOR',
  'ADD_MEMBER',
  'ESTABLISH_TEAM',
  'ACTIVATE_PLAN',
  'START_EVALUATION',
  'CONTINUE',
  'REVISE',
];

/** One step of a run and what came of it. */
export interface RunStep {
  readonly asOf: string;
  readonly event: PathwayEventInput;
  readonly before: Pathway;
  readonly result: { readonly _tag: 'Left'; readonly left: SendEventError } | { readonly _tag: 'Right'; readonly right: Pathway };
}

/** The host's record as the pathway reads it: a birth date and a recorded consent competence, or neither. */
export interface HostPerson {
  readonly birthDate?: string;
  readonly capacity?: { readonly consentCompetence: boolean };
}

/** A host: a fixed one of {@link HOSTS}, or one at a consent-age boundary during the run. */
export interface Host {
  readonly name: string;
  readonly person: HostPerson;
}

/** A script: which host, and the steps. */
export interface Script {
  readonly host: Host;
  readonly steps: readonly { readonly gap: number; readonly pick: number }[];
}

const RUN_START = '2026-01-05';

/** The date of each step: the run starts on {@link RUN_START} and each step waits its gap. */
function stepDates(steps: Script['steps']): string[] {
  let asOf = RUN_START;
  return steps.map((s) => (asOf = plusDays(asOf, s.gap)));
}

/** The date `years` calendar years before `iso` (29 February to 28 February in a common year). */
function yearsBefore(iso: string, years: number): string {
  const y = String(Number(iso.slice(0, 4)) - years).padStart(4, '0');
  const md = iso.slice(5);
  const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
  return md === '02-29' && !leap(Number(y)) ? `${y}-02-28` : `${y}-${md}`;
}

/*
 * A host who turns 12, 16 or 18 on the day before, the day of or the day after one step of the run
 * (so that step sees them just over, at or just under the age), with consent competence not
 * recorded, recorded or recorded as lacking: every consent-age boundary the guards must respect.
 */
const boundary = fc.record({
  age: fc.constantFrom(12, 16, 18),
  step: fc.nat(),
  /** Days from the step to the birthday: -1 just over the age, 0 on the birthday, 1 just under. */
  delta: fc.constantFrom(-1, 0, 1),
  competence: fc.constantFrom<boolean | undefined>(undefined, true, false),
});

/** Scripts of up to `maxSteps` steps. */
export const scriptArb = (maxSteps = 80): fc.Arbitrary<Script> =>
  fc
    .record({
      fixed: fc.option(fc.constantFrom<keyof typeof HOSTS>('adult', 'adult', 'child', 'unknownAge'), { freq: 2 }),
      boundary,
      steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 45 }), pick: fc.nat({ max: 100_000 }) }), {
        minLength: Math.min(30, maxSteps),
        maxLength: maxSteps,
      }),
    })
    .map(({ fixed, boundary: b, steps }): Script => {
      if (fixed !== null || steps.length === 0) return { host: { name: fixed ?? 'adult', person: HOSTS[fixed ?? 'adult'] }, steps };
      const on = stepDates(steps)[b.step % steps.length]!;
      const person: HostPerson = {
        birthDate: yearsBefore(plusDays(on, b.delta), b.age),
        ...(b.competence === undefined ? {} : { capacity: { consentCompetence: b.competence } }),
      };
      return {
        host: {
          name: `${b.delta < 0 ? 'just over' : b.delta > 0 ? 'just under' : 'turning'} ${b.age} at step ${b.step % steps.length}`,
          person,
        },
        steps,
      };
    });

/** Runs a script through the public API. */
export function runScript(script: Script): { pathway: Pathway; steps: RunStep[] } {
  let p = start(RUN_START);
  let asOf = RUN_START;
  const steps: RunStep[] = [];
  for (const s of script.steps) {
    asOf = plusDays(asOf, s.gap);
    const allowed = allowedEvents(p);
    if (allowed.length === 0) break;
    // CLOSE and RECORD_CONSENT are possible almost everywhere; picked as often as the rest they would
    // keep runs near the start. Three steps in four move forward; the fourth is anything.
    const forward = allowed.filter((t) => FORWARD.includes(t) || (t === 'RECORD_CONSENT' && p.state === 'teamEstablishment'));
    const others = allowed.filter((t) => t !== 'CLOSE');
    const r = Math.floor(s.pick / 100);
    const type =
      allowed.includes('CLOSE') && (s.pick % 40 === 0 || others.length === 0)
        ? 'CLOSE'
        : s.pick % 4 !== 0 && forward.length > 0
          ? forward[r % forward.length]!
          : others[r % others.length]!;
    const variants = sampleEvents(asOf)[type];
    const event = variants[s.pick % variants.length]!;
    const result = send(p, event, asOf, script.host.person);
    steps.push({ asOf, event, before: p, result });
    if (result._tag === 'Right') p = result.right;
  }
  return { pathway: p, steps };
}

/** Random pathways in any state. */
export const randomPathway = (maxSteps = 80): fc.Arbitrary<Pathway> => scriptArb(maxSteps).map((s) => runScript(s).pathway);
