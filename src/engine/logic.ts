import type { Tri } from '../facts/kleene.js';
import { T, U, F } from '../facts/kleene.js';

/*
 * Truth values as the engine holds them (small integers, facts/kleene.ts, where the one
 * implementation of Kleene's logic lives) and as decisions show them ({@link Truth}).
 */

export { F, T, U, and3, or3, not3 } from '../facts/kleene.js';
export type { Tri } from '../facts/kleene.js';

/** A three-valued truth: `true`, `false` or `'unknown'`. */
export type Truth = boolean | 'unknown';

/** Converts to the public representation. */
export function toTruth(t: Tri): Truth {
  return t === U ? 'unknown' : t === T;
}

/** Converts from the public representation. */
export function fromTruth(t: Truth): Tri {
  return t === 'unknown' ? U : t ? T : F;
}
