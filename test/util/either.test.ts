import * as fc from 'fast-check';
import * as FE from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import * as E from '../../src/util/either.js';

/*
 * The library builds its results with its own five Either functions (src/util/either.ts) instead of
 * importing fp-ts's module into a host's bundle. A host still uses fp-ts on them: the values and the
 * answers must be fp-ts's own.
 */
const anything = fc.anything();
const either = fc.oneof(
  anything.map((e) => FE.left(e)),
  anything.map((a) => FE.right(a)),
);

describe("the library's Either functions are fp-ts's", () => {
  it('left and right build the values fp-ts builds', () => {
    fc.assert(
      fc.property(anything, (v) => {
        expect(E.left(v)).toStrictEqual(FE.left(v));
        expect(E.right(v)).toStrictEqual(FE.right(v));
      }),
    );
  });

  it("isLeft, isRight and map answer as fp-ts does, on fp-ts values and on the library's", () => {
    fc.assert(
      fc.property(either, fc.func(anything), (ma, f) => {
        const own = ma._tag === 'Left' ? E.left(ma.left) : E.right(ma.right);
        for (const x of [ma, own]) {
          expect(E.isLeft(x)).toBe(FE.isLeft(x));
          expect(E.isRight(x)).toBe(FE.isRight(x));
          expect(E.map(f)(x)).toStrictEqual(FE.map(f)(x));
        }
      }),
    );
  });

  it('a failure passes map unchanged, and f is not called', () => {
    let called = 0;
    const fa = E.left<string, number>('no');
    expect(E.map((n: number) => (called++, n + 1))(fa)).toBe(fa);
    expect(called).toBe(0);
  });
});
