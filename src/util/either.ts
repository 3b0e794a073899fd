/**
 * The five `Either` operations the library uses, as plain functions that build the same values as
 * fp-ts's (`{ _tag: 'Left', left }`, `{ _tag: 'Right', right }`), so a host keeps using fp-ts on
 * every result. Why not fp-ts's own module: importing `fp-ts/Either` brings its type-class
 * instances into a host's browser bundle (27 KB minified) for five one-line functions.
 * test/util/either.test.ts holds each to fp-ts's on arbitrary values.
 */
import type { Either, Left, Right } from 'fp-ts/lib/Either.js';

export type { Either, Left, Right };

/** A failure: `{ _tag: 'Left', left }`, as fp-ts's `left`. */
export const left = <E = never, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e });

/** A success: `{ _tag: 'Right', right }`, as fp-ts's `right`. */
export const right = <E = never, A = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a });

/** Whether `ma` is a failure, as fp-ts's `isLeft`. */
export const isLeft = <E, A>(ma: Either<E, A>): ma is Left<E> => ma._tag === 'Left';

/** Whether `ma` is a success, as fp-ts's `isRight`. */
export const isRight = <E, A>(ma: Either<E, A>): ma is Right<A> => ma._tag === 'Right';

/** The success mapped through `f`; a failure as it is. Curried, as fp-ts's `map`. */
export const map =
  <A, B>(f: (a: A) => B) =>
  <E>(fa: Either<E, A>): Either<E, B> =>
    isLeft(fa) ? fa : right(f(fa.right));
