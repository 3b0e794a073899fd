import * as E from '../../util/either.js';
import { basename, dirname } from 'node:path';
import { FeedbackRecord } from '../../adapters/cdsHooks/feedback.js';
import { OVERRIDE_REASONS } from '../../adapters/cdsHooks/overrideReasons.js';
import type { Lang } from '../../model/lang.js';
import { readNdjson, withoutSchema } from '../../node/ndjson.js';
import { writeFilesAtomically } from '../../node/writeFiles.js';
import { escapeHtml } from '../../policy/doc.js';
import { parseCommandArgs } from '../args.js';
import { loadErrorMessage } from '../common.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { messages } from '../messages.js';

/*
 * `feedback <file.ndjson>`: what clinicians did with the cards, per rule and rule-set version. The
 * records are those `ingestFeedback` (CDS Hooks feedback) returns, stored one per line. A rule whose
 * cards are mostly overridden, and for which reason, is the rule clinicians do not trust. The
 * clinician's free-text comment may hold health data: it is counted, never printed.
 */

const TXT = {
  header: {
    nb: (f: string, n: number, bad: number) => `Tilbakemeldinger i ${f}: ${n} kort${bad ? `, ${bad} ugyldige linjer hoppet over` : ''}`,
    nn: (f: string, n: number, bad: number) => `Tilbakemeldingar i ${f}: ${n} kort${bad ? `, ${bad} ugyldige linjer hoppa over` : ''}`,
    en: (f: string, n: number, bad: number) => `Feedback in ${f}: ${n} cards${bad ? `, ${bad} invalid lines skipped` : ''}`,
  },
  row: {
    nb: (n: number, a: number, o: number, share: string) => `${n} kort: ${a} godtatt, ${o} overstyrt (${share} overstyrt)`,
    nn: (n: number, a: number, o: number, share: string) => `${n} kort: ${a} godtekne, ${o} overstyrte (${share} overstyrte)`,
    en: (n: number, a: number, o: number, share: string) => `${n} cards: ${a} accepted, ${o} overridden (${share} overridden)`,
  },
  reasons: { nb: 'grunner', nn: 'grunnar', en: 'reasons' },
  noReason: { nb: 'ingen grunn oppgitt', nn: 'ingen grunn oppgjeven', en: 'no reason given' },
  comments: {
    nb: (n: number) => `${n} med fritekstkommentar (ikke vist: den kan inneholde helseopplysninger)`,
    nn: (n: number) => `${n} med fritekstkommentar (ikkje vist: han kan innehalde helseopplysningar)`,
    en: (n: number) => `${n} with a free-text comment (not shown: it may hold health data)`,
  },
  card: { nb: 'hele kortet', nn: 'heile kortet', en: 'whole card' },
  invalidLine: {
    nb: (f: string, line: number, fields: string) => `${f}:${line}: ikke en tilbakemeldingspost (${fields})`,
    nn: (f: string, line: number, fields: string) => `${f}:${line}: ikkje ein tilbakemeldingspost (${fields})`,
    en: (f: string, line: number, fields: string) => `${f}:${line}: not a feedback record (${fields})`,
  },
  none: { nb: 'Ingen tilbakemeldinger.', nn: 'Ingen tilbakemeldingar.', en: 'No feedback.' },
  htmlTitle: { nb: 'Tilbakemeldinger på kortene', nn: 'Tilbakemeldingar på korta', en: 'Feedback on the cards' },
  cols: {
    nb: ['Regelsett', 'Versjon', 'Regel', 'Kort', 'Godtatt', 'Overstyrt', 'Andel overstyrt', 'Grunner'],
    nn: ['Regelsett', 'Versjon', 'Regel', 'Kort', 'Godtekne', 'Overstyrte', 'Del overstyrte', 'Grunnar'],
    en: ['Rule set', 'Version', 'Rule', 'Cards', 'Accepted', 'Overridden', 'Share overridden', 'Reasons'],
  },
  note: {
    nb: 'Sortert etter andel overstyrt. En regel som ofte overstyres med samme grunn, er verdt å se på; fritekstkommentarer vises ikke.',
    nn: 'Sortert etter del overstyrte. Ein regel som ofte blir overstyrt med same grunn, er verd å sjå på; fritekstkommentarar blir ikkje viste.',
    en: 'Sorted by share overridden. A rule often overridden for the same reason is worth a look; free-text comments are not shown.',
  },
  htmlWritten: {
    nb: (f: string) => `Skrev rapporten til ${f}.`,
    nn: (f: string) => `Skreiv rapporten til ${f}.`,
    en: (f: string) => `Wrote the report to ${f}.`,
  },
} as const;

/** Counts for one rule (or card without a rule) of one rule-set version. */
export interface FeedbackRow {
  readonly ruleSetId: string;
  readonly ruleSetVersion: string;
  /** The rule, or the card kind for a card without one (the score card). */
  readonly ruleId: string;
  cards: number;
  accepted: number;
  overridden: number;
  comments: number;
  readonly reasons: Map<string, number>;
}

function reasonLabel(code: string, display: string | undefined, lang: Lang): string {
  const known = Object.hasOwn(OVERRIDE_REASONS, code) ? OVERRIDE_REASONS[code as keyof typeof OVERRIDE_REASONS][lang] : undefined;
  // A client's own reason keeps its code; its display text is the client's, not ours, and is shown as given.
  return known ?? (display ? `${display} (${code})` : code);
}

function share(n: number, of: number, lang: Lang): string {
  const p = of === 0 ? '–' : ((100 * n) / of).toFixed(1);
  return `${lang === 'en' ? p : p.replace('.', ',')} %`;
}

/** `feedback <file.ndjson> [--html FILE] [--json]`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommandArgs(
    'feedback',
    args,
    { html: { type: 'string' }, json: { type: 'boolean' } },
    { min: 1, max: 1, names: (m) => [m.argFile] },
    io,
  );
  if (typeof p === 'number') return p;
  const { lang } = p;
  const m = messages(lang);
  const file = p.positionals[0]!;
  const rows = new Map<string, FeedbackRow>();
  const invalid: string[] = [];
  let cards = 0;
  const r = await readNdjson(
    file,
    (line, value) => {
      const parsed = FeedbackRecord.safeParse(withoutSchema(value));
      if (!parsed.success) {
        // Field names only, never values: a record may hold a clinician's comment.
        const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '$'))].slice(0, 5).join(', ');
        invalid.push(TXT.invalidLine[lang](file, line, fields));
        return;
      }
      const f = parsed.data;
      cards++;
      const ruleId = f.ruleId ?? f.cardKind;
      const key = `${f.ruleSetId}\u0000${f.ruleSetVersion}\u0000${ruleId}`;
      let row = rows.get(key);
      if (!row)
        rows.set(
          key,
          (row = {
            ruleSetId: f.ruleSetId,
            ruleSetVersion: f.ruleSetVersion,
            ruleId,
            cards: 0,
            accepted: 0,
            overridden: 0,
            comments: 0,
            reasons: new Map(),
          }),
        );
      row.cards++;
      if (f.userComment !== undefined) row.comments++;
      if (f.outcome === 'accepted') row.accepted++;
      else {
        row.overridden++;
        const label = f.overrideReason ? reasonLabel(f.overrideReason.code, f.overrideReason.display, lang) : TXT.noReason[lang];
        row.reasons.set(label, (row.reasons.get(label) ?? 0) + 1);
      }
    },
    lang,
  );
  if (E.isLeft(r)) {
    const e = r.left;
    io.err(
      `oppfolgingsteam feedback: ${e._tag === 'NdjsonSyntax' ? m.cohortLine(e.path, e.line, e.column, e.message) : loadErrorMessage(e, m)}\n`,
    );
    return EXIT.usage;
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      b.overridden / b.cards - a.overridden / a.cards ||
      b.cards - a.cards ||
      (`${a.ruleSetId} ${a.ruleSetVersion} ${a.ruleId}` < `${b.ruleSetId} ${b.ruleSetVersion} ${b.ruleId}` ? -1 : 1),
  );
  const reasonsOf = (row: FeedbackRow) => [...row.reasons.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (invalid.length > 0) io.err(`${invalid.slice(0, 20).join('\n')}\n`);

  if (p.values['json']) {
    io.out(
      `${JSON.stringify(
        {
          file,
          cards,
          invalidLines: invalid.length,
          rules: sorted.map((row) => ({
            ruleSetId: row.ruleSetId,
            ruleSetVersion: row.ruleSetVersion,
            ruleId: row.ruleId,
            cards: row.cards,
            accepted: row.accepted,
            overridden: row.overridden,
            withComment: row.comments,
            reasons: reasonsOf(row).map(([reason, count]) => ({ reason, count })),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const out = [TXT.header[lang](file, cards, invalid.length), ''];
  if (sorted.length === 0) out.push(TXT.none[lang]);
  for (const row of sorted) {
    out.push(`${row.ruleSetId} ${row.ruleSetVersion} · ${row.ruleId}`);
    out.push(`  ${TXT.row[lang](row.cards, row.accepted, row.overridden, share(row.overridden, row.cards, lang))}`);
    if (row.overridden > 0)
      out.push(
        `  ${TXT.reasons[lang]}: ${reasonsOf(row)
          .map(([l, n]) => `${l} ${n}`)
          .join('; ')}`,
      );
    if (row.comments > 0) out.push(`  ${TXT.comments[lang](row.comments)}`);
  }
  const htmlFile = p.values['html'];
  if (typeof htmlFile === 'string') {
    const w = writeFilesAtomically(dirname(htmlFile), [
      { name: basename(htmlFile), text: feedbackHtml(file, cards, invalid.length, sorted, reasonsOf, lang) },
    ]);
    if (E.isLeft(w)) {
      io.err(`oppfolgingsteam feedback: ${m.writeFailed(w.left.path)}\n`);
      return EXIT.usage;
    }
  }
  io.out(`${out.join('\n')}\n`);
  if (typeof htmlFile === 'string') io.out(`${TXT.htmlWritten[lang](htmlFile)}\n`);
  return EXIT.ok;
}

/** The same figures as one self-contained HTML page, in the population report's style, with a bar for the share overridden. */
function feedbackHtml(
  file: string,
  cards: number,
  invalid: number,
  rows: readonly FeedbackRow[],
  reasonsOf: (row: FeedbackRow) => [string, number][],
  lang: Lang,
): string {
  const cols = TXT.cols[lang];
  const body = rows
    .map((row) => {
      const s = row.cards === 0 ? 0 : row.overridden / row.cards;
      const bar = `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="104" height="14"><rect x="0" y="2" width="100" height="10" fill="#eee"/><rect x="0" y="2" width="${(100 * s).toFixed(1)}" height="10" fill="#5f6b7a"/></svg>`;
      return `<tr><td>${escapeHtml(row.ruleSetId)}</td><td>${escapeHtml(row.ruleSetVersion)}</td><td><code>${escapeHtml(row.ruleId)}</code></td><td class="n">${row.cards}</td><td class="n">${row.accepted}</td><td class="n">${row.overridden}</td><td class="n">${bar} ${escapeHtml(share(row.overridden, row.cards, lang))}</td><td>${reasonsOf(
        row,
      )
        .map(([l, n]) => `${escapeHtml(l)}: ${n}`)
        .join('<br>')}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(TXT.htmlTitle[lang])}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}table{border-collapse:collapse}td,th{padding:.25rem .6rem;text-align:left;border-bottom:1px solid #ddd;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.small{color:#555;font-size:.85rem}code{font-size:.85em}
@page{size:A4 landscape;margin:12mm}@media print{body{margin:0;max-width:none}}
</style>
</head>
<body>
<h1>${escapeHtml(TXT.htmlTitle[lang])}</h1>
<p>${escapeHtml(TXT.header[lang](file, cards, invalid))}</p>
<p class="small">${escapeHtml(TXT.note[lang])}</p>
<table><thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>
${body}
</tbody></table>
</body>
</html>
`;
}
