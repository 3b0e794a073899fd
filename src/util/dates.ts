/**
 * Calendar-date helpers. Dates are ISO `YYYY-MM-DD` strings and are compared as UTC days, so no
 * result depends on the host's time zone or clock.
 */

// Fixed-width and anchored: at most ten characters are ever examined.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Reads `n` ASCII digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days since 1970-01-01 for a valid ISO date, or `undefined` when the string is not a real date.
 *
 * Every fact over dated records calls this, so it is plain arithmetic (Hinnant's days-from-civil)
 * instead of a regular expression and a `Date` round trip; it accepts exactly what that did:
 * `YYYY-MM-DD` with ASCII digits, a real calendar day, and years from 0100 (`Date.UTC` maps years
 * 0–99 to 1900–1999, so the earlier implementation rejected them). A test compares the two.
 * Anything that is not a string is not a date either: callers at the boundary (`whatIsDue`,
 * `generateCohort`) pass the host's value straight in and report `undefined` as their own error.
 */
export function toDayNumber(iso: string): number | undefined {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  return civilDay(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2));
}

/**
 * Days since 1970-01-01 of year `y`, month `m` (1–12), day `d`, or `undefined` when that day does
 * not exist (30 February) or the year is before 100 (see {@link toDayNumber}).
 */
export function civilDay(y: number, m: number, d: number): number | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 100 || y > 9999 || m < 1 || m > 12 || d < 1)
    return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  if (d > dim) return undefined;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** True when the string is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(iso: string): boolean {
  return toDayNumber(iso) !== undefined;
}

/**
 * The dates the library accepts from outside: in a person, an event, a stored pathway, a rule file,
 * a test vector, an `asOf` and the CLI's `--as-of`. Wide enough for any living person's birth date
 * (Norwegian national identity numbers reach back to 1854) and any plan, narrow enough that adding
 * the longest configured period (3,650 days) to any of them stays a four-digit year that
 * `YYYY-MM-DD` can hold: a decline on 9999-11-03 used to give a re-flag date of "+010000-05".
 * A date the library computes and stores (a re-flag date) is kept inside the range too
 * ({@link addDaysInRange}), so whatever it stores, it reads back.
 */
export const DATE_RANGE = { min: '1800-01-01', max: '2199-12-31' } as const;

/** True for a date in `YYYY-MM-DD` form within {@link DATE_RANGE} (compared as text, which orders such dates). */
export function inDateRange(iso: string): boolean {
  return iso >= DATE_RANGE.min && iso <= DATE_RANGE.max;
}

/** True for a full or partial birth date (see {@link birthDateSpan}) whose every possible day is within {@link DATE_RANGE}. */
export function birthDateInRange(s: string): boolean {
  const span = birthDateSpan(s);
  return span !== undefined && span.first >= toDayNumber(DATE_RANGE.min)! && span.last <= toDayNumber(DATE_RANGE.max)!;
}

/** Adds whole days to a date in {@link DATE_RANGE}, never past its last day. */
export function addDaysInRange(iso: string, days: number): string {
  const d = addDays(iso, days);
  return d > DATE_RANGE.max ? DATE_RANGE.max : d;
}

/**
 * What is wrong with a date from outside: `iso_date` when it is not a real `YYYY-MM-DD` date,
 * `date_range` when it is one outside {@link DATE_RANGE}, `undefined` when it is fine.
 */
export function dateProblem(value: unknown): 'iso_date' | 'date_range' | undefined {
  if (typeof value !== 'string' || toDayNumber(value) === undefined) return 'iso_date';
  return inDateRange(value) ? undefined : 'date_range';
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

function isoShape(s: string): boolean {
  return s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
}

/** Whole years between a birth date and `asOf` (the Norwegian legal way: the birthday counts). */
export function yearsBetween(birthIso: string, asOfIso: string): number {
  // Same acceptance as the `^(\d{4})-(\d{2})-(\d{2})$` pattern it replaces, without a regular expression.
  if (!isoShape(birthIso) || !isoShape(asOfIso)) throw new RangeError('yearsBetween: not an ISO date');
  const by = digits(birthIso, 0, 4);
  const bm = digits(birthIso, 5, 2);
  const bd = digits(birthIso, 8, 2);
  const ay = digits(asOfIso, 0, 4);
  const am = digits(asOfIso, 5, 2);
  const ad = digits(asOfIso, 8, 2);
  if (by < 0 || bm < 0 || bd < 0 || ay < 0 || am < 0 || ad < 0) throw new RangeError('yearsBetween: not an ISO date');
  let years = ay - by;
  const beforeBirthday = am < bm || (am === bm && ad < bd);
  if (beforeBirthday) years -= 1;
  return years;
}

/**
 * True for a birth date as a record may give it: a real calendar date `YYYY-MM-DD`, or only a year and
 * month `YYYY-MM` (month 01–12), or only a year `YYYY`, with years from 0100 as {@link toDayNumber}.
 */
export function isBirthDate(s: string): boolean {
  return birthDateSpan(s) !== undefined;
}

/**
 * The first and last day a birth date can stand for, as day numbers: the day itself for a full date,
 * the first and last day of the month for `YYYY-MM`, of the year for `YYYY`. Undefined when the string
 * is none of these.
 */
export function birthDateSpan(s: string): { readonly first: number; readonly last: number } | undefined {
  if (typeof s !== 'string') return undefined;
  if (s.length === 10) {
    const d = toDayNumber(s);
    return d === undefined ? undefined : { first: d, last: d };
  }
  const y = digits(s, 0, 4);
  if (s.length === 4) {
    const first = civilDay(y, 1, 1);
    const last = civilDay(y, 12, 31);
    return first === undefined || last === undefined ? undefined : { first, last };
  }
  if (s.length === 7 && s.charCodeAt(4) === 45) {
    const m = digits(s, 5, 2);
    const first = civilDay(y, m, 1);
    if (first === undefined) return undefined;
    const next = m === 12 ? civilDay(y + 1, 1, 1) : civilDay(y, m + 1, 1);
    return next === undefined ? undefined : { first, last: next - 1 };
  }
  return undefined;
}

/**
 * Age in whole years on `asOf` (the birthday counts; born 29 February, a year older on 1 March in a
 * common year), from a birth date that may give only the year and month or the year. Undefined when
 * the age cannot be told: the first and last day the birth date can stand for give different ages,
 * or the person may not be born on `asOf` (a birth date after the evaluation date is a recording
 * error, never a negative age). Never negative.
 */
export function ageOn(birth: string, asOf: string): number | undefined {
  const span = birthDateSpan(birth);
  const today = toDayNumber(asOf);
  if (span === undefined || today === undefined || span.last > today) return undefined;
  if (span.first === span.last) return yearsBetween(birth, asOf);
  const oldest = yearsBetween(fromDayNumber(span.first), asOf);
  const youngest = yearsBetween(fromDayNumber(span.last), asOf);
  return oldest === youngest ? oldest : undefined;
}

/**
 * Every age in whole years the person may have on `asOf`: one for a full birth date, or a partial one
 * whose days all give the same age; the younger and the older for a partial one that straddles a
 * birthday (a month or a year spans less than two birthdays, so never more than two). Undefined as
 * {@link ageOn} when the person may not be born on `asOf`. An answer that every age here gives holds
 * whichever day the birth date stands for.
 */
export function agesOn(birth: string, asOf: string): readonly number[] | undefined {
  const span = birthDateSpan(birth);
  const today = toDayNumber(asOf);
  if (span === undefined || today === undefined || span.last > today) return undefined;
  if (span.first === span.last) return [yearsBetween(birth, asOf)];
  const oldest = yearsBetween(fromDayNumber(span.first), asOf);
  const youngest = yearsBetween(fromDayNumber(span.last), asOf);
  return oldest === youngest ? [oldest] : [youngest, oldest];
}

/**
 * Days from `asOf` to the birthday on which the person turns `years` (negative once passed; born
 * 29 February, the birthday is 1 March in a common year). Undefined for a partial birth date, whose
 * birthday is not one day, and for a birth date after `asOf`.
 */
export function daysUntilBirthday(birth: string, asOf: string, years: number): number | undefined {
  const today = toDayNumber(asOf);
  const born = birth.length === 10 ? toDayNumber(birth) : undefined;
  if (today === undefined || born === undefined || born > today) return undefined;
  const y = Number(birth.slice(0, 4)) + years;
  const m = Number(birth.slice(5, 7));
  const d = Number(birth.slice(8, 10));
  const day = civilDay(y, m, d) ?? civilDay(y, 3, 1);
  return day === undefined ? undefined : day - today;
}
