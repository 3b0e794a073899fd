/**
 * Calendar-date helpers. Dates are ISO `YYYY-MM-DD` strings and are compared as UTC days, so no
 * result depends on the host's time zone or clock.
 */

// Fixed-width and anchored: at most ten characters are ever examined.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date, or `undefined` when the string is not a real date. */
export function toDayNumber(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over into March; a round trip catches impossible dates.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.floor(ms / 86_400_000);
}

/** True when the string is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(iso: string): boolean {
  return toDayNumber(iso) !== undefined;
}

/** ISO date for a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const n = toDayNumber(iso);
  if (n === undefined) throw new RangeError('addDays: not an ISO date');
  return fromDayNumber(n + days);
}

/** Adds calendar months, clamping to the month's last day (2024-03-31 minus 1 month is 2024-02-29). */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError('addMonths: not an ISO date');
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = Math.min(Number(m[3]), last);
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole years between a birth date and `asOf` (the Norwegian legal way: the birthday counts). */
export function yearsBetween(birthIso: string, asOfIso: string): number {
  const b = ISO_DATE.exec(birthIso);
  const a = ISO_DATE.exec(asOfIso);
  if (!b || !a) throw new RangeError('yearsBetween: not an ISO date');
  let years = Number(a[1]) - Number(b[1]);
  const beforeBirthday = Number(a[2]) < Number(b[2]) || (Number(a[2]) === Number(b[2]) && Number(a[3]) < Number(b[3]));
  if (beforeBirthday) years -= 1;
  return years;
}
