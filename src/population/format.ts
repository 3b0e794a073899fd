import type { CutOff, WorklistEntry } from './entry.js';

/*
 * Worklist rows as text: one JSON object per line (NDJSON), or CSV (RFC 4180) for spreadsheets.
 * Pure string functions; the node edge writes them to a stream.
 */

/** The CSV header, in the column order of {@link worklistCsvRow}. */
export const WORKLIST_CSV_HEADER = 'rank,line,id,points,maxPoints,tier,tierIfComplete,subGroups,reasons,prompts,why,dataNeeded,cutOff';

/** The cut-off as a short text: `points>=10` or `top 5%`. */
export function describeCutOff(c: CutOff): string {
  return c.by === 'points' ? `points>=${c.minPoints}` : `top ${c.percent}%`;
}

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = String(v);
  // A cell a spreadsheet would read as a formula is prefixed, so an id can never run as one.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One worklist entry as a CSV row (no line break). Lists are joined with `|`. */
export function worklistCsvRow(e: WorklistEntry): string {
  return [
    e.rank,
    e.line,
    e.id,
    e.points,
    e.maxPoints,
    e.tier,
    e.tierIfComplete,
    e.subGroups.join('|'),
    e.reasons.map((r) => `${r.ruleId}:${r.points}`).join('|'),
    e.prompts.map((p) => p.ruleId).join('|'),
    [...e.reasons.map((r) => r.why), ...e.prompts.map((p) => p.why)].join(' | '),
    e.dataNeeded.join('|'),
    describeCutOff(e.cutOff),
  ]
    .map(cell)
    .join(',');
}

/** One worklist entry as an NDJSON line (no line break). */
export function worklistJsonLine(e: WorklistEntry): string {
  return JSON.stringify(e);
}
