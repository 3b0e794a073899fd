import fc from 'fast-check';
import type { Pathway, PathwayEventInput, PathwayEventType, SendEventError } from '../src/pathway/index.js';
import { allowedEvents } from '../src/pathway/index.js';
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

/** A script: which host, and the steps. */
export interface Script {
  readonly host: keyof typeof HOSTS;
  readonly steps: readonly { readonly gap: number; readonly pick: number }[];
}

/** Scripts of up to `maxSteps` steps. */
export const scriptArb = (maxSteps = 80): fc.Arbitrary<Script> =>
  fc.record({
    host: fc.constantFrom<keyof typeof HOSTS>('adult', 'adult', 'child', 'unknownAge'),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 45 }), pick: fc.nat({ max: 100_000 }) }), { minLength: Math.min(30, maxSteps), maxLength: maxSteps }),
  });

/** Runs a script through the public API. */
export function runScript(script: Script): { pathway: Pathway; steps: RunStep[] } {
  let p = start('2026-01-05');
  let asOf = '2026-01-05';
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
    const result = send(p, event, asOf, HOSTS[script.host]);
    steps.push({ asOf, event, before: p, result });
    if (result._tag === 'Right') p = result.right;
  }
  return { pathway: p, steps };
}

/** Random pathways in any state. */
export const randomPathway = (maxSteps = 80): fc.Arbitrary<Pathway> => scriptArb(maxSteps).map((s) => runScript(s).pathway);
