import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, compileRuleSet, evaluate, evaluateParsed } from '../../../src/index.js';
import {
  cardOptionsFromRequest,
  cdsDiscovery,
  CdsDiscovery,
  cdsResponse,
  CdsHooksResponse,
  FeedbackRecord,
  ingestFeedback,
  parseCdsHooksRequest,
  patientViewService,
  PREFETCH_TEMPLATES,
  resourcesToCreate,
  toCards,
  validateCdsResponse,
} from '../../../src/adapters/cdsHooks/index.js';
import { cdsInvariantIds } from '../../../src/adapters/cdsHooks/issueMessages.js';
import { personFromPrefetch } from '../../../src/adapters/fhir/index.js';
import { summaryOf } from '../../../src/adapters/cdsHooks/cards.js';
import type { CdsCard } from '../../../src/adapters/cdsHooks/index.js';
import type { CompiledRuleSet, Decision } from '../../../src/index.js';
import { patientViewRequest } from '../../../examples/node-epj/ehr.js';
import { fhirProblems } from '../../support/fhirSchema.js';
import { examplePerson, left, readJson, right, ruleSet } from '../../support/helpers.js';

/*
 * CDS Hooks 2.0: cards from every bundled rule set for every example person validate against the
 * response schema and its invariants; every suggested resource is valid FHIR R4; UUIDs are
 * deterministic; each invariant, when broken, is reported by its id; requests, discovery and
 * feedback round-trip.
 */

const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';
const PERSONS = ['klara', 'morten', 'kasper', 'nora'];
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function cardsFor(
  name: string,
  rs: CompiledRuleSet,
  extra: Partial<Parameters<typeof toCards>[2]> = {},
): { d: Decision; cards: CdsCard[] } {
  const d = right(evaluate(rs, examplePerson(name), { asOf: AS_OF }));
  return {
    d,
    cards: right(
      toCards(d, rs, {
        hookInstance: HOOK,
        patient: `Patient/${name}`,
        user: 'Practitioner/gp1',
        dataNeeded: 'all',
        score: 'always',
        findings: 'all',
        ...extra,
      }),
    ),
  };
}

describe('cards for every bundled rule set and example person', () => {
  for (const id of bundledRuleSetIds()) {
    for (const name of PERSONS) {
      it(`${id} × ${name}: a valid CDS Hooks response, valid FHIR suggestions`, () => {
        const rs = ruleSet(id);
        const { d, cards } = cardsFor(name, rs);
        const res = right(cdsResponse(cards));
        expect(res.cards.length).toBe(cards.length);
        expect(right(validateCdsResponse(JSON.parse(JSON.stringify(res))))).toEqual(res);
        // One card per prompt, with the prompt's severity as the indicator.
        const promptCards = cards.filter((c) => (c.extension?.['oppfolgingsteam'] as { kind: string }).kind === 'prompt');
        expect(promptCards.map((c) => c.source.topic?.code).sort()).toEqual(d.prompts.map((p) => p.ruleId).sort());
        for (const c of promptCards) expect(c.indicator).toBe(d.prompts.find((p) => p.ruleId === c.source.topic?.code)!.severity);
        const uuids = cards.flatMap((c) => [c.uuid!, ...(c.suggestions ?? []).map((s) => s.uuid!)]);
        expect(new Set(uuids).size).toBe(uuids.length);
        for (const u of uuids) expect(u).toMatch(UUID_V8);
        for (const c of cards) {
          expect(c.summary.length).toBeLessThan(140);
          expect(c.overrideReasons!.every((r) => r.display && r.display.length > 0)).toBe(true);
          for (const s of c.suggestions ?? []) for (const a of s.actions ?? []) expect(fhirProblems(a.resource)).toEqual([]);
          expect(JSON.stringify(c)).not.toMatch(/\{[a-zA-Z]+\}/);
        }
      });
    }
  }

  it('by default a finding (trigger, sub-group, multimorbidity) is not a card of its own; its prompt names it in the "why"', () => {
    const rs = ruleSet('identification');
    const d = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF }));
    const findingIds = d.findings.filter((f) => f.type === 'finding').map((f) => f.ruleId);
    expect(findingIds.length).toBeGreaterThan(0);
    const byDefault = right(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/klara' })).map((c) => c.source.topic?.code);
    for (const id of findingIds) expect(byDefault).not.toContain(id);
    expect(byDefault).toContain('ID-TARGET-GROUP');
    const all = right(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/klara', findings: 'all' })).map((c) => c.source.topic?.code);
    for (const id of findingIds) expect(all).toContain(id);
  });

  it('the target-group card suggests a Task (recommended), a proposed CareTeam and a draft Goal', () => {
    const { cards } = cardsFor('klara', ruleSet('identification'));
    const card = cards.find((c) => c.source.topic?.code === 'ID-TARGET-GROUP')!;
    expect(card.selectionBehavior).toBe('any');
    const created = card.suggestions!.map((s) => [s.isRecommended === true, s.actions![0]!.resource!['resourceType']]);
    expect(created).toEqual([
      [true, 'Task'],
      [false, 'CareTeam'],
      [false, 'Goal'],
    ]);
    const team = card.suggestions![1]!.actions![0]!.resource as unknown as {
      status: string;
      participant: { role: { coding: { code: string }[] }[]; member?: { reference: string } }[];
    };
    expect(team.status).toBe('proposed');
    const roles = team.participant.map((p) => p.role[0]!.coding[0]!.code);
    expect(roles).toEqual(['person', 'coordinator', 'gp']);
    expect(team.participant[2]!.member).toEqual({ reference: 'Practitioner/gp1' });
    const goal = card.suggestions![2]!.actions![0]!.resource as unknown as { lifecycleStatus: string; expressedBy: unknown };
    expect(goal).toMatchObject({ lifecycleStatus: 'proposed', expressedBy: { reference: 'Patient/klara' } });
    expect(card.detail).toContain('**Hvorfor:**');
    expect(card.source.url).toMatch(/^https:\/\//);
  });

  it('UUIDs depend on rule-set version, rule, person and hook instance, and on nothing else', () => {
    const rs = ruleSet('identification');
    const a = cardsFor('klara', rs).cards.map((c) => c.uuid);
    expect(cardsFor('klara', rs).cards.map((c) => c.uuid)).toEqual(a);
    expect(cardsFor('klara', rs, { lang: 'en' }).cards.map((c) => c.uuid)).toEqual(a);
    const other = cardsFor('klara', rs, { hookInstance: '00000000-0000-4000-8000-000000000001' }).cards.map((c) => c.uuid);
    expect(other.filter((u) => a.includes(u))).toEqual([]);
    const otherPatient = cardsFor('klara', rs, { patient: 'Patient/other' }).cards.map((c) => c.uuid);
    expect(otherPatient.filter((u) => a.includes(u))).toEqual([]);
    const bumped = right(compileRuleSet({ ...(rs.file as object), version: '1.0.1' }));
    const d = right(evaluate(bumped, examplePerson('klara'), { asOf: AS_OF }));
    const v2 = right(toCards(d, bumped, { hookInstance: HOOK, patient: 'Patient/klara', dataNeeded: 'all', score: 'always' })).map(
      (c) => c.uuid,
    );
    expect(v2.filter((u) => a.includes(u))).toEqual([]);
  });

  it('cards exist in nb, nn and en', () => {
    const rs = ruleSet('identification');
    const [nb, nn, en] = (['nb', 'nn', 'en'] as const).map((lang) => cardsFor('klara', rs, { lang }).cards[0]!) as [
      CdsCard,
      CdsCard,
      CdsCard,
    ];
    expect(new Set([nb.summary, nn.summary, en.summary]).size).toBe(3);
    expect(nn.detail).toContain('**Kvifor:**');
    expect(en.detail).toContain('**Why:**');
    expect(nn.overrideReasons![2]!.display).toBe('Ikkje aktuelt no');
  });
});

describe('any rule set', () => {
  const long =
    'Dette er en svært lang tittel som med vilje er skrevet for å gå over grensen på hundre og førti tegn for et kort i CDS Hooks, slik at den må kuttes pent';
  const file = {
    id: 'synthetic',
    version: '0.1.0',
    validFrom: '2026-01-01',
    title: { nb: 'Syntetisk', nn: 'Syntetisk', en: 'Synthetic' },
    rules: [
      {
        id: 'SYN-CRITICAL',
        title: { nb: long, nn: long, en: long },
        text: { nb: 'Tekst med <script>alert(1)</script> og *stjerner*', nn: 'Tekst', en: 'Text' },
        source: { document: 'Test', section: '1' },
        evidence: 'inferred',
        severity: 'critical',
        conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
        event: { type: 'prompt', params: { suggest: ['care-team', 'not-a-kind'] } },
      },
      {
        id: 'SYN-UNKNOWN',
        title: { nb: 'Ukjent', nn: 'Ukjend', en: 'Unknown' },
        text: { nb: 'x', nn: 'x', en: 'x' },
        source: { document: 'Test', section: '2' },
        evidence: 'found',
        severity: 'warning',
        conditions: { all: [{ fact: 'livesAlone', operator: 'equal', value: true }] },
        event: { type: 'prompt' },
      },
    ],
  };

  it('long titles, no URL, markup in texts, rule-chosen suggestions and data-needed cards', () => {
    const rs = right(compileRuleSet(file));
    const d = right(evaluate(rs, { birthDate: '1950-01-01' }, { asOf: AS_OF }));
    const cards = right(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/x' }));
    right(cdsResponse(cards));
    const [crit, needed] = cards;
    expect(crit!.indicator).toBe('critical');
    expect(crit!.summary.length).toBeLessThan(140);
    expect(crit!.summary.endsWith('…')).toBe(true);
    expect(crit!.source.url).toBeUndefined();
    expect(crit!.detail).not.toContain('<script>');
    expect(crit!.detail).toContain('\\<script\\>');
    expect(crit!.suggestions!.map((s) => (s.extension!['oppfolgingsteam'] as { kind: string }).kind)).toEqual(['care-team']);
    expect(crit!.selectionBehavior).toBe('at-most-one');
    expect((needed!.extension!['oppfolgingsteam'] as { kind: string }).kind).toBe('data-needed');
    expect(needed!.summary).toBe('Mangler data: Ukjent');
    expect(right(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/x', dataNeeded: 'none' }))).toHaveLength(1);
  });

  it('a summary is always one line under 140 characters', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.string({ maxLength: 30 }),
            fc.string({ minLength: 130, maxLength: 400, size: 'max' }),
            fc.array(fc.constantFrom('ord', 'og', 'oppfølging', ' ', '\n'), { minLength: 40, maxLength: 120 }).map((a) => a.join(' ')),
          )
          .filter((s) => s.trim() !== ''),
        (s) => {
          const out = summaryOf(s);
          expect(out.length).toBeGreaterThan(0);
          expect(out.length).toBeLessThan(140);
          expect(out).not.toMatch(/\n/);
          if (s.replace(/\s+/g, ' ').trim().length < 140) expect(out).toBe(s.replace(/\s+/g, ' ').trim());
          else expect(out.endsWith('…')).toBe(true);
        },
      ),
    );
  });

  it('a decision with another rule set, or an empty hookInstance, is a typed error in the requested language, not a TypeError', () => {
    const rs = right(compileRuleSet(file));
    const d = right(evaluate(ruleSet('identification'), { birthDate: '1950-01-01' }, { asOf: AS_OF }));
    const other = left(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/x', lang: 'nn' }));
    expect(other).toMatchObject({ _tag: 'InvalidCdsHooks', message: 'cards', issues: [{ path: 'ruleSet', code: 'cds_other_rule_set' }] });
    expect(other.issues[0]!.message).toContain('regelsettet (id og versjon) som avgjerda kjem frå');
    const en = left(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/x', lang: 'en' }));
    expect(en.issues[0]!.message).toMatch(/is not the rule set \(id and version\) the decision came from/);
    const own = right(evaluate(rs, {}, { asOf: AS_OF }));
    expect(left(toCards(own, rs, { hookInstance: '', patient: 'Patient/x' })).issues).toMatchObject([
      { path: 'hookInstance', code: 'missing' },
    ]);
    expect(left(toCards(own, rs, { hookInstance: HOOK } as never)).issues).toMatchObject([{ path: 'patient', code: 'missing' }]);
  });
});

describe('the response schema enforces cds-resp-1..7 and "omitted, never empty"', () => {
  const task = { resourceType: 'Task', status: 'requested', intent: 'plan' };
  const base = () => ({
    uuid: '9c1e4c24-9db5-8e4a-951a-03dc297c690d',
    summary: 'Vurder oppfølgingsteam',
    indicator: 'info',
    source: { label: 'Veileder' },
  });
  const broken: Record<string, Record<string, unknown>> = {
    'cds-resp-1': {
      ...base(),
      selectionBehavior: 'at-most-one',
      suggestions: [
        { label: 'a', isRecommended: true, actions: [{ type: 'create', description: 'a', resource: task }] },
        { label: 'b', isRecommended: true, actions: [{ type: 'create', description: 'b', resource: task }] },
      ],
    },
    'cds-resp-2': {
      ...base(),
      selectionBehavior: 'any',
      suggestions: [{ label: 'a', actions: [{ type: 'delete', description: 'd', resource: task }] }],
    },
    'cds-resp-3': { ...base(), links: [{ label: 'l', url: 'https://example.org', type: 'absolute', appContext: 'x' }] },
    'cds-resp-4': { ...base(), overrideReasons: [{ system: 'urn:x', code: 'c' }] },
    'cds-resp-5': { ...base(), selectionBehavior: 'any', suggestions: [{ label: 'a', actions: [{ type: 'create', resource: task }] }] },
    'cds-resp-6': { ...base(), suggestions: [{ label: 'a', actions: [{ type: 'create', description: 'a', resource: task }] }] },
    'cds-resp-7': {
      ...base(),
      selectionBehavior: 'any',
      suggestions: [{ label: 'a', actionSelectionBehavior: 'some', actions: [{ type: 'create', description: 'a', resource: task }] }],
    },
  };

  it('the base card is valid', () => {
    right(validateCdsResponse({ cards: [base()] }));
    right(validateCdsResponse({ cards: [] }));
  });

  for (const id of cdsInvariantIds().filter((i) => i.startsWith('cds-resp'))) {
    it(`${id} is enforced and named`, () => {
      expect(broken[id], `no breaking example for ${id}`).toBeDefined();
      const e = left(validateCdsResponse({ cards: [broken[id]] }, 'en'));
      const hit = e.issues.find((i) => i.code === 'cds_invariant' && i.detail?.['invariant'] === id);
      expect(hit, JSON.stringify(e.issues)).toBeDefined();
      expect(hit!.message).toContain(id);
      expect(hit!.path.startsWith('cards[0]')).toBe(true);
    });
  }

  it('empty optional fields and null are rejected; the summary is under 140 characters', () => {
    const e = left(
      validateCdsResponse({
        cards: [{ ...base(), detail: '', links: [], source: { label: 'x', topic: {} }, overrideReasons: null }],
        systemActions: [],
      }),
    );
    expect(
      e.issues
        .filter((i) => i.code === 'cds_empty')
        .map((i) => i.path)
        .sort(),
    ).toEqual(['cards[0].detail', 'cards[0].links', 'cards[0].overrideReasons', 'cards[0].source.topic', 'systemActions'].sort());
    const long = left(validateCdsResponse({ cards: [{ ...base(), summary: 'x'.repeat(140) }] }));
    expect(long.issues.map((i) => [i.code, i.path])).toEqual([['too_big', 'cards[0].summary']]);
    // The zod schema alone (for vendors who use it directly) also refuses an empty extension.
    const direct = CdsHooksResponse.safeParse({ cards: [{ ...base(), extension: {} }] });
    expect(direct.success).toBe(false);
    expect(left(validateCdsResponse({ cards: [{ ...base(), extension: {} }] })).issues.map((i) => [i.code, i.path])).toEqual([
      ['cds_empty', 'cards[0].extension'],
    ]);
    const typo = left(validateCdsResponse({ cards: [{ ...base(), sumary: 'x' }] }));
    expect(typo.issues.map((i) => i.code)).toContain('unknown_key');
  });
});

describe('request, discovery and the whole patient-view call', () => {
  const record = readJson('examples/fhir/klara.json') as Parameters<typeof patientViewRequest>[0];
  const request = patientViewRequest(record, HOOK, 'Practitioner/gp-klara');

  it('a request from the EPJ is accepted, and its prefetch gives the same cards as the person', () => {
    const req = right(parseCdsHooksRequest(request));
    const read = right(personFromPrefetch(req.prefetch, { patientId: req.context.patientId }));
    const rs = ruleSet('identification');
    const viaHook = right(toCards(evaluateParsed(rs, read.person, { asOf: AS_OF }), rs, cardOptionsFromRequest(req)));
    // Klara's FHIR record lacks the frailty screening and social facts, so compare with the person without them.
    const { frailty: _f, social: _s, municipalServices: _m, ...fhirOnly } = examplePerson('klara');
    const direct = right(
      toCards(right(evaluate(rs, { ...fhirOnly, id: 'Patient/klara' }, { asOf: AS_OF })), rs, {
        hookInstance: HOOK,
        patient: 'Patient/klara',
        user: 'Practitioner/gp-klara',
      }),
    );
    expect(viaHook).toEqual(direct);
    expect(cardOptionsFromRequest(req)).toEqual({ hookInstance: HOOK, patient: 'Patient/klara', user: 'Practitioner/gp-klara' });
  });

  it('invalid requests are errors with paths, never echoing values', () => {
    const token = 'secret-token-value-123';
    const bad = {
      ...request,
      hook: 'order-sign',
      hookInstance: undefined,
      fhirAuthorization: { access_token: token, token_type: 'Bearer', expires_in: 'soon', scope: 'x', subject: 'y' },
    };
    const e = left(parseCdsHooksRequest(bad, 'en'));
    expect(e._tag).toBe('InvalidCdsHooks');
    expect(e.message).toBe('request');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['fhirAuthorization.expires_in', 'hook', 'hookInstance']);
    expect(JSON.stringify(e)).not.toContain(token);
    expect(left(parseCdsHooksRequest({ ...request, context: { patientId: 'klara' } })).issues[0]!.path).toBe('context.userId');
  });

  it('the discovery object names patient-view and the prefetch the FHIR adapter reads', () => {
    const svc = patientViewService({ ruleSets: [ruleSet('identification')], lang: 'nn' });
    const doc = CdsDiscovery.parse(cdsDiscovery([svc]));
    expect(doc.services[0]!.hook).toBe('patient-view');
    expect(Object.keys(doc.services[0]!.prefetch!)).toEqual(Object.keys(PREFETCH_TEMPLATES));
    expect(doc.services[0]!.prefetch!['patient']).toBe('Patient/{{context.patientId}}');
    expect(svc.description).toContain(`Tidleg identifisering ${ruleSet('identification').version}`);
    expect(patientViewService({ lang: 'en' }).title).not.toBe(svc.title);
  });

  it('without rule sets the service describes itself without a placeholder, in nb, nn and en', () => {
    const texts = (['nb', 'nn', 'en'] as const).map((lang) => patientViewService({ lang }));
    for (const svc of texts) {
      expect(svc.description).not.toMatch(/–|Regelsett|Rule sets/);
      expect(svc.extension).toBeUndefined();
      CdsDiscovery.parse(cdsDiscovery([svc]));
    }
    expect(texts[0]!.description).toMatch(/^Beslutningsstøtte etter Helsedirektoratets rammeverk/);
    expect(texts[1]!.description).toMatch(/^Avgjerdsstøtte etter Helsedirektoratet sitt rammeverk/);
    expect(texts[2]!.description).toMatch(/^Decision support following Helsedirektoratet's framework/);
    expect(new Set(texts.map((s) => s.usageRequirements)).size).toBe(3);
    expect(patientViewService({ ruleSets: [ruleSet('identification')], lang: 'en' }).description).toMatch(/ Rule sets: .+\.$/);
  });

  it('a patientId sent as a reference ("Patient/klara") is told that a bare id is expected, in nb, nn and en', () => {
    const sent = { ...request, context: { ...(request.context as object), patientId: 'Patient/klara' } };
    const msg = (lang: 'nb' | 'nn' | 'en') => {
      const e = left(parseCdsHooksRequest(sent, lang));
      expect(e.issues).toMatchObject([{ path: 'context.patientId', code: 'cds_bare_id' }]);
      expect(e.issues[0]!.message).not.toContain('klara');
      return e.issues[0]!.message;
    };
    expect(msg('nb')).toContain('uten ressurstypen foran (for eksempel «123», ikke «Patient/123»)');
    expect(msg('nn')).toContain('utan ressurstypen framfor (til dømes «123», ikkje «Patient/123»)');
    expect(msg('en')).toContain('without the resource type in front (for example "123", not "Patient/123")');
  });
});

describe('feedback', () => {
  const rs = ruleSet('identification');
  const { cards } = cardsFor('klara', rs);
  const target = cards.find((c) => c.source.topic?.code === 'ID-TARGET-GROUP')!;
  const info = cards.find((c) => c.indicator === 'info')!;
  const ts = '2026-11-23T10:15:00Z';

  it('accepted and overridden cards become records tied to the rule-set version', () => {
    const body = {
      feedback: [
        {
          card: target.uuid,
          outcome: 'accepted',
          acceptedSuggestions: [{ id: target.suggestions![0]!.uuid }, { id: target.suggestions![1]!.uuid }],
          outcomeTimestamp: ts,
        },
        {
          card: info.uuid,
          outcome: 'overridden',
          overrideReason: { reason: info.overrideReasons![0], userComment: 'Følges av hjemmesykepleien' },
          outcomeTimestamp: ts,
        },
        {
          card: info.uuid,
          outcome: 'overridden',
          overrideReason: { reason: { system: 'urn:ehr:own', code: 'busy', display: 'Travelt' } },
          outcomeTimestamp: '2026-11-23T11:15:00+01:00',
        },
      ],
    };
    const records = right(ingestFeedback(body, cards));
    for (const r of records) FeedbackRecord.parse(r);
    expect(records[0]).toMatchObject({
      cardUuid: target.uuid,
      cardKind: 'prompt',
      ruleSetId: 'identification',
      ruleSetVersion: rs.version,
      contentHash: rs.contentHash,
      ruleId: 'ID-TARGET-GROUP',
      outcome: 'accepted',
      acceptedSuggestions: [
        { uuid: target.suggestions![0]!.uuid, kind: 'assess-task' },
        { uuid: target.suggestions![1]!.uuid, kind: 'care-team' },
      ],
    });
    expect(records[1]!.overrideReason).toEqual({ ...info.overrideReasons![0], offered: true });
    expect(records[1]!.userComment).toBe('Følges av hjemmesykepleien');
    expect(records[2]!.overrideReason!.offered).toBe(false);
    // A host that keeps cards in a store looks them up by UUID.
    expect(right(ingestFeedback(body, (u) => cards.find((c) => c.uuid === u)))).toEqual(records);
  });

  it('cds-fb-1..3 are enforced and named', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['cds-fb-1', { card: info.uuid, outcome: 'ignored', outcomeTimestamp: ts }],
      ['cds-fb-2', { card: target.uuid, outcome: 'accepted', outcomeTimestamp: ts }],
      ['cds-fb-3', { card: info.uuid, outcome: 'overridden', overrideReason: {}, outcomeTimestamp: ts }],
    ];
    for (const [id, item] of cases) {
      const e = left(ingestFeedback({ feedback: [item] }, cards));
      expect(e.message).toBe('feedback');
      expect(
        e.issues.some((i) => i.code === 'cds_invariant' && i.detail?.['invariant'] === id),
        `${id}: ${JSON.stringify(e.issues)}`,
      ).toBe(true);
    }
    expect(
      left(ingestFeedback({ feedback: [{ card: info.uuid, outcome: 'overridden', outcomeTimestamp: 'yesterday' }] }, cards)).issues[0]!
        .path,
    ).toBe('feedback[0].outcomeTimestamp');
  });

  it('feedback on a card or suggestion the service did not issue is an error', () => {
    const unknownCard = left(
      ingestFeedback({ feedback: [{ card: '00000000-0000-4000-8000-000000000000', outcome: 'overridden', outcomeTimestamp: ts }] }, cards),
    );
    expect(unknownCard.issues.map((i) => [i.code, i.path])).toEqual([['cds_unknown_card', 'feedback[0].card']]);
    const unknownSuggestion = left(
      ingestFeedback(
        { feedback: [{ card: target.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: info.uuid }], outcomeTimestamp: ts }] },
        cards,
      ),
    );
    expect(unknownSuggestion.issues.map((i) => i.code)).toEqual(['cds_unknown_suggestion']);
  });

  it('an accepted suggestion gives FHIR resources to create, valid R4', () => {
    const resources = resourcesToCreate(
      target,
      target.suggestions!.map((s) => s.uuid!),
    );
    expect(resources.map((r) => r['resourceType'])).toEqual(['Task', 'CareTeam', 'Goal']);
    for (const r of resources) expect(fhirProblems(r)).toEqual([]);
    resources[0]!['status'] = 'changed';
    expect(resourcesToCreate(target, [target.suggestions![0]!.uuid!])[0]!['status']).toBe('requested');
  });
});
