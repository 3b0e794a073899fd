import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Person, parsePerson } from '../../src/index.js';
import { generateCohort } from '../../src/population/index.js';
import { compileFastParse } from '../../src/model/fastParse.js';
import { examplePerson } from '../support/helpers.js';

/*
 * The fast accept path of parsePerson (src/model/fastParse.ts) may only ever say what zod says: when
 * it accepts an input, zod accepts it too and gives the same output, key order and keys given as
 * `undefined` included. These properties feed it valid persons and persons broken in every way the
 * fuzzer knows, and compare it with zod.
 */

const fast = compileFastParse(Person)!;

/** Keys in order, recursively, with `undefined` values kept: stricter than JSON or toEqual. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v === 'object' && v !== null) return Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])]);
  return v === undefined ? '<undefined>' : Object.is(v, -0) ? '<-0>' : v;
}

/** The property: the fast path gives up, or agrees with zod exactly. */
function agrees(input: unknown): boolean {
  const out = fast(input);
  if (out === undefined) return true;
  const z = Person.safeParse(input);
  expect(z.success).toBe(true);
  expect(shape(out)).toEqual(shape(z.data));
  return true;
}

const valid = [
  ...['klara', 'morten', 'kasper', 'nora'].map(examplePerson),
  // Dated falls: the synthetic cohort records falls only as a 12-month count.
  { ...examplePerson('klara'), falls: [{ date: '2026-03-10' }, { date: '2025-09-01' }] },
  ...generateCohort({ seed: 11, size: 300, asOf: '2026-11-23' }),
] as Record<string, unknown>[];

/** Every path to a value inside a JSON-like value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Replaces (or deletes, or adds a sibling key next to) the value at a path. */
function mutate(
  person: Record<string, unknown>,
  path: (string | number)[],
  how: 'replace' | 'delete' | 'add',
  value: unknown,
  key: string,
): unknown {
  const p = clone(person);
  if (path.length === 0) return how === 'replace' ? value : p;
  let parent: Record<string | number, unknown> = p;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'replace') parent[last] = value;
  else if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (!Array.isArray(parent)) parent[key] = value;
  return p;
}

describe('the fast path of parsePerson', () => {
  it('is compiled for the installed zod and the person schema', () => {
    expect(typeof fast).toBe('function');
  });

  it('accepts every valid person with exactly zod’s output', () => {
    for (const p of valid) {
      expect(fast(p)).not.toBeUndefined();
      agrees(p);
    }
  });

  it('never accepts what zod refuses, nor differs from zod, on persons broken in one place', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid.slice(0, 40)),
        fc.nat(),
        fc.constantFrom('replace', 'delete', 'add') as fc.Arbitrary<'replace' | 'delete' | 'add'>,
        fc.oneof(
          fc.anything({
            withNullPrototype: true,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
            withBoxedValues: true,
          }),
          fc.constantFrom(
            '',
            'x'.repeat(17),
            'x'.repeat(65),
            'x'.repeat(257),
            'x'.repeat(4_001),
            'x'.repeat(10_001),
            'T9',
            'P74',
            '2023-02-30',
            '2024-02-29',
            'A99',
            'ICPC-2',
            -0,
            Number.NaN,
            Infinity,
            1.5,
            2 ** 60,
            undefined,
            null,
            [],
            {},
          ),
        ),
        fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'code', 'type', 'date'),
        (person, at, how, value, key) => {
          const all = paths(person);
          return agrees(mutate(person, all[at % all.length]!, how, value, key));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts dated falls itself, with zod’s output, and leaves a bad date to zod', () => {
    const person = { falls: [{ date: '2026-03-10' }], frailty: { fallsLast12Months: 1 } };
    expect(fast(person)).toEqual(Person.parse(person));
    expect(fast({ falls: [{ date: '2026-02-30' }] })).toBeUndefined();
    expect(fast({ falls: [{ date: '2026-02-03', place: 'home' }] })).toBeUndefined();
  });

  it('puts keys given in another order into the schema’s order, as zod does', () => {
    const p = examplePerson('klara');
    const reversed = Object.fromEntries(Object.entries(p).reverse());
    const out = fast(reversed) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(Object.keys(right(Person.safeParse(p))));
    agrees(reversed);
  });

  it('gives up when a known key is inherited without being enumerable, which zod reads and the walk would miss', () => {
    // zod reads each schema key by `in` and index, so a value on a changed Object.prototype is parsed
    // into its output; the fast path walks own enumerable keys only and must leave such input to zod.
    Object.defineProperty(Object.prototype, 'sex', { value: 'female', enumerable: false, configurable: true });
    try {
      const input = { birthDate: '1950-01-01' };
      expect(fast(input)).toBeUndefined();
      const viaLibrary = parsePerson(input);
      const viaZod = right(Person.safeParse(input));
      expect(viaZod.sex).toBe('female');
      expect(viaLibrary._tag === 'Right' && viaLibrary.right.sex).toBe('female');
    } finally {
      delete (Object.prototype as Record<string, unknown>)['sex'];
    }
  });

  it('keeps a key given as undefined, as zod does', () => {
    const out = fast({ birthDate: '1950-01-01', sex: undefined }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['birthDate', 'sex']);
    agrees({ birthDate: '1950-01-01', sex: undefined });
  });

  it('gives up on what only zod can describe, and parsePerson then reports it', () => {
    const hidden = { birthDate: '1950-01-01' };
    Object.defineProperty(hidden, 'sex', { value: 'female', enumerable: false });
    const getter = {
      get birthDate() {
        return '1950-01-01';
      },
    };
    const withSymbol = { birthDate: '1950-01-01', [Symbol('s')]: 1 };
    const cases: unknown[] = [
      hidden,
      Object.assign(Object.create({ inherited: 1 }), { birthDate: '1950-01-01' }),
      new Map(),
      { birthDate: '1950-01-01', extra: 1 },
      { birthDate: 'x'.repeat(10_001) },
      { diagnoses: [{ system: 'ICPC-2', code: 'T90' }, undefined] },
      { whatMatters: Array.from({ length: 2_001 }, () => ({ text: 'x', date: '2026-01-01' })) },
      { id: 'x'.repeat(257) },
      JSON.parse('{"__proto__": {"x": 1}, "birthDate": "1950-01-01"}'),
    ];
    for (const c of cases) {
      expect(fast(c)).toBeUndefined();
      agrees(c);
    }
    // What the fast path gives up on but zod accepts still parses, through zod.
    expect(parsePerson(hidden)._tag).toBe('Right');
    expect(fast(getter)).not.toBeUndefined();
    agrees(getter);
    agrees(withSymbol);
    expect(parsePerson({ birthDate: 'x'.repeat(10_001) })._tag).toBe('Left');
  });

  it('is not compiled for schema kinds it does not know, so it never guesses', () => {
    expect(compileFastParse(z.strictObject({ a: z.string().transform((s) => s.length) }))).toBeUndefined();
    expect(compileFastParse(z.object({ a: z.string() }))).toBeUndefined(); // not strict: unknown keys are stripped
    expect(compileFastParse(z.strictObject({ a: z.lazy(() => z.string()) }))).toBeUndefined();
    expect(compileFastParse(z.strictObject({ a: z.union([z.string(), z.number()]) }))).toBeUndefined();
    expect(compileFastParse(z.coerce.number())).toBeUndefined();
    expect(compileFastParse(z.strictObject({ toString: z.string() }))).toBeUndefined();
  });
});

function right<T>(r: { success: boolean; data?: T }): T {
  if (!r.success) throw new Error('expected success');
  return r.data as T;
}
