import type { CompiledRuleSet } from '../engine/compile.js';

/*
 * Versions of one rule set. A rule set may exist in several versions (same id) whose validity periods
 * do not overlap, so that on any date at most one of them is in force. A host that keeps next year's
 * version beside this year's picks the one for the date it evaluates on; nothing here reads a clock.
 */

/** The part of a rule set that says when it is in force. */
export interface VersionPeriod {
  readonly id: string;
  readonly version: string;
  readonly validFrom: string;
  readonly validTo?: string | undefined;
}

/** True when the version is in force on `asOf` (`validFrom` ≤ `asOf` ≤ `validTo`, an open end when `validTo` is absent). */
export function inForceOn(period: VersionPeriod, asOf: string): boolean {
  return asOf >= period.validFrom && (period.validTo === undefined || asOf <= period.validTo);
}

/**
 * The days two versions are both in force, or `undefined` when their periods do not overlap. `to` is
 * absent when both periods are open-ended.
 */
export function periodOverlap(a: VersionPeriod, b: VersionPeriod): { readonly from: string; readonly to?: string } | undefined {
  const from = a.validFrom > b.validFrom ? a.validFrom : b.validFrom;
  const ends = [a.validTo, b.validTo].filter((d): d is string => d !== undefined).sort();
  const to = ends[0];
  if (to !== undefined && to < from) return undefined;
  return to === undefined ? { from } : { from, to };
}

/**
 * Of several versions of one rule set, the one in force on `asOf`; `undefined` when none is. When
 * periods overlap (a folder the workspace check refuses), the latest start wins, so the answer is
 * still one version and never depends on the order given.
 *
 * @example
 * ```ts
 * const thisYear = ruleSetInForce([v2026, v2027], '2026-06-01'); // v2026
 * ```
 */
export function ruleSetInForce<T extends VersionPeriod = CompiledRuleSet>(versions: readonly T[], asOf: string): T | undefined {
  // Called from JavaScript with anything: what is not a list of periods has no version in force.
  if (!Array.isArray(versions) || typeof asOf !== 'string') return undefined;
  let best: T | undefined;
  for (const v of versions as readonly unknown[]) {
    if (!isPeriod(v)) continue;
    if (inForceOn(v, asOf) && (best === undefined || v.validFrom > best.validFrom)) best = v as T;
  }
  return best;
}

function isPeriod(v: unknown): v is VersionPeriod {
  if (typeof v !== 'object' || v === null) return false;
  try {
    const { validFrom, validTo } = v as Record<string, unknown>;
    return typeof validFrom === 'string' && (validTo === undefined || typeof validTo === 'string');
  } catch {
    return false; // a getter that throws: not a period
  }
}

/**
 * For each rule-set id among `items`, in order of first appearance, the item whose version is in force
 * on `asOf`. An id with no version in force on the date keeps one item all the same (the next to
 * start, otherwise the last to have ended), so that a command can say it is not in force instead of
 * leaving it out in silence; a single version is always kept.
 */
export function pickVersions<T>(items: readonly T[], period: (item: T) => VersionPeriod, asOf: string): T[] {
  const byId = new Map<string, T[]>();
  for (const it of items) {
    const id = period(it).id;
    byId.set(id, [...(byId.get(id) ?? []), it]);
  }
  const out: T[] = [];
  for (const group of byId.values()) {
    const inForce = group.filter((it) => inForceOn(period(it), asOf)).sort((a, b) => (period(a).validFrom > period(b).validFrom ? -1 : 1));
    if (inForce[0] !== undefined) {
      out.push(inForce[0]);
      continue;
    }
    const later = group.filter((it) => period(it).validFrom > asOf).sort((a, b) => (period(a).validFrom < period(b).validFrom ? -1 : 1));
    const earlier = [...group].sort((a, b) => ((period(a).validTo ?? '') > (period(b).validTo ?? '') ? -1 : 1));
    out.push(later[0] ?? earlier[0]!);
  }
  return out;
}

const OPEN = new WeakMap<CompiledRuleSet, CompiledRuleSet>();

/**
 * The same compiled rule set with no validity period: for reading a version on a date outside its
 * period on purpose (a test vector's own date; the impact of a coming version before it starts).
 * Evaluating for a person in care keeps the period. One copy per rule set, so its runtime is reused.
 * @internal
 */
export function withoutPeriod(ruleSet: CompiledRuleSet): CompiledRuleSet {
  let open = OPEN.get(ruleSet);
  if (open === undefined) {
    open = Object.freeze({ ...ruleSet, validFrom: '0000-01-01', validTo: undefined });
    OPEN.set(ruleSet, open);
  }
  return open;
}
