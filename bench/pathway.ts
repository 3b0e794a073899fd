/**
 * The pathway machine in its own process, so its peak memory is its own:
 *   tsx bench/pathway.ts <case> <iterations>
 * Cases: `transition-rules` (`sendEvent` DECIDE_TEAM, which evaluates TEAM-CRITERIA-MET of the
 * bundled `team` rule set on the host's person laid under the pathway's records), `transition-plain` (`sendEvent` REVIEW_RELEVANT, which checks no
 * rules but still validates the event and the host's person), `restore` (`restorePathway` of the JSON text of a
 * persisted envelope with 20 history entries). The pathway passed to `sendEvent` is never changed, so
 * the same one is sent every iteration. Only the call is timed, with process.hrtime. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Pathway, PathwayEventInput } from '../src/pathway/index.js';
import { persistPathway, restorePathway, sendEvent, startPathway } from '../src/pathway/index.js';
import { bundledRuleSetIds, loadBundledRuleSet } from '../src/index.js';

const DAY0 = '2026-10-26';
const plus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Klara, a fictional adult with multimorbidity from the examples, as a GP system would pass her. */
const { $schema: _schema, ...HOST } = JSON.parse(
  readFileSync(new URL('../examples/persons/klara.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
/** The host's reference to the person (Klara's record id), to which the pathway is bound. */
const SUBJECT = String(HOST['id']);
const role = (type: string) =>
  ['REVIEW_RELEVANT', 'ACCEPT_OFFER'].includes(type)
    ? 'gp'
    : ['START_EVALUATION', 'CONTINUE', 'REVISE', 'ACTIVATE_PLAN'].includes(type)
      ? 'coordinator'
      : 'coordinating-unit';

function must<T>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }, what: string): T {
  if (r._tag === 'Left') throw new Error(`${what}: ${JSON.stringify(r.left).slice(0, 1500)}`);
  return r.right;
}

/** Sends events with the bundled rule sets; each must be accepted. */
function drive(p: Pathway, events: [number, PathwayEventInput][]): Pathway {
  let cur = p;
  for (const [day, e] of events)
    cur = must(sendEvent(cur, e, { asOf: plus(DAY0, day), role: role(e.type) as never, subject: SUBJECT, person: HOST }), e.type);
  return cur;
}

// Klara's story from examples/pathwayStory.ts, continued through a year of evaluations: 20 history entries.
const plan = (checkpoint: string) => ({
  kind: 'follow-up-plan' as const,
  goals: [{ id: 'g1', text: 'Gå tur ute tre ganger i uka', expressedBy: 'person' as const, status: 'open' as const }],
  measures: [
    { id: 'm1', text: 'Fysioterapi i hjemmet to ganger i uka', goalId: 'g1', owner: 'physiotherapy' as const },
    { id: 'm2', text: 'Legemiddelgjennomgang', goalId: 'g1', owner: 'gp' as const },
  ],
  checkpoints: [{ date: checkpoint }],
  participants: ['gp' as const, 'home-nursing' as const, 'physiotherapy' as const],
});
const toDecision: [number, PathwayEventInput][] = [
  [7, { type: 'REVIEW_RELEVANT', note: 'Innkalt til konsultasjon' }],
  [7, { type: 'ACCEPT_OFFER', unit: 'adults' }],
  [25, { type: 'START_ASSESSMENT' }],
  [
    32,
    {
      type: 'COMPLETE_ASSESSMENT',
      whatMatters: [{ text: 'Å bo hjemme så lenge som mulig og komme meg ut på tur hver dag.', date: plus(DAY0, 32) }],
      serviceNeeds: [
        { service: 'home-nursing', level: 'municipal', longTerm: true },
        { service: 'physiotherapy', level: 'municipal', longTerm: true },
        { service: 'gp', level: 'municipal', longTerm: true },
        { service: 'specialist', level: 'specialist', longTerm: true },
      ],
      baseline: {
        instrument: 'PSFS',
        date: plus(DAY0, 32),
        direction: 'higher-is-better',
        activities: [
          { activity: 'Gå tur ute', score: 3 },
          { activity: 'Handle selv', score: 2 },
        ],
      },
      targetGroupConfirmed: true,
    },
  ],
];
const toEstablishment: [number, PathwayEventInput][] = [
  [35, { type: 'DECIDE_TEAM' }],
  [
    35,
    {
      type: 'RECORD_CONSENT',
      consent: {
        scope: 'team',
        givenBy: 'person',
        date: plus(DAY0, 35),
        services: ['gp', 'home-nursing', 'physiotherapy', 'specialist'],
        purpose: 'Samarbeid i oppfølgingsteam',
        informedWithdrawable: true,
      },
    },
  ],
  [
    36,
    {
      type: 'APPOINT_COORDINATOR',
      coordinator: {
        name: 'Kari Nordmann',
        service: 'home-nursing',
        kind: 'coordinator',
        appointedDate: plus(DAY0, 36),
        recordedInJournal: true,
      },
    },
  ],
];
const rest: [number, PathwayEventInput][] = [
  [36, { type: 'ADD_MEMBER', member: { service: 'gp' } }],
  [36, { type: 'ADD_MEMBER', member: { service: 'home-nursing' } }],
  [36, { type: 'ADD_MEMBER', member: { service: 'physiotherapy' } }],
  [36, { type: 'ESTABLISH_TEAM' }],
  [43, { type: 'ACTIVATE_PLAN', plan: plan(plus(DAY0, 126)) }],
  [130, { type: 'START_EVALUATION' }],
  [130, { type: 'CONTINUE', nextCheckpoint: plus(DAY0, 218) }],
  [218, { type: 'START_EVALUATION' }],
  [218, { type: 'REVISE', plan: plan(plus(DAY0, 310)) }],
  [310, { type: 'START_EVALUATION' }],
  [310, { type: 'CONTINUE', nextCheckpoint: plus(DAY0, 400) }],
  [400, { type: 'START_EVALUATION' }],
];

function makeCase(name: string): () => unknown {
  const start = must(startPathway({ channel: 'risk-screening' }, { asOf: DAY0, role: 'risk-screening', subject: SUBJECT }), 'start');
  const atDecision = drive(start, toDecision);
  const atEstablishment = drive(atDecision, toEstablishment);
  switch (name) {
    case 'transition-rules': {
      const opts = { asOf: plus(DAY0, 35), role: 'coordinating-unit' as const, subject: SUBJECT, person: HOST };
      const check = must(sendEvent(atDecision, { type: 'DECIDE_TEAM' }, opts), 'DECIDE_TEAM');
      if (check.history.at(-1)!.decisions.length === 0) throw new Error('DECIDE_TEAM checked no rules');
      return () => sendEvent(atDecision, { type: 'DECIDE_TEAM' }, opts);
    }
    case 'transition-plain': {
      const opts = { asOf: plus(DAY0, 7), role: 'gp' as const, subject: SUBJECT, person: HOST };
      const check = must(sendEvent(start, { type: 'REVIEW_RELEVANT' }, opts), 'REVIEW_RELEVANT');
      if (check.history.at(-1)!.decisions.length !== 0) throw new Error('REVIEW_RELEVANT checked rules');
      return () => sendEvent(start, { type: 'REVIEW_RELEVANT' }, opts);
    }
    case 'restore': {
      const full = drive(atEstablishment, rest);
      const text = JSON.stringify(persistPathway(full));
      const back = must(restorePathway(text), 'restore');
      if (back.history.length !== 20 || !isDeepStrictEqual(back, JSON.parse(text)))
        throw new Error(`restore: ${back.history.length} entries, or not what was stored`);
      return () => restorePathway(text);
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

/**
 * The first guarded event in a fresh process: Klara's DECIDE_TEAM, the first event of her story
 * whose guard evaluates rules, timed once, then the same event `size` times more; the first against
 * the median of the later ones. Nothing before it has evaluated a rule set. In `first-event` the
 * host loaded every bundled rule set at start-up, as the README advises (that time is cold start's);
 * in `first-event-lazy` it did not, and the guard compiles the rule set it names.
 */
function firstEvent(size: number, loaded: boolean): void {
  if (loaded) for (const id of bundledRuleSetIds()) must(loadBundledRuleSet(id), id);
  const start = must(startPathway({ channel: 'risk-screening' }, { asOf: DAY0, role: 'risk-screening', subject: SUBJECT }), 'start');
  const atDecision = drive(start, toDecision);
  const opts = { asOf: plus(DAY0, 35), role: 'coordinating-unit' as const, subject: SUBJECT, person: HOST };
  const t0 = process.hrtime.bigint();
  const first = must(sendEvent(atDecision, { type: 'DECIDE_TEAM' }, opts), 'DECIDE_TEAM');
  const firstUs = Number(process.hrtime.bigint() - t0) / 1000;
  if (first.history.at(-1)!.decisions.length === 0) throw new Error('DECIDE_TEAM checked no rules');
  const times = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const t = process.hrtime.bigint();
    must(sendEvent(atDecision, { type: 'DECIDE_TEAM' }, opts), 'DECIDE_TEAM');
    times[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  const later = times.sort()[Math.floor(size / 2)]!;
  process.stdout.write(
    `${JSON.stringify({ case: loaded ? 'first-event' : 'first-event-lazy', persons: 1, medianUs: firstUs, laterUs: later, ratio: firstUs / later })}\n`,
  );
}

function main(): void {
  const [name = 'transition-rules', n = '2000'] = process.argv.slice(2);
  const size = Number(n);
  if (name === 'first-event' || name === 'first-event-lazy') {
    firstEvent(size, name === 'first-event');
    return;
  }
  const run = makeCase(name);
  for (let i = 0; i < Math.min(200, size); i++) run(); // warm up
  const times = new Float64Array(size);
  const rssBefore = process.memoryUsage().rss;
  let total = 0;
  let sink = 0;
  for (let i = 0; i < size; i++) {
    const t0 = process.hrtime.bigint();
    const r = run() as { _tag: string };
    const dt = Number(process.hrtime.bigint() - t0);
    times[i] = dt / 1000;
    total += dt;
    if (r._tag === 'Right') sink++;
  }
  if (sink !== size) throw new Error(`${name}: ${size - sink} calls failed`);
  const sorted = times.slice().sort();
  const q = (p: number) => sorted[Math.min(size - 1, Math.floor(p * size))]!;
  process.stdout.write(
    `${JSON.stringify({ case: name, persons: size, medianUs: q(0.5), p99Us: q(0.99), meanUs: total / 1000 / size, perSecond: Math.round(size / (total / 1e9)), peakRssMiB: process.resourceUsage().maxRSS / 1024, startRssMiB: rssBefore / 1048576, cpuSeconds: 0 })}\n`,
  );
}

main();
