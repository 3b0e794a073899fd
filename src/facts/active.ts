import { toDayNumber } from '../util/dates.js';

/*
 * "Active on asOf" for anything with optional start and end dates. A record dated after `asOf` is
 * not yet known at `asOf`, so it is ignored: the same person and date always give the same facts.
 */

/** True when [start, end] covers `asOfDay` (open ends count as open). */
export function activeOn(asOfDay: number, start: string | undefined, end: string | undefined): boolean {
  if (start !== undefined && (toDayNumber(start) ?? Infinity) > asOfDay) return false;
  if (end !== undefined && (toDayNumber(end) ?? -Infinity) < asOfDay) return false;
  return true;
}

/** True when `date` falls in (asOf − days, asOf]. */
export function withinDays(asOfDay: number, date: string, days: number): boolean {
  const d = toDayNumber(date);
  return d !== undefined && d <= asOfDay && d > asOfDay - days;
}
