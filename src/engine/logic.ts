/**
 * Kleene's strong three-valued logic, as in CQL. A missing fact makes a condition unknown; unknown
 * propagates: `false AND unknown` is false, `true OR unknown` is true, `NOT unknown` is unknown.
 *
 * Internally truth values are small integers for speed; the public type is {@link Truth}.
 */

/** A three-valued truth: `true`, `false` or `'unknown'`. */
export type Truth = boolean | 'unknown';

/** Internal encoding. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = 0 | 1 | 2;

/** Kleene AND of two values. */
export function and3(a: Tri, b: Tri): Tri {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}

/** Kleene OR of two values. */
export function or3(a: Tri, b: Tri): Tri {
  if (a === T || b === T) return T;
  if (a === U || b === U) return U;
  return F;
}

/** Kleene NOT. */
export function not3(a: Tri): Tri {
  return a === U ? U : a === T ? F : T;
}

/** Converts to the public representation. */
export function toTruth(t: Tri): Truth {
  return t === U ? 'unknown' : t === T;
}

/** Converts from the public representation. */
export function fromTruth(t: Truth): Tri {
  return t === 'unknown' ? U : t ? T : F;
}
