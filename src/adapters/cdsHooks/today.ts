/*
 * Today's date where the service runs: the calendar date in Europe/Oslo. This file holds the only
 * clock read of the CDS Hooks adapter; the core never reads a clock and gets the date as `asOf`.
 * A host that wants another date (a replay, a test) passes `today` to the service instead.
 */

const OSLO = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Europe/Oslo at `now` (default: the clock), as `YYYY-MM-DD`. At 23:30 UTC
 * on 31 December it is already 1 January in Oslo.
 */
export function osloDate(now: Date = new Date()): string {
  const parts = Object.fromEntries(OSLO.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
