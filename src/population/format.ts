import { tierName } from '../explain/score.js';
import type { CutOff, WorklistEntry } from './entry.js';

const isTier = (t: string): t is 'low' | 'moderate' | 'high' => t === 'low' || t === 'moderate' || t === 'high';

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

function cell(v: string | number | undefined, sep = ',', decimal = '.'): string {
  if (v === undefined) return '';
  let s = typeof v === 'number' ? String(v).replace('.', decimal) : v;
  // A cell a spreadsheet would read as a formula is prefixed, so an id can never run as one.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvCells(e: WorklistEntry, tier: (t: string) => string = (t) => t): (string | number | undefined)[] {
  return [
    e.rank,
    e.line,
    e.id,
    e.points,
    e.maxPoints,
    tier(e.tier),
    tier(e.tierIfComplete),
    e.subGroups.join('|'),
    e.reasons.map((r) => `${r.ruleId}:${r.points}`).join('|'),
    e.prompts.map((p) => p.ruleId).join('|'),
    [...e.reasons.map((r) => r.why), ...e.prompts.map((p) => p.why)].join(' | '),
    e.dataNeeded.join('|'),
    describeCutOff(e.cutOff),
  ];
}

/** One worklist entry as a CSV row (no line break). Lists are joined with `|`. */
export function worklistCsvRow(e: WorklistEntry): string {
  return csvCells(e)
    .map((v) => cell(v))
    .join(',');
}

/*
 * CSV for a spreadsheet set to Norwegian: Excel in Norwegian reads `;` as the separator and `,` as
 * the decimal mark, and opens UTF-8 correctly only after a byte-order mark. Headers and tiers are in
 * Norwegian; the columns are those of the plain CSV.
 */

/** The byte-order mark that makes Excel read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

const NO_HEADER = {
  nb: 'Rangering;Linje;Id;Poeng;Maks poeng;Risikonivå;Nivå med fullstendige data;Undergrupper;Grunner;Meldinger;Hvorfor;Mangler data;Avgrensning',
  nn: 'Rangering;Linje;Id;Poeng;Maks poeng;Risikonivå;Nivå med fullstendige data;Undergrupper;Grunnar;Meldingar;Kvifor;Manglar data;Avgrensing',
} as const;

/** The header of the Norwegian spreadsheet CSV (bokmål unless `nn`), without the byte-order mark. */
export function worklistCsvNoHeader(lang: string): string {
  return NO_HEADER[lang === 'nn' ? 'nn' : 'nb'];
}

/** One worklist entry as a row of the Norwegian spreadsheet CSV: `;` between cells, decimal comma, tiers in Norwegian. */
export function worklistCsvNoRow(e: WorklistEntry, lang: string): string {
  const no = lang === 'nn' ? 'nn' : 'nb';
  return csvCells(e, (t) => (isTier(t) ? tierName(t, no) : t))
    .map((v) => cell(v, ';', ','))
    .join(';');
}

/** One worklist entry as an NDJSON line (no line break). */
export function worklistJsonLine(e: WorklistEntry): string {
  return JSON.stringify(e);
}
