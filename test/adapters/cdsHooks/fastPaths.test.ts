import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardOptions, CdsCard } from '../../../src/adapters/cdsHooks/index.js';
import { cdsResponse, toCards, validateCdsResponse } from '../../../src/adapters/cdsHooks/index.js';
import { acceptsResponse } from '../../../src/adapters/cdsHooks/fastResponse.js';
import { decisionForCardsIssues } from '../../../src/adapters/cdsHooks/decisionShape.js';
import { personFromBundle } from '../../../src/adapters/fhir/index.js';
import type { CompiledRuleSet, Decision } from '../../../src/index.js';
import { bundledRuleSetIds, evaluateAll, loadBundledRuleSet } from '../../../src/index.js';
import { generateCohort } from '../../../src/population/index.js';
import { examplePerson, readJson, right } from '../../support/helpers.js';

/*
 * The adapters' fast accept paths each have an off switch, `fastParse: false`: toCards' check of the
 * decision, cdsResponse's check of the cards, and personFromBundle's check of the person it read.
 * With the switch in either position the answer is the same, byte for byte (the cards, the response,
 * the person, or the same issue); the switch only changes how fast it comes. These properties hold
 * that on the cards of real decisions and on those cards and decisions damaged at random, where the
 * fast path must hand over to the full check rather than accept.
 */

const AS_OF = '2026-11-23';
const sets: CompiledRuleSet[] = bundledRuleSetIds().map((id) => right(loadBundledRuleSet(id)));
const persons = [...['klara', 'morten', 'kasper', 'nora'].map(examplePerson), ...generateCohort({ seed: 18, size: 30, asOf: AS_OF })];
const langs = fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>;
const BASE: CardOptions = { hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', patient: 'Patient/p1', user: 'Practitioner/gp1' };
const cardOptions = fc.record({
  lang: langs,
  score: fc.constantFrom('none', 'elevated', 'always') as fc.Arbitrary<'none' | 'elevated' | 'always'>,
  dataNeeded: fc.constantFrom('none', 'important', 'all') as fc.Arbitrary<'none' | 'important' | 'all'>,
  findings: fc.constantFrom('none', 'all') as fc.Arbitrary<'none' | 'all'>,
});
const decisionsOf = (person: unknown, trace: 'full' | 'redacted' | 'none' = 'full'): Decision[] =>
  right(evaluateAll(sets, person, { asOf: AS_OF, trace }));
const json = (x: unknown): string => JSON.stringify(x);

type Seg = string | number;
/** Every path inside a JSON value (to containers and leaves alike), the root left out. */
function paths(v: unknown, path: Seg[] = [], out: Seg[][] = []): Seg[][] {
  if (path.length > 0) out.push(path);
  if (typeof v !== 'object' || v === null) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...path, i], out));
  else for (const [k, x] of Object.entries(v)) paths(x, [...path, k], out);
  return out;
}
const at = (v: unknown, path: readonly Seg[]): Record<Seg, unknown> =>
  path.reduce<unknown>((o, s) => (o as Record<Seg, unknown>)[s], v) as Record<Seg, unknown>;

/** Values a damaged message may hold where something else was. */
const odd = fc.oneof(
  fc.constantFrom(null, '', [], {}, 0, -1, true, 'x', 'javascript:alert(1)', 'http://', 'info', 'any', 'at-most-one', 'delete'),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 139, maxLength: 141 }),
  fc.constant(Number.NaN),
  fc.constant(undefined),
  fc.constant([null]),
  fc.constant({ constructor: () => 1 }),
);

/** Fixed odd values for the exhaustive sweeps: one of each kind of damage. */
const ODD: readonly unknown[] = [
  undefined,
  null,
  '',
  [],
  {},
  0,
  Number.NaN,
  true,
  'x',
  'at-most-one',
  ' '.repeat(140),
  'javascript:alert(1)',
];

/** Every single-field damage of a value down to `depth` (outside the top-level fields `elsewhere`): each field replaced by each odd value, or removed. */
function* sweep(value: unknown, depth: number, elsewhere: readonly string[] = []): Generator<unknown> {
  for (const path of paths(value)) {
    if (path.length > depth || elsewhere.includes(String(path[0]))) continue;
    for (const v of [...ODD, 'remove']) {
      const copy = structuredClone(value);
      const parent = at(copy, path.slice(0, -1));
      const key = path[path.length - 1]!;
      if (v !== 'remove') parent[key] = v;
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      yield copy;
    }
  }
}

/**
 * One random edit of a JSON value (a deep copy), at a field or element chosen among all of them: it
 * is replaced or removed, a field or element is added next to it, or its object's keys are
 * reordered. Half of the edits land at most `shallow` levels down, where the fields a check reads
 * are (a decision's trace and a suggestion's FHIR resource hold most of the values), and outside the
 * top-level fields named `elsewhere`.
 */
const edit = (value: unknown, shallow: number, elsewhere: readonly string[] = []) =>
  fc
    .record({
      near: fc.boolean(),
      where: fc.nat(),
      what: fc.nat(3),
      name: fc.constantFrom('uuid', 'links', 'foo', 'extension', 'icon', 'display', 'actionSelectionBehavior', 'resourceId'),
      odd,
    })
    .map(({ near, where, what, name, odd: v }) => {
      const copy = structuredClone(value);
      const all = paths(copy).filter((p) => !near || (p.length <= shallow && !elsewhere.includes(String(p[0]))));
      const path = all[where % all.length]!;
      const parent = at(copy, path.slice(0, -1));
      const key = path[path.length - 1]!;
      if (what === 0) parent[key] = v;
      else if (what === 1 && Array.isArray(parent)) parent.splice(key as number, 1);
      else if (what === 1) delete parent[key];
      else if (what === 2) parent[Array.isArray(parent) ? parent.length : name] = v;
      else if (!Array.isArray(parent)) {
        // The same fields in another order: valid, but not in the order zod gives back.
        const entries = Object.entries(parent).reverse();
        for (const [x] of entries) delete parent[x];
        for (const [x, y] of entries) parent[x] = y;
      }
      return copy;
    });

describe('toCards, fastParse: false', () => {
  it('gives the cards the fast path gives, for any person, rule set and card options', () => {
    fc.assert(
      fc.property(fc.constantFrom(...persons), cardOptions, (person, opts) => {
        decisionsOf(person).forEach((d, i) => {
          const fast = right(toCards(d, sets[i]!, { ...BASE, ...opts }));
          expect(json(right(toCards(d, sets[i]!, { ...BASE, ...opts, fastParse: false })))).toBe(json(fast));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same answer on a damaged decision: the same issue, or the same cards', () => {
    const base = persons.map((p) => decisionsOf(p));
    fc.assert(
      fc.property(
        fc
          .nat(base.length - 1)
          .chain((p) => fc.nat(sets.length - 1).chain((s) => edit(base[p]![s], 4, ['outcomes', 'trace']).map((d) => ({ d, s })))),
        ({ d, s }) => {
          const fast = toCards(d as Decision, sets[s]!, BASE);
          const plain = toCards(d as Decision, sets[s]!, { ...BASE, fastParse: false });
          expect(json(fast)).toBe(json(plain));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same answer for every single-field damage of the fields toCards reads', () => {
    let n = 0;
    for (const p of persons.slice(0, 1))
      decisionsOf(p).forEach((d, s) => {
        for (const damaged of sweep(d, 4, ['outcomes', 'trace'])) {
          n++;
          expect(json(toCards(damaged as Decision, sets[s]!, BASE))).toBe(
            json(toCards(damaged as Decision, sets[s]!, { ...BASE, fastParse: false })),
          );
        }
      });
    expect(n).toBeGreaterThan(1000);
  }, 120_000);

  it('really takes the fast path for a decision fresh from evaluate (the switch is not a no-op)', () => {
    for (const p of persons.slice(0, 8))
      for (const trace of ['full', 'redacted', 'none'] as const)
        for (const d of decisionsOf(p, trace)) {
          // With the fast path the schema is never asked: a decision it accepts gives no issue without zod.
          expect(decisionForCardsIssues(d, 'nb', true)).toEqual([]);
        }
  });
});

describe('cdsResponse, fastParse: false', () => {
  const cardsOf = (person: unknown, opts: Partial<CardOptions> = {}): CdsCard[] =>
    decisionsOf(person).flatMap((d, i) => right(toCards(d, sets[i]!, { ...BASE, ...opts })));

  it('gives the response the fast path gives, for the cards of any person', () => {
    fc.assert(
      fc.property(fc.constantFrom(...persons), cardOptions, (person, opts) => {
        const cards = cardsOf(person, opts);
        const fast = right(cdsResponse(cards));
        expect(json(right(cdsResponse(cards, { fastParse: false })))).toBe(json(fast));
        expect(fast).toEqual(right(validateCdsResponse({ cards })));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same answer on damaged cards: the same issues, or the same response, keys in the same order', () => {
    const base = persons.slice(0, 10).map((p) => cardsOf(p, { score: 'always', dataNeeded: 'all', findings: 'all' }));
    fc.assert(
      fc.property(
        fc.nat(base.length - 1).chain((p) => edit(base[p]!, 6)),
        langs,
        (cards, lang) => {
          const fast = cdsResponse(cards as CdsCard[], { lang });
          const plain = cdsResponse(cards as CdsCard[], { lang, fastParse: false });
          expect(json(fast)).toBe(json(plain));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('gives the same answer for every single-field damage of the cards', () => {
    let n = 0;
    // Klara's cards of each kind: prompts with a suggestion each of their kinds, the score, data needed.
    const all = cardsOf(persons[0], { score: 'always', dataNeeded: 'all', findings: 'all' });
    const kinds = new Map<string, CdsCard>();
    for (const c of all) {
      const origin = (c.extension?.['oppfolgingsteam'] as { kind?: string } | undefined)?.kind ?? '';
      const suggestion = (c.suggestions?.[0]?.extension?.['oppfolgingsteam'] as { kind?: string } | undefined)?.kind ?? '';
      if (!kinds.has(origin + suggestion)) kinds.set(origin + suggestion, c);
    }
    const cards = [...kinds.values()];
    expect(cards.length).toBeGreaterThan(3);
    for (const damaged of sweep(cards, 6)) {
      n++;
      expect(json(cdsResponse(damaged as CdsCard[]))).toBe(json(cdsResponse(damaged as CdsCard[], { fastParse: false })));
    }
    expect(n).toBeGreaterThan(1000);
  }, 120_000);

  it('really accepts the cards toCards makes on the fast path (the switch is not a no-op)', () => {
    for (const p of persons.slice(0, 8)) {
      const cards = cardsOf(p, { score: 'always', dataNeeded: 'all', findings: 'all' });
      expect(cards.length).toBeGreaterThan(0);
      expect(acceptsResponse(JSON.parse(json({ cards })))).toBe(true);
    }
  });
});

describe('personFromBundle, fastParse: false', () => {
  const bundles = ['klara', 'morten', 'kasper', 'nora'].map((n) => readJson(`examples/fhir/${n}.json`));

  it('reads the person the fast path reads, with any supplement', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bundles),
        fc.option(fc.constantFrom(...persons), { nil: undefined }),
        langs,
        (bundle, supplement, lang) => {
          const { id: _id, birthDate: _b, ...rest } = (supplement ?? {}) as Record<string, unknown>;
          const options = { lang, ...(supplement ? { supplement: rest } : {}) };
          const fast = personFromBundle(bundle, options);
          expect(json(personFromBundle(bundle, { ...options, fastParse: false }))).toBe(json(fast));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same error for a supplement the schema refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bundles),
        edit({ whatMatters: [{ text: 'Å bo hjemme', date: '2026-01-01' }], frailty: 3 }, 2),
        (bundle, supplement) => {
          const fast = personFromBundle(bundle, { supplement: supplement as never });
          expect(json(personFromBundle(bundle, { supplement: supplement as never, fastParse: false }))).toBe(json(fast));
        },
      ),
      { numRuns: 200 },
    );
  });
});
