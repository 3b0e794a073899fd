import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Internal module on purpose: this checks that the arithmetic date parser (an optimisation, issue 7)
// accepts and computes exactly what the earlier regular-expression-and-Date version did.
import { toDayNumber, yearsBetween } from '../../src/util/dates.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function referenceDayNumber(iso: string): number | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.floor(ms / 86_400_000);
}
function referenceYears(b: string, a: string): number {
  const x = ISO.exec(b)!;
  const y = ISO.exec(a)!;
  let years = Number(y[1]) - Number(x[1]);
  if (Number(y[2]) < Number(x[2]) || (Number(y[2]) === Number(x[2]) && Number(y[3]) < Number(x[3]))) years -= 1;
  return years;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const anyString = fc.oneof(
  dateLike,
  fc.string({ maxLength: 12 }),
  dateLike.map((s) => s.replace(/\d/, '٣')),
  dateLike.map((s) => `${s}\n`),
);

describe('toDayNumber (arithmetic) agrees with the Date-based reference', () => {
  it('on date-like strings and arbitrary strings', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(toDayNumber(s)).toBe(referenceDayNumber(s));
      }),
      { numRuns: 20_000 },
    );
  });
  it('on every day from 1899 to 2101 and on the edges', () => {
    for (let day = referenceDayNumber('1899-01-01')!; day <= referenceDayNumber('2101-12-31')!; day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(toDayNumber(iso)).toBe(day);
    }
    for (const s of ['0099-12-31', '0100-01-01', '2000-02-29', '1900-02-29', '2023-02-30', '2024-13-01', '2024-00-10', '9999-12-31'])
      expect(toDayNumber(s)).toBe(referenceDayNumber(s));
  });
  it('yearsBetween agrees too', () => {
    fc.assert(
      fc.property(dateLike, dateLike, (a, b) => {
        expect(yearsBetween(a, b)).toBe(referenceYears(a, b));
      }),
      { numRuns: 5_000 },
    );
  });
});
