/**
 * Norwegian person identifiers (HL7 Norway no-basis): fødselsnummer and D-nummer, both 11 digits with
 * two modulus-11 check digits. Synthetic test identities (month + 80, as issued for test environments)
 * are accepted so that examples never need a real person's number.
 */

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit over the first `weights.length` digits of `digits` (a string of ASCII digits, read in place: no array per call). */
function checkDigit(digits: string, weights: readonly number[]): number | undefined {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  const r = 11 - (sum % 11);
  if (r === 11) return 0;
  if (r === 10) return undefined; // no valid number has this remainder
  return r;
}

/** The kind of an 11-digit identifier. */
export type NationalIdKind = 'fnr' | 'dnr';

/**
 * Validates the two check digits and the embedded date of an 11-digit identifier.
 * Returns the kind, or `undefined` when the number is not valid (including anything not a string).
 */
export function validateNationalId(value: string): NationalIdKind | undefined {
  // RegExp#test would coerce a number to its digits; only a string is an identifier.
  if (typeof value !== 'string' || !/^\d{11}$/.test(value)) return undefined;
  const c1 = checkDigit(value, K1);
  if (c1 === undefined || c1 !== value.charCodeAt(9) - 48) return undefined;
  const c2 = checkDigit(value, K2);
  if (c2 === undefined || c2 !== value.charCodeAt(10) - 48) return undefined;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let kind: NationalIdKind = 'fnr';
  if (day > 40) {
    day -= 40;
    kind = 'dnr';
  }
  if (month > 80)
    month -= 80; // synthetic test identities
  else if (month > 40) month -= 40; // H-numbers / older test identities
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return kind;
}

/** Computes the two check digits for the first nine digits (used by the synthetic data generator). */
export function completeNationalId(first9: string): string | undefined {
  if (typeof first9 !== 'string' || !/^\d{9}$/.test(first9)) return undefined;
  const c1 = checkDigit(first9, K1);
  if (c1 === undefined) return undefined;
  const c2 = checkDigit(`${first9}${c1}`, K2);
  if (c2 === undefined) return undefined;
  return `${first9}${c1}${c2}`;
}
