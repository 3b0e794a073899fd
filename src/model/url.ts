import * as z from 'zod';

/*
 * Web addresses that reach a person. A rule's source link is copied into every CDS Hooks card, and
 * a CDS client renders it as a link a clinician clicks: a `javascript:`, `data:`, `file:` or
 * `vbscript:` address there would run or open something instead of the guideline. Only `https:` and
 * `http:` are accepted, written out in full (no leading blanks, no control characters), and the
 * address must parse as a URL with a host.
 */

// Anchored, one character class repeated once: linear on any input (test/project/regex.test.ts).
const WEB = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i;

/** An `https:` or `http:` URL, as rule files and CDS Hooks cards may carry it. */
export const HttpUrl = z
  .string()
  .max(2000)
  .regex(WEB)
  .pipe(z.url({ protocol: /^https?$/ }));

/** Whether a value is an address {@link HttpUrl} accepts. */
export function isHttpUrl(value: unknown): value is string {
  return HttpUrl.safeParse(value).success;
}
