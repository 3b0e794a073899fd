import * as z from 'zod';
import { validateNationalId } from '../model/nationalId.js';

/*
 * The subject of a pathway: the host's own reference to the person (`Patient/123`, a UUID, the key
 * of a row), given when the pathway starts and named by every event, so that an event meant for one
 * person can never move another person's pathway. The envelope travels with the person's record and
 * into logs and backups, so the reference must not be the national identity number in clear.
 */

/** Characters a reference may not hold: control characters, which no identifier needs. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Whether a text holds a Norwegian national identity number or D number: eleven digits with valid
 * check digits, written together or as six and five digits with one space, dot or hyphen between
 * (`131180 12345`), and not part of a longer run of digits.
 */
export function holdsNationalId(text: string): boolean {
  let digits = '';
  const flush = (): boolean => {
    const found = digits.length === 11 && validateNationalId(digits) !== undefined;
    digits = '';
    return found;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (
      digits.length === 6 &&
      (c === 32 || c === 45 || c === 46) &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 48 &&
      text.charCodeAt(i + 1) <= 57
    )
      continue;
    else if (flush()) return true;
  }
  return flush();
}

/** The host's reference to the person a pathway is about. */
export const SubjectRef = z
  .string()
  .min(1)
  .max(256)
  .refine((s) => !CONTROL.test(s), { params: { code: 'invalid_format' } })
  .refine((s) => !holdsNationalId(s), { params: { code: 'national_id_in_clear' } });
