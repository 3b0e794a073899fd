/*
 * Text that goes into a CDS Hooks card's `detail` (GitHub-flavoured Markdown) comes from rule files
 * and from person records. Clients render it, and their HTML support is unknown, so interpolated
 * text is escaped: no HTML, no accidental emphasis, links, tables or headings.
 */

import { joinLines } from './lines.js';

const SPECIAL = /[\\`*_[\]<>#|~&]/g;

/** Escapes a plain text for use inside a Markdown paragraph. Newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return joinLines(text).replace(SPECIAL, (c) => `\\${c}`);
}
