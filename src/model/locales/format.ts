/*
 * Helpers for message templates. Details are strings, numbers and string lists; anything else (a
 * damaged stored issue) is left out rather than coerced.
 */

/** A detail as text, or the empty string when it is not a string or a number. */
export const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A detail as text; a list is joined with commas. */
export const list = (v: unknown): string => (Array.isArray(v) ? v.map(scalar).join(', ') : scalar(v));

/** A type name from a language's table, e.g. "number" as «et tall»; a name the table lacks is shown as it is. */
export const typeName = (table: Readonly<Record<string, string>>, t: unknown): string =>
  Array.isArray(t) ? t.map((x) => typeName(table, x)).join(', ') : Object.hasOwn(table, scalar(t)) ? table[scalar(t)]! : scalar(t);
