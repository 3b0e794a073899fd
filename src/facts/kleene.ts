/*
 * Kleene's three-valued logic for derived facts: `undefined` is unknown. A fact that combines several
 * pieces of evidence must give the same answer a rule would give if each piece were its own condition,
 * so `true OR unknown` is true, `false AND unknown` is false, and anything else with an unknown is unknown.
 */

/** A three-valued boolean: `undefined` means unknown. */
export type Maybe = boolean | undefined;

/** Kleene OR over any number of values (false for none). */
export function anyOf(values: Iterable<Maybe>): Maybe {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** Kleene AND over any number of values (true for none). */
export function allOf(values: Iterable<Maybe>): Maybe {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** Kleene NOT. */
export function not(v: Maybe): Maybe {
  return v === undefined ? undefined : !v;
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
