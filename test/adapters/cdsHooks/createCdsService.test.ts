import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, evaluateAll } from '../../../src/index.js';
import type { CdsCard, CdsHooksResponse, CdsServiceError } from '../../../src/services/cdsHooks.js';
import {
  CdsDiscovery,
  cardOptionsFromRequest,
  createCdsService,
  parseCdsHooksRequest,
  toCards,
  validateCdsResponse,
} from '../../../src/services/cdsHooks.js';
import { personFromPrefetch } from '../../../src/adapters/fhir/index.js';
import { osloDate } from '../../../src/adapters/cdsHooks/today.js';
import { patientViewRequest } from '../../../examples/node-epj/ehr.js';
import { readJson, right, ruleSet } from '../../support/helpers.js';

/*
 * The CDS Hooks service in one call, through its public entry: discovery in three languages, the
 * `patient-view` and `encounter-discharge` hooks, prefetch fetched through the host's function only
 * where the client sent none, the data-quality card, feedback matched by card id, and today's date
 * in Oslo. Every answer is `{ status, body }` with a plain JSON body, never an Either.
 */

const AS_OF = '2026-11-23';
const HOOK = '4f6c1a52-7d1e-4b1e-9d0a-2b7f0e6c9a11';
type Json = Record<string, unknown>;

const record = (name: string) => readJson(`examples/fhir/${name}.json`) as { entry: { resource: Json & { resourceType: string } }[] };
const request = (name: string): Json & { prefetch: Json; context: Json } =>
  patientViewRequest(record(name), HOOK, 'Practitioner/gp-1') as Json & { prefetch: Json; context: Json };
const discharge = (name: string): Json => {
  const r = request(name);
  const p = r.prefetch;
  return {
    ...r,
    hook: 'encounter-discharge',
    context: { ...r.context, encounterId: 'stay-1' },
    prefetch: { patient: p['patient'], conditions: p['conditions'], encounters: p['encounters'] },
  };
};

const cardsOf = (body: unknown): CdsCard[] => {
  expect(body).toHaveProperty('cards');
  return (body as CdsHooksResponse).cards;
};

// One service for the tests that do not vary its options: compiling the eight rule sets takes time.
const service = createCdsService({ today: AS_OF });

describe('discovery', () => {
  it.each([
    ['nb', 'Beslutningsstøtte etter Helsedirektoratets rammeverk', 'risiko ved utskrivning'],
    ['nn', 'Avgjerdsstøtte etter Helsedirektoratet sitt rammeverk', 'risiko ved utskriving'],
    ['en', "Decision support following Helsedirektoratet's framework", 'risk at discharge'],
  ] as const)('lists both services in %s, with their prefetch', async (lang, description, dischargeTitle) => {
    const s = lang === 'nb' ? service : createCdsService({ lang, today: AS_OF });
    const d = await s.discovery();
    expect(d.status).toBe(200);
    const body = CdsDiscovery.parse(d.body);
    expect(body.services.map((x) => [x.id, x.hook])).toEqual([
      ['oppfolgingsteam', 'patient-view'],
      ['oppfolgingsteam-discharge', 'encounter-discharge'],
    ]);
    const [view, dis] = body.services;
    expect(view!.description).toContain(description);
    // Every bundled rule set is named, in the page's language.
    expect(view!.description).toContain(ruleSet('identification').file.title[lang]);
    expect(dis!.title).toContain(dischargeTitle);
    expect(Object.keys(view!.prefetch!)).toEqual(expect.arrayContaining(['patient', 'conditions', 'encounters', 'medications']));
    expect(dis!.prefetch).toEqual({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      encounters: 'Encounter?patient={{context.patientId}}',
    });
  });

  it('nynorsk is its own language, not bokmål', async () => {
    const nn = JSON.stringify((await createCdsService({ lang: 'nn', today: AS_OF }).discovery()).body);
    expect(nn).toContain('Krev prefetch');
    expect(nn).toContain('koordinerande eining');
    expect(nn).not.toMatch(/\b(ikke|Krever|koordinerende enhet)\b/);
  });
});

describe('patient-view', () => {
  it('answers 200 with the CDS Hooks response itself: the cards of every rule set, as the parts give them', async () => {
    const answer = await service.patientView(request('klara'));
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('_tag');
    expect(right(validateCdsResponse(answer.body))).toEqual(answer.body);
    // The same cards a host gets by calling the parts: request → person → evaluateAll → toCards.
    const req = right(parseCdsHooksRequest(request('klara')));
    const person = right(personFromPrefetch(req.prefetch, { patientId: req.context.patientId })).person;
    const sets = bundledRuleSetIds().map(ruleSet);
    const decisions = right(evaluateAll(sets, person, { asOf: AS_OF }));
    const byHand = decisions.flatMap((d, i) => right(toCards(d, sets[i]!, cardOptionsFromRequest(req))));
    expect(cardsOf(answer.body)).toEqual(byHand);
    expect(cardsOf(answer.body).map((c) => c.summary)).toContain('Vurder strukturert tverrfaglig oppfølging');
  });

  it('passes the card options to every decision', async () => {
    const s = createCdsService({ today: AS_OF, cards: { minSeverity: 'warning', dataNeeded: 'none', score: 'none' } });
    const cards = cardsOf((await s.patientView(request('klara'))).body);
    const all = cardsOf((await service.patientView(request('klara'))).body);
    const kind = (c: CdsCard) => (c.extension!['oppfolgingsteam'] as { kind: string }).kind;
    expect(all.some((c) => kind(c) === 'score' || c.indicator === 'info')).toBe(true);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards).toEqual(all.filter((c) => kind(c) === 'prompt' && c.indicator !== 'info'));
  });

  it('calls the fetch function for a missing or null prefetch only, with the filled-in query and the request', async () => {
    const full = request('klara');
    const calls: [string, string, unknown][] = [];
    const sent = { ...full, prefetch: { ...full.prefetch, medications: null } };
    delete (sent.prefetch as Json)['conditions'];
    const s = createCdsService({
      today: AS_OF,
      fetchPrefetch: async (key, query, req) => {
        calls.push([key, query, req.hookInstance]);
        return full.prefetch[key];
      },
    });
    const answer = await s.patientView(sent);
    expect(calls.map(([k]) => k).sort()).toEqual(['conditions', 'medications']);
    expect(calls).toContainEqual(['conditions', 'Condition?patient=klara', HOOK]);
    // What was fetched counts as sent: the same cards as the full prefetch, and no note.
    expect(answer).toEqual(await service.patientView(full));
  });

  it('without a fetch function, the missing lists are unknown and a card says which', async () => {
    const sent = request('klara');
    delete sent.prefetch['conditions'];
    sent.prefetch['medications'] = null;
    const cards = cardsOf((await service.patientView(sent)).body);
    const note = cards.at(-1)!;
    expect(note.summary).toBe('Deler av journalen ble ikke hentet: diagnoser, legemidler er ukjent');
    expect(note.detail).toContain('Ikke hentet (prefetch conditions, medications)');
    // Unknown, not "none": the target-group prompt, which counts diagnoses, does not fire on an empty list.
    expect(cards.map((c) => c.summary)).not.toContain('Vurder strukturert tverrfaglig oppfølging');
  });

  it('a fetch function that throws or gives nothing leaves the prefetch missing, and the answer is still 200', async () => {
    const sent = request('klara');
    delete sent.prefetch['conditions'];
    delete sent.prefetch['encounters'];
    const s = createCdsService({
      today: AS_OF,
      fetchPrefetch: (key) => {
        if (key === 'conditions') throw new Error('FHIR server down');
        return Promise.resolve(undefined);
      },
    });
    const answer = await s.patientView(sent);
    expect(answer.status).toBe(200);
    expect(cardsOf(answer.body).at(-1)!.summary).toBe('Deler av journalen ble ikke hentet: diagnoser, kontakter er ukjent');
  });

  it('without the Patient there is no one to assess: 412, naming the prefetch', async () => {
    const sent = request('klara');
    delete sent.prefetch['patient'];
    const answer = await service.patientView(sent);
    expect(answer.status).toBe(412);
    expect((answer.body as CdsServiceError).error).toBe('prefetch_unavailable');
    expect((answer.body as CdsServiceError).issues.map((i) => i.path)).toEqual(['prefetch.patient']);
  });

  it.each([
    ['nb', 'skal være en FHIR-id'],
    ['nn', 'skal vere ein FHIR-id'],
    ['en', 'must be a FHIR id'],
  ] as const)('a bad body is a 400 in %s that names the field and what is expected, never echoing it', async (lang, expected) => {
    const s = lang === 'nb' ? service : createCdsService({ lang, today: AS_OF });
    const sent = { ...request('klara'), context: { userId: 'Practitioner/gp-1', patientId: 'Patient/kari-nordmann-150347' } };
    const answer = await s.patientView(sent);
    expect(answer.status).toBe(400);
    const body = answer.body as CdsServiceError;
    expect(body.error).toBe('invalid_request');
    expect(body.issues).toEqual([expect.objectContaining({ path: 'context.patientId', code: 'cds_bare_id' })]);
    expect(body.issues[0]!.message).toContain(expected);
    expect(JSON.stringify(body)).not.toContain('kari-nordmann');
  });

  it('a prefetch that belongs to another patient is a 400 naming the prefetch path', async () => {
    const sent = { ...request('klara'), context: { userId: 'Practitioner/gp-1', patientId: 'someone-else' } };
    const answer = await service.patientView(sent);
    expect(answer.status).toBe(400);
    expect((answer.body as CdsServiceError).issues[0]!.path).toMatch(/^prefetch\.patient/);
  });

  it('a date outside the rule sets is the host’s fault: 500, not an exception', async () => {
    const answer = await createCdsService({ today: '1999-01-01' }).patientView(request('klara'));
    expect(answer.status).toBe(500);
    expect((answer.body as CdsServiceError).issues[0]!.path).toBe('asOf');
  });

  it('routes by service id, and an unknown id is a 404 listing the ids', async () => {
    expect(await service.call('oppfolgingsteam', request('klara'))).toEqual(await service.patientView(request('klara')));
    const nope = await service.call('nope', request('klara'));
    expect(nope.status).toBe(404);
    expect((nope.body as CdsServiceError).issues[0]!.message).toContain('oppfolgingsteam-discharge');
  });
});

describe('the data-quality card', () => {
  // Klara's record has a diagnosis coded in SNOMED CT only, which the library does not read.
  const snomed = record('klara').entry.find((e) => e.resource['id'] === 'klara-condition-snomed')!.resource;
  const code = ((snomed['code'] as Json)['coding'] as Json[])[0]!['code'] as string;

  it('is off by default', async () => {
    const cards = cardsOf((await service.patientView(request('klara'))).body);
    expect(cards.map((c) => c.summary)).not.toContain('Datakvalitet: ikke alt i journalen kunne leses');
  });

  it('when on, says what could not be read by resource type and code system, never the code', async () => {
    const s = createCdsService({ today: AS_OF, dataQualityCard: true, lang: 'en' });
    const cards = cardsOf((await s.patientView(request('klara'))).body);
    const card = cards.find((c) => c.summary === 'Data quality: not everything in the record could be read')!;
    expect(card.detail).toContain('Not read: 1 Condition (code systems: http://snomed.info/sct).');
    expect(JSON.stringify(card)).not.toContain(code);
    expect(right(validateCdsResponse({ cards }))).toBeTruthy();
  });
});

describe('the data-quality card never repeats the record', () => {
  it('does not name a coding "system" that is free text, nor any code', async () => {
    const sent = request('kasper');
    const subject = { reference: `Patient/${String(sent.context['patientId'])}` };
    sent.prefetch['conditions'] = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          resource: {
            resourceType: 'Condition',
            id: 'x1',
            subject,
            code: { coding: [{ system: 'Kari har diabetes og bor alene', code: 'E11' }] },
          },
        },
        {
          resource: {
            resourceType: 'Condition',
            id: 'x2',
            subject,
            code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] },
          },
        },
      ],
    };
    const s = createCdsService({ ruleSets: [ruleSet('identification')], today: AS_OF, dataQualityCard: true, lang: 'en' });
    const card = cardsOf((await s.patientView(sent)).body).find((c) => c.summary.startsWith('Data quality'))!;
    expect(card.detail).toContain('Not read: 2 Condition (code systems: http://snomed.info/sct).');
    for (const secret of ['Kari', 'diabetes', 'E11', '44054006']) expect(card.detail).not.toContain(secret);
  });
});

describe('feedback', () => {
  it('matches items by card id through the host’s lookup; an unknown id is reported, the rest stored', async () => {
    const issued = new Map<string, CdsCard>();
    const s = createCdsService({ today: AS_OF, issuedCardLookup: async (id) => issued.get(id) });
    const cards = cardsOf((await s.patientView(request('klara'))).body);
    for (const c of cards) issued.set(c.uuid!, c);
    const card = cards.find((c) => c.suggestions?.some((x) => x.isRecommended))!;
    const suggestion = card.suggestions!.find((x) => x.isRecommended)!;
    const answer = await s.feedback({
      feedback: [
        { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }], outcomeTimestamp: `${AS_OF}T10:15:00Z` },
        { card: 'f0000000-0000-4000-8000-000000000000', outcome: 'overridden', outcomeTimestamp: `${AS_OF}T10:16:00Z` },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      matched: 1,
      unknown: [{ path: 'feedback[1].card', code: 'cds_unknown_card', message: expect.stringContaining('feedback[1].card') }],
    });
    expect(answer.records).toEqual([
      expect.objectContaining({ cardUuid: card.uuid, outcome: 'accepted', ruleSetId: 'identification', ruleId: 'ID-TARGET-GROUP' }),
    ]);
  });

  it('without a lookup every card is unknown, reported, not thrown', async () => {
    const answer = await service.feedback({
      feedback: [{ card: 'x', outcome: 'overridden', outcomeTimestamp: `${AS_OF}T10:16:00Z` }],
    });
    expect(answer).toEqual({
      status: 200,
      body: { matched: 0, unknown: [expect.objectContaining({ path: 'feedback[0].card' })] },
      records: [],
    });
  });

  it('a lookup that throws counts as not found', async () => {
    const s = createCdsService({
      today: AS_OF,
      issuedCardLookup: () => {
        throw new Error('store down');
      },
    });
    const answer = await s.feedback({ feedback: [{ card: 'x', outcome: 'overridden', outcomeTimestamp: `${AS_OF}T10:16:00Z` }] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ matched: 0, unknown: [expect.objectContaining({ code: 'cds_unknown_card' })] });
  });

  it('a body that is not feedback is a 400 naming the field', async () => {
    const answer = await service.feedback({ feedback: [{ card: 'x', outcome: 'overridden' }] });
    expect(answer.status).toBe(400);
    expect((answer.body as CdsServiceError).issues.map((i) => i.path)).toEqual(['feedback[0].outcomeTimestamp']);
    expect(answer.records).toEqual([]);
  });
});

describe('encounter-discharge', () => {
  it('gives the discharge-time score and, when it is high, a card proposing to notify the coordinating unit', async () => {
    const answer = await service.encounterDischarge(discharge('klara'));
    expect(answer.status).toBe(200);
    const cards = cardsOf(right(validateCdsResponse(answer.body)));
    expect(cards.map((c) => c.summary)).toEqual([
      'Risikoskår 15 poeng: høy risiko',
      'Vurder å melde behov for koordinator og individuell plan til koordinerende enhet',
    ]);
    const notify = cards[1]!;
    // The duty is found in the law; consent and journaling are said; the trigger is marked as inferred.
    expect(notify.detail).toContain('helsepersonelloven § 38 a');
    expect(notify.detail).toContain('samtykkereglene gjelder');
    expect(notify.detail).toContain('utledet av dette biblioteket');
    expect(notify.source.url).toMatch(/^https:\/\/www\.helsedirektoratet\.no\/rundskriv\/helsepersonelloven-med-kommentarer\//);
    expect(notify.links!.map((l) => l.url)).toEqual([
      'https://lovdata.no/lov/1999-07-02-64/§38a',
      'https://lovdata.no/lov/1999-07-02-61/§2-5a',
    ]);
  });

  it('a low score gives the score card only', async () => {
    const cards = cardsOf((await service.encounterDischarge(discharge('nora'))).body);
    expect(cards.map((c) => c.summary)).toEqual(['Risikoskår 0 poeng: lav risiko']);
  });

  it('needs the encounter in the context: 400 naming context.encounterId', async () => {
    const body = discharge('klara') as { context: Json };
    delete body.context['encounterId'];
    const answer = await service.encounterDischarge(body);
    expect(answer.status).toBe(400);
    expect((answer.body as CdsServiceError).issues.map((i) => i.path)).toEqual(['context.encounterId']);
  });

  it('is reached by its id, and a patient-view body is not a discharge', async () => {
    expect((await service.call('oppfolgingsteam-discharge', discharge('klara'))).status).toBe(200);
    const wrong = await service.encounterDischarge(request('klara'));
    expect(wrong.status).toBe(400);
    expect((wrong.body as CdsServiceError).issues.map((i) => i.path)).toContain('hook');
  });
});

describe("today's date", () => {
  it.each([
    ['2026-12-31T22:59:59Z', '2026-12-31'], // 23:59:59 in Oslo (CET, +1)
    ['2026-12-31T23:00:00Z', '2027-01-01'], // midnight in Oslo, still 31 December in UTC
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'], // summer time (CEST, +2)
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night the clocks go forward
  ])('at %s UTC it is %s in Oslo', (utc, oslo) => {
    expect(osloDate(new Date(utc))).toBe(oslo);
  });

  it('is the default evaluation date, read per call', async () => {
    const before = osloDate();
    const cards = cardsOf((await createCdsService({ ruleSets: [ruleSet('identification')] }).patientView(request('klara'))).body);
    const after = osloDate();
    const asOf = (cards[0]!.extension!['oppfolgingsteam'] as { asOf: string }).asOf;
    expect([before, after]).toContain(asOf);
  });

  it('a function given as today is called for each request', async () => {
    const days = ['2026-11-23', '2026-11-24'];
    const s = createCdsService({ ruleSets: [ruleSet('identification')], today: () => days.shift()! });
    const asOf = async () =>
      (cardsOf((await s.patientView(request('klara'))).body)[0]!.extension!['oppfolgingsteam'] as { asOf: string }).asOf;
    expect(await asOf()).toBe('2026-11-23');
    expect(await asOf()).toBe('2026-11-24');
  });
});

describe('options that are not what they should be', () => {
  it.each([
    ['a rule set that is not compiled', { ruleSets: [ruleSet('identification'), { id: 'x' }] }, 'ruleSets[1]'],
    ['rule sets that are not a list', { ruleSets: 'identification' }, 'ruleSets'],
  ])('%s: every handler answers 500 naming the option, nothing throws', async (_what, options, path) => {
    const s = createCdsService(options as never);
    for (const answer of [await s.discovery(), await s.patientView(request('klara')), await s.feedback({}), await s.call('x', {})]) {
      expect(answer.status).toBe(500);
      expect((answer.body as CdsServiceError).issues.map((i) => i.path)).toEqual([path]);
    }
  });
});

describe('any body', () => {
  const hostile = createCdsService({
    ruleSets: [ruleSet('identification')],
    today: AS_OF,
    fetchPrefetch: () => {
      throw new Error('no');
    },
    issuedCardLookup: () => {
      throw new Error('no');
    },
  });
  // Near-valid bodies reach past the parser: a real request with one field replaced by any JSON.
  const nearValid = fc
    .tuple(fc.constantFrom('hook', 'hookInstance', 'context', 'prefetch', 'fhirServer', 'extra'), fc.jsonValue())
    .map(([k, v]) => ({ ...request('kasper'), [k]: v }));
  const bodies = fc.oneof(fc.jsonValue(), nearValid, fc.constant(undefined));

  it('every handler answers { status, body } with a plain JSON body, never an Either, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        for (const answer of [
          await hostile.patientView(body),
          await hostile.encounterDischarge(body),
          await hostile.feedback(body),
          await hostile.call('oppfolgingsteam', body),
        ]) {
          expect(Number.isInteger(answer.status)).toBe(true);
          expect([200, 400, 404, 412, 500]).toContain(answer.status);
          expect(typeof answer.body).toBe('object');
          expect(answer.body).not.toHaveProperty('_tag');
          expect(JSON.parse(JSON.stringify(answer.body))).toEqual(answer.body);
        }
      }),
      { numRuns: 150 },
    );
  });
});
