/*
 * Kleene's strong three-valued logic (as in CQL), the library's one implementation of it. A missing
 * fact makes a condition unknown, and unknown propagates: `false AND unknown` is false, `true OR
 * unknown` is true, `NOT unknown` is unknown. The engine combines conditions with `and3`, `or3` and
 * `not3` on small integers (engine/logic.ts re-exports them); a derived fact that combines several
 * pieces of evidence uses the same functions through `anyOf`, `allOf` and `not`, where unknown is
 * `undefined`, so it gives the answer a rule would give if each piece were its own condition.
 */

/** The engine's encoding: small integers, so outcomes index arrays and compare in one instruction. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = 0 | 1 | 2;

/** Kleene AND. */
export function and3(a: Tri, b: Tri): Tri {
  if (a === F || b === F) return F;
  if (a === U || b === U) return U;
  return T;
}

/** Kleene OR. */
export function or3(a: Tri, b: Tri): Tri {
  if (a === T || b === T) return T;
  if (a === U || b === U) return U;
  return F;
}

/** Kleene NOT. */
export function not3(a: Tri): Tri {
  return a === U ? U : a === T ? F : T;
}

/** A three-valued boolean as derived facts hold it: `undefined` means unknown. */
export type Maybe = boolean | undefined;

const fromMaybe = (v: Maybe): Tri => (v === undefined ? U : v ? T : F);
const toMaybe = (t: Tri): Maybe => (t === U ? undefined : t === T);

/** Kleene OR over any number of values (false for none). */
export function anyOf(values: Iterable<Maybe>): Maybe {
  let acc: Tri = F;
  for (const v of values) {
    acc = or3(acc, fromMaybe(v));
    if (acc === T) break;
  }
  return toMaybe(acc);
}

/** Kleene AND over any number of values (true for none). */
export function allOf(values: Iterable<Maybe>): Maybe {
  let acc: Tri = T;
  for (const v of values) {
    acc = and3(acc, fromMaybe(v));
    if (acc === F) break;
  }
  return toMaybe(acc);
}

/** Kleene NOT. */
export function not(v: Maybe): Maybe {
  return toMaybe(not3(fromMaybe(v)));
}

/**
 * "At least `n` distinct keys hold": true when the keys known to hold reach `n`, false when even the
 * known and the unknown together cannot reach it, otherwise unknown.
 */
export function atLeastDistinct(n: number, items: Iterable<{ key: string; holds: Maybe }>): Maybe {
  const sure = new Set<string>();
  const possible = new Set<string>();
  for (const { key, holds } of items) {
    if (holds === true) sure.add(key);
    if (holds !== false) possible.add(key);
  }
  if (sure.size >= n) return true;
  if (possible.size < n) return false;
  return undefined;
}

/**
 * A list fact built from items whose membership may be unknown: the items known to be in it when
 * there is at least one (a rule asking "at least one?" is then true whatever the unknowns are), the
 * empty list when every item is known to be out, and unknown otherwise.
 */
export function knownMembers<T>(items: Iterable<{ value: T; member: Maybe }>): T[] | undefined {
  const sure: T[] = [];
  let unknown = false;
  for (const { value, member } of items) {
    if (member === true && !sure.includes(value)) sure.push(value);
    if (member === undefined) unknown = true;
  }
  if (sure.length > 0) return sure;
  return unknown ? undefined : [];
}
