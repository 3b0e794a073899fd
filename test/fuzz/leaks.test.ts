import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateFacts, parsePerson } from '../../src/index.js';
import { parseVectorFile, runVectors } from '../../src/policy/index.js';
import type { ConditionTrace, Decision, FactTrace } from '../../src/index.js';
import { ruleSet } from '../support/helpers.js';

/*
 * No leaks (issue 8, point 3). Persons whose every free value carries a unique marker are broken in
 * many ways; the marker must never appear in the error, which may carry paths and codes only. And a
 * redacted trace, meant for audit logs, must hold no fact value from the person. (That the library
 * writes nothing to the console is enforced for every test by test/setup/noConsole.ts.)
 */
const AS_OF = '2026-11-23';
const rs = ruleSet('identification');

/** A marker: text that cannot occur in a message by chance, and a number whose printed form is as unlikely. */
const marker = fc.record({
  text: fc.stringMatching(/^[a-z]{4}$/).map((s) => `zq${s}xj`),
  number: fc.integer({ min: 100, max: 999 }).map((n) => n + 0.5731),
});
type Marker = { text: string; number: number };

/** A valid person whose free text and measured numbers carry the marker. */
function markedPerson(m: Marker): Record<string, unknown> {
  const small = Math.round((m.number % 10) * 1000) / 1000; // 0–10 scales, still with the marker's decimals
  return {
    id: `Patient/${m.text}`,
    birthDate: '1944-05-17',
    municipality: '4601',
    diagnoses: [
      { system: 'ICPC-2', code: 'K77' },
      { system: 'ICD-10', code: 'F32.1' },
    ],
    encounters: [{ type: 'emergency-admission', date: '2026-09-01', lengthOfStayDays: 3 }],
    medications: [{ atc: 'C07AB02', regimen: 'regular' }],
    municipalServices: [{ type: 'home-nursing', hoursPerWeek: m.number % 168 }],
    iplos: [{ variable: `${m.text} ute`, score: 4, date: '2026-03-01' }],
    functionMeasures: [
      { instrument: 'PSFS', date: '2026-03-01', direction: 'higher-is-better', activities: [{ activity: `gå ${m.text}`, score: small }] },
    ],
    frailty: { fallsLast12Months: 2, selfRatedHealth: small, gaitSpeed4mSeconds: m.number % 600 },
    social: { livesAlone: true },
    whatMatters: [{ text: `Å bo hjemme, ${m.text}`, date: '2026-11-02' }],
    consents: [{ scope: 'team', givenBy: 'person', date: '2026-10-01', purpose: `Samarbeid ${m.text}`, informationCategories: [m.text] }],
    coordinator: { name: `Kari ${m.text}`, service: 'home-nursing' },
    team: { members: [{ service: 'gp', name: `Dr ${m.text}` }] },
    individualPlan: { goals: [{ id: 'g1', text: `Mål ${m.text}` }], measures: [{ id: 'm1', text: `Tiltak ${m.text}` }] },
  };
}

function leaves(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  else out.push(path);
  return out;
}

/** A replacement that breaks the field it lands on and carries the marker: another type, an out-of-range number, a too-long text, a bad format. */
function breaking(old: unknown, m: Marker): fc.Arbitrary<unknown> {
  const wrongType =
    typeof old === 'string'
      ? fc.constantFrom<unknown>(m.number, [m.text], { v: m.text }, true)
      : fc.constantFrom<unknown>(m.text, [m.number], { v: m.number });
  // Every string field of the person is at most 4,000 characters, so 4,800 and 18,000 are too long for any of them.
  const badValue =
    typeof old === 'string'
      ? fc.constantFrom<unknown>(
          `${m.text} `.repeat(2_000),
          `\u0000${m.text}`.repeat(600),
          ...(/^\d{4}-\d{2}-\d{2}$/.test(old) ? [`2026-02-30${m.text}`, `${m.text}-01-01`] : []),
        )
      : typeof old === 'number'
        ? fc.constantFrom<unknown>(m.number * 1000, -m.number, m.number + 1e6)
        : fc.constantFrom<unknown>(m.text, m.number);
  return fc.oneof(wrongType, badValue);
}

/** A marked person broken in one to three places, plus sometimes an unknown field holding the marker. */
const brokenPerson = marker.chain((m) => {
  const person = markedPerson(m);
  const paths = leaves(person);
  const edit = fc.nat({ max: paths.length - 1 }).chain((i) => {
    const path = paths[i]!;
    let old: unknown = person;
    for (const s of path) old = (old as Record<string | number, unknown>)[s];
    return breaking(old, m).map((value) => ({ path, value }));
  });
  return fc.tuple(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([edits, extra]) => {
    const p = structuredClone(person);
    for (const { path, value } of edits) {
      let parent = p as Record<string | number, unknown>;
      for (const s of path.slice(0, -1)) parent = parent[s] as Record<string | number, unknown>;
      parent[path.at(-1)!] = value;
    }
    if (extra) (p as Record<string, unknown>)['notAField'] = { secret: m.text, value: m.number };
    return { m, person: p };
  });
});

const leaks = (json: string, m: Marker) =>
  json.includes(m.text) ||
  json.includes(String(m.number)) ||
  json.includes(String(m.number * 1000)) ||
  json.includes(String(m.number + 1e6));

describe('no health data in error messages', () => {
  it('the marked person is valid as generated, and its markers are what a leak would show', () => {
    const m = { text: 'zqabcdxj', number: 123.5731 };
    const p = markedPerson(m);
    expect(parsePerson(p)._tag).toBe('Right');
    expect(leaks(JSON.stringify(p), m)).toBe(true);
  });

  it('parsePerson, evaluate and the vector runner report paths and codes, never a value', () => {
    fc.assert(
      fc.property(brokenPerson, fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>, ({ m, person }, lang) => {
        const parsed = parsePerson(person, lang);
        expect(parsed._tag, 'every generated person is invalid').toBe('Left');
        expect(leaks(JSON.stringify(parsed), m)).toBe(false);
        const evaluated = evaluate(rs, person, { asOf: AS_OF, lang });
        expect(evaluated._tag).toBe('Left');
        expect(leaks(JSON.stringify(evaluated), m)).toBe(false);
        // A vector file may refuse the person itself (a 20,000-character string); either way, no value comes back.
        const file = parseVectorFile({ ruleSet: 'identification', vectors: [{ name: 'v', asOf: AS_OF, person, expect: {} }] });
        const ran = file._tag === 'Right' ? runVectors(rs, file.right) : file;
        if (file._tag === 'Right') expect(runVectors(rs, file.right)[0]!.issues?.length).toBeGreaterThan(0);
        expect(leaks(JSON.stringify(ran), m)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('evaluateFacts rejects facts JSON cannot hold without echoing them', () => {
    fc.assert(
      fc.property(marker, (m) => {
        const r = evaluateFacts(rs, { age: [m.text, m.number, 10n ** 30n], frail: { note: m.text, when: new Date(0) } }, { asOf: AS_OF });
        expect(r._tag).toBe('Left');
        expect(
          leaks(
            JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? 'bigint' : v)),
            m,
          ),
        ).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});

function factLeaves(t: ConditionTrace, out: FactTrace[] = []): FactTrace[] {
  if (t.kind === 'fact') out.push(t);
  else if (t.kind === 'all' || t.kind === 'any') for (const c of t.children) factLeaves(c, out);
  else factLeaves((t as { child: ConditionTrace }).child, out);
  return out;
}
const allLeaves = (d: Decision) => (d.trace ?? []).flatMap((r) => factLeaves(r.conditions));

/** Fact values carrying the marker, of every type a fact can have. */
const markedFacts = marker.chain((m) =>
  fc
    .array(
      fc.constantFrom<unknown>(
        m.text,
        m.number,
        [m.text, m.number],
        { system: 'ICD-10', code: m.text, note: m.text },
        [{ system: 'ICPC-2', code: m.text }],
        `${m.text}-01-01`,
      ),
      {
        minLength: rs.slots.length,
        maxLength: rs.slots.length,
      },
    )
    .map((values) => ({ m, facts: Object.fromEntries(rs.slots.map((s, i) => [s.key, values[i]])) })),
);

describe('redacted traces hold no fact values', () => {
  it('no fact value given to evaluateFacts appears in a redacted decision (and all of them appear in a full one)', () => {
    fc.assert(
      fc.property(markedFacts, ({ m, facts }) => {
        const full = evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'full' });
        const redacted = evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'redacted' });
        if (full._tag === 'Left' || redacted._tag === 'Left') throw new Error('valid facts were refused');
        expect(JSON.stringify(full.right)).toContain(m.text);
        expect(leaks(JSON.stringify(redacted.right), m)).toBe(false);
        for (const leaf of allLeaves(redacted.right)) {
          expect(leaf).not.toHaveProperty('factValue');
          expect(leaf.redacted).toBe(true);
          if (leaf.valueFact !== undefined) expect(leaf.value).toBeNull();
        }
        // Redaction changes the trace only: outcomes, prompts and data needed are the same.
        expect({ ...redacted.right, trace: undefined }).toEqual({ ...full.right, trace: undefined });
      }),
      { numRuns: 60 },
    );
  });

  it('a redacted decision for a person keeps every outcome and no value the full trace shows', () => {
    fc.assert(
      fc.property(marker, fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>, (m, lang) => {
        const person = markedPerson(m);
        const full = evaluate(rs, person, { asOf: AS_OF, lang });
        const redacted = evaluate(rs, person, { asOf: AS_OF, lang, trace: 'redacted' });
        if (full._tag === 'Left' || redacted._tag === 'Left') throw new Error('the marked person was refused');
        const shown = allLeaves(full.right).filter((l) => l.factValue !== undefined);
        expect(shown.length).toBeGreaterThan(0);
        expect(allLeaves(redacted.right).filter((l) => 'factValue' in l)).toEqual([]);
        expect(leaks(JSON.stringify(redacted.right), m)).toBe(false);
        expect(redacted.right.outcomes).toEqual(full.right.outcomes);
      }),
      { numRuns: 25 },
    );
  });
});
