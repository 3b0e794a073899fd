import * as E from 'fp-ts/lib/Either.js';
import { patientViewRequest } from '../../examples/node-epj/ehr.js';
import { cdsResponse, ingestFeedback, parseCdsHooksRequest, toCards, validateCdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { evaluate, loadBundledRuleSet } from '../../src/index.js';
import { generateCohort, stratify } from '../../src/population/index.js';
import { personFromBundle, personFromPrefetch } from '../../src/adapters/fhir/index.js';
import type { CohortOptions } from '../../src/population/index.js';
import type { CompiledRuleSet, Decision } from '../../src/index.js';
import { examplePerson, readJson, right } from '../support/helpers.js';
import type { EntryPoint } from './entryPoints.js';

/*
 * The CDS Hooks and FHIR adapters and population mode as fuzz rows (issue 8, point 1, for the parts
 * merged after the first pass). A request body, a FHIR bundle or prefetch, a feedback body and a
 * cohort file all come from outside; every row must return, pollute nothing and fail only with typed
 * errors. (Kept apart from entryPoints.ts, which imports this table, so their fixtures do not form an
 * import cycle.)
 */

const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';
const rs: CompiledRuleSet = right(loadBundledRuleSet('identification'));
const klara = examplePerson('klara');
const bundle = readJson('examples/fhir/klara.json') as Parameters<typeof patientViewRequest>[0];
const request = JSON.parse(JSON.stringify(patientViewRequest(bundle, HOOK, 'Practitioner/gp-klara'))) as {
  prefetch: Record<string, unknown>;
};
const decision: Decision = right(evaluate(rs, klara, { asOf: AS_OF }));
const cardOptions = { hookInstance: HOOK, patient: 'Patient/klara', user: 'Practitioner/gp1', dataNeeded: 'all', score: 'always' } as const;
const cards = right(toCards(decision, rs, cardOptions));
const response = JSON.parse(JSON.stringify(right(cdsResponse(cards)))) as unknown;
const feedback = {
  feedback: [
    {
      card: cards[0]!.uuid,
      outcome: 'overridden',
      overrideReason: { reason: cards[0]!.overrideReasons![0], userComment: 'Følges opp' },
      outcomeTimestamp: '2026-11-23T10:15:00Z',
    },
    ...(cards[0]!.suggestions
      ? [
          {
            card: cards[0]!.uuid,
            outcome: 'accepted',
            acceptedSuggestions: [{ id: cards[0]!.suggestions[0]!.uuid }],
            outcomeTimestamp: '2026-11-23T10:16:00Z',
          },
        ]
      : []),
  ],
};
const storedDecision = JSON.parse(JSON.stringify(decision)) as Decision;
const persons = ['klara', 'morten', 'kasper', 'nora'].map(examplePerson);

const CDS_TAGS = ['InvalidCdsHooks'];
const FHIR_TAGS = ['InvalidFhirInput'];

export const ADAPTER_ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'parseCdsHooksRequest', base: request, call: (x) => parseCdsHooksRequest(x, 'en'), json: true, tags: CDS_TAGS, lang: 'en' },
  {
    name: 'personFromBundle',
    base: bundle,
    call: (x) => personFromBundle(x, { lang: 'nn' }),
    json: true,
    tags: FHIR_TAGS,
    lang: 'nn',
    cost: 2,
  },
  { name: 'personFromPrefetch', base: request.prefetch, call: (x) => personFromPrefetch(x), json: true, tags: FHIR_TAGS, cost: 2 },
  {
    name: 'parseCdsHooksRequest then personFromPrefetch',
    base: request,
    call: (x) =>
      E.chain(
        (r: { prefetch?: unknown; context: { patientId: string } }) =>
          personFromPrefetch(r.prefetch, { patientId: r.context.patientId }) as E.Either<never, unknown>,
      )(parseCdsHooksRequest(x) as E.Either<never, never>),
    json: true,
    tags: [...CDS_TAGS, ...FHIR_TAGS],
    cost: 2,
  },
  { name: 'ingestFeedback (body)', base: feedback, call: (x) => ingestFeedback(x, cards, 'nn'), json: true, tags: CDS_TAGS, lang: 'nn' },
  { name: 'validateCdsResponse', base: response, call: (x) => validateCdsResponse(x), json: true, tags: CDS_TAGS },
  {
    name: 'toCards (damaged stored decision)',
    accessors: 'host',
    base: storedDecision,
    call: (x) => toCards(x as Decision, rs, cardOptions),
    json: true,
    tags: CDS_TAGS,
  },
  {
    name: 'stratify (hostile cohort items)',
    base: klara,
    call: (x) => stratify([persons[0], x, persons[1], x, persons[3]], { asOf: AS_OF, topPercent: 50, keepRejected: 5 }),
    json: true,
    cost: 4,
  },
  {
    name: 'stratify (options)',
    accessors: 'host',
    base: { asOf: AS_OF, topPercent: 50, minPoints: 1, expectedSize: 4, keepRejected: 3, lang: 'en' },
    call: (x) => stratify(persons, x as never),
    json: true,
    cost: 2,
  },
  {
    name: 'generateCohort (options)',
    accessors: 'host',
    base: { seed: 7, size: 1000, asOf: AS_OF, from: 10, to: 13 },
    call: (x) => {
      let n = 0;
      const out: unknown[] = [];
      for (const p of generateCohort(x as CohortOptions)) {
        out.push(p);
        if (++n >= 3) break;
      }
      return out;
    },
    json: true,
    // Documented: the options are the host's code, not data; invalid ones are programmer misuse.
    throws: { type: RangeError, message: /^generateCohort: / },
  },
];
