/*
 * FHIR R4 strings match `[ \r\n\t\S]+`: whitespace other than space, CR, LF and tab (a non-breaking
 * space, a form feed, a line separator) is not allowed. Texts from rule files and person records may
 * contain such characters, so every written resource passes through here.
 */

const DISALLOWED = /[^\S \r\n\t]/g;

/** A copy of a JSON value in which every string is a valid FHIR string (odd whitespace becomes a space). */
export function fhirSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(DISALLOWED, ' ') as T;
  if (Array.isArray(value)) return value.map(fhirSafe) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fhirSafe(v);
    return out as T;
  }
  return value;
}
