import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFacts, bundledCodeLists, deriveFacts } from '../../src/policy/index.js';
import { evaluate } from '../../src/index.js';
import { PathwayStage, ServiceKind } from '../../src/model/person.js';
import type { PersonInput } from '../../src/index.js';
import { readJson, right, ROOT, ruleSet } from '../support/helpers.js';

/*
 * Invariants the clinical review asked for, on generated persons in the public Person shape:
 * - no consent rule fires or asks for data unless a stage that needs consent is under way (a team, an
 *   individual plan, a coordinator, or a recorded consent), whatever else the record holds;
 * - the age is never negative: a birth date after the evaluation date gives an unknown age, and a
 *   partial birth date gives the age only when every day it can stand for gives that age.
 */

const facts = builtinFacts();
const codeLists = bundledCodeLists();
const consentRules = ruleSet('consent');

/** An ISO date from a day number (days since 1970-01-01). */
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: -20_000, max: 25_000 }); // 1915 to 2038
const birthArb = fc.oneof(
  dayArb.map(iso),
  dayArb.map((d) => iso(d).slice(0, 7)),
  dayArb.map((d) => iso(d).slice(0, 4)),
);

const consentArb = fc.record(
  {
    scope: fc.constantFrom('team', 'individual-plan', 'coordinator', 'information-sharing'),
    givenBy: fc.constantFrom('person', 'parent', 'representative', 'child-welfare'),
    date: fc.constant('2026-01-01'),
    parentsNotToBeInformed: fc.boolean(),
    allWithParentalResponsibility: fc.boolean(),
  },
  { requiredKeys: ['scope', 'givenBy', 'date'] },
);

/** Persons with nothing under way that needs consent: no team, plan or coordinator, no wish for a plan or a coordinator, no consent recorded. */
const noConsentStage: fc.Arbitrary<PersonInput> = fc
  .record(
    {
      birthDate: birthArb,
      consents: fc.constantFrom(undefined, [] as never[]),
      pathwayStage: fc.constantFrom(
        undefined,
        'candidate',
        'checkedOut',
        'offer',
        'declined',
        'referral',
        'assessment',
        'teamDecision',
        'otherFollowUp',
        'closed',
      ),
      preferences: fc.option(
        fc.record(
          { wantsTeam: fc.boolean(), wantsIndividualPlan: fc.constant(false), wantsCoordinator: fc.constant(false) },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      capacity: fc.option(fc.record({ consentCompetence: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
      social: fc.option(
        fc.record(
          { childWelfareInvolved: fc.boolean(), childWelfareCareTakeover: fc.boolean(), navInvolved: fc.boolean() },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      sharingObjections: fc.constantFrom(undefined, [] as never[], [{ date: '2026-01-01' }]),
      serviceNeeds: fc.option(
        fc.array(fc.record({ service: fc.constantFrom(...ServiceKind.options), longTerm: fc.boolean() }), { maxLength: 4 }),
        { nil: undefined },
      ),
      closedTeam: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map(({ closedTeam, ...rest }) => {
    const p: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) p[k] = v;
    // A closed team is no team: the stage is over.
    if (closedTeam) p['team'] = { members: [{ service: 'nav' }, { service: 'school' }, { service: 'relative' }], status: 'closed' };
    return p as PersonInput;
  });

describe('clinical invariants', () => {
  it('no consent prompt and no consent data request without a stage that needs consent', () => {
    fc.assert(
      fc.property(noConsentStage, fc.constantFrom('2026-11-23', '2030-06-01'), (p, asOf) => {
        const d = right(evaluate(consentRules, p, { asOf, trace: 'none' }));
        expect(d.prompts.map((x) => x.ruleId)).toEqual([]);
        expect(d.dataNeeded.map((x) => x.ruleId)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('the stage is what wakes the consent rules: the same person with a team or a consent is asked about consent', () => {
    fc.assert(
      fc.property(noConsentStage, consentArb, (p, c) => {
        const withTeam = right(
          evaluate(consentRules, { ...p, team: { members: [{ service: 'gp' }] } }, { asOf: '2026-11-23', trace: 'none' }),
        );
        const withConsent = right(evaluate(consentRules, { ...p, consents: [c] } as PersonInput, { asOf: '2026-11-23', trace: 'none' }));
        // With a team, the team consent is missing or at least unknown; with a consent, the consent rules look at it.
        expect(withTeam.outcomes.find((o) => o.ruleId === 'CONSENT-TEAM-MISSING')!.outcome).not.toBe(false);
        expect(withConsent.outcomes.some((o) => o.outcome !== false)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a host-recorded stage of the team phase puts the consent rules to work even before the team record exists', () => {
    for (const stage of ['teamEstablishment', 'planning', 'planActive', 'evaluation'] as const) {
      expect(PathwayStage.options).toContain(stage);
      const d = right(
        evaluate(consentRules, { birthDate: '1950-01-01', consents: [], pathwayStage: stage }, { asOf: '2026-11-23', trace: 'none' }),
      );
      expect(
        d.prompts.map((x) => x.ruleId),
        stage,
      ).toContain('CONSENT-TEAM-MISSING');
    }
  });

  it('the age is never negative, and a birth date after the evaluation date gives no age and no child', () => {
    fc.assert(
      fc.property(birthArb, dayArb, (birthDate, asOfDay) => {
        const asOf = iso(asOfDay);
        const f = deriveFacts({ birthDate }, asOf, facts, codeLists);
        const age = f['age'] as number | undefined;
        if (age !== undefined) expect(age).toBeGreaterThanOrEqual(0);
        if (birthDate.length === 10 && birthDate > asOf) {
          expect(age).toBeUndefined();
          expect(f['isChild']).toBeUndefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a partial birth date gives an age only when every day it can stand for gives that same age', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.boolean(), (birthDay, asOfDay, monthOnly) => {
        const full = iso(birthDay);
        const partial = monthOnly ? full.slice(0, 7) : full.slice(0, 4);
        const asOf = iso(asOfDay);
        const age = deriveFacts({ birthDate: partial }, asOf, facts, codeLists)['age'];
        const first = monthOnly ? `${partial}-01` : `${partial}-01-01`;
        const last = monthOnly
          ? iso(Math.round(Date.UTC(Number(partial.slice(0, 4)), Number(partial.slice(5, 7)), 1) / 86_400_000) - 1)
          : `${partial}-12-31`;
        const ages = [first, full, last].map((b) => deriveFacts({ birthDate: b }, asOf, facts, codeLists)['age']);
        if (age !== undefined) expect(ages).toEqual([age, age, age]);
        else expect(new Set(ages).size > 1 || ages.includes(undefined)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('what the prompts say about consent and confidentiality', () => {
  const rules = ['identification', 'rights', 'consent', 'assessment', 'team', 'plan', 'evaluation', 'transition'].flatMap(
    (id) => (readJson(`rules/${id}.json`) as { rules: { id: string; text: Record<'nb' | 'nn' | 'en', string> }[] }).rules,
  );
  const text = (id: string) => rules.find((r) => r.id === id)!.text;

  it('every prompt that asks for consent before sharing with child welfare says the duty to inform child welfare needs none (hpl. § 33)', () => {
    // Texts that list child welfare among the services to share with (not those naming it as the one who consents).
    const asking = rules.filter((r) => /(skole|PP-tjenesten)[^.]*barnevern/i.test(r.text.nb) && /samtykke/i.test(r.text.nb));
    expect(asking.map((r) => r.id)).toContain('CONSENT-EXPLICIT-MEMBER');
    for (const r of asking) for (const lang of ['nb', 'nn', 'en'] as const) expect(r.text[lang], `${r.id} ${lang}`).toMatch(/§ 33/);
  });

  it('every prompt that suggests bringing in NAV, housing, school or relatives says that consent is needed', () => {
    for (const id of [
      'TEAM-SUGGEST-NAV',
      'TEAM-SUGGEST-SCHOOL',
      'TEAM-SUGGEST-PROVIDERS',
      'ID-SOCIAL-PRIORITY',
      'ASSESS-LKT',
      'CONSENT-RELATIVE-MEMBER',
    ]) {
      const t = text(id);
      expect(t.nb, id).toMatch(/samtykk/);
      expect(t.nn, id).toMatch(/samtykk/);
      expect(t.en, id).toMatch(/consent/);
    }
  });

  it("no prompt tells the clinician to get the parents' consent without naming the young person's own consent at 12–15", () => {
    // Wherever a text says the parents consent under 16, it also names § 4-3 c (or the rule is about parents who have already consented).
    for (const r of rules.filter((x) => /foreldre(ne)? (samtykker )?under 16/i.test(x.text.nb)))
      expect(r.text.nb, r.id).toMatch(/§ 4-3 første ledd bokstav c/);
  });
});

describe('sources at their published addresses', () => {
  const FORBIDDEN = /seed \d|\(seed|domain(-verified)?(\.md)?\s*(§|\d|\()|domain research|enonic|xpqa|staging/i;
  /** Every `source` object in a JSON value (rules, parameters, vectors, code lists). */
  const sources = (v: unknown, out: unknown[] = []): unknown[] => {
    if (Array.isArray(v)) v.forEach((x) => sources(x, out));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'source' ? out.push(x) : sources(x, out);
    return out;
  };
  const files = [
    ...readdirSync(join(ROOT, 'rules'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `rules/${f}`),
    ...readdirSync(join(ROOT, 'rules/code-lists'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `rules/code-lists/${f}`),
  ];

  it('the check itself catches an internal note and the staging host', () => {
    expect(FORBIDDEN.test('Helsedirektoratet webinar 15.04.2021 (seed 004)')).toBe(true);
    expect(FORBIDDEN.test('domain-verified.md §5.2')).toBe(true);
    expect(FORBIDDEN.test('https://helsedirektoratet-helsenett-xpqa.enonic.cloud/rundskriv/x')).toBe(true);
    expect(FORBIDDEN.test('NICE NG56 1.2.1')).toBe(false);
  });

  for (const file of files)
    it(`${file}: no source names an internal note or a staging host`, () => {
      const bad = sources(readJson(file)).filter((s) => FORBIDDEN.test(JSON.stringify(s)));
      expect(bad).toEqual([]);
    });

  it('the built-in facts cite no internal note either', () => {
    const bad = [...facts.values()].filter((d) => d.source !== undefined && FORBIDDEN.test(JSON.stringify(d.source))).map((d) => d.name);
    expect(bad).toEqual([]);
  });
});
