import type { Lang } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import type { StratifySummary } from './stratifier.js';

/*
 * The population report: one self-contained HTML page (inline CSS and SVG, a Content-Security-Policy
 * that forbids every external request) with the score distribution, the counts per tier and
 * sub-group, and the top reasons among those listed. It holds counts only, never a person.
 * Presentation lives here, apart from population/ which computes the summary; the
 * `oppfolgingsteam/population` entry exports it and the `stratify --report` command writes it.
 */

const TXT = {
  title: {
    nb: 'Risikokartlegging – populasjonsrapport',
    nn: 'Risikokartlegging – populasjonsrapport',
    en: 'Risk screening – population report',
  },
  ruleSet: { nb: 'Regelsett', nn: 'Regelsett', en: 'Rule set' },
  asOf: { nb: 'Vurdert per', nn: 'Vurdert per', en: 'Assessed as of' },
  cutOff: { nb: 'Avgrensning', nn: 'Avgrensing', en: 'Cut-off' },
  high: { nb: 'Høy risiko fra', nn: 'Høg risiko frå', en: 'High risk from' },
  points: { nb: 'poeng', nn: 'poeng', en: 'points' },
  read: { nb: 'Lest', nn: 'Lese', en: 'Read' },
  ranked: { nb: 'Rangert', nn: 'Rangert', en: 'Ranked' },
  rejected: { nb: 'Avvist', nn: 'Avvist', en: 'Rejected' },
  listed: { nb: 'På arbeidslisten', nn: 'På arbeidslista', en: 'On the worklist' },
  distribution: { nb: 'Fordeling av risikoskår', nn: 'Fordeling av risikoskår', en: 'Distribution of risk scores' },
  logScale: { nb: 'antall personer, logaritmisk skala', nn: 'tal personar, logaritmisk skala', en: 'number of persons, logarithmic scale' },
  tiers: { nb: 'Personer per risikonivå', nn: 'Personar per risikonivå', en: 'Persons per risk tier' },
  all: { nb: 'Alle', nn: 'Alle', en: 'All' },
  adults: { nb: 'Voksne (18+)', nn: 'Vaksne (18+)', en: 'Adults (18+)' },
  low: { nb: 'lav', nn: 'låg', en: 'low' },
  moderate: { nb: 'moderat', nn: 'moderat', en: 'moderate' },
  highTier: { nb: 'høy', nn: 'høg', en: 'high' },
  uncertain: { nb: 'foreløpig', nn: 'førebels', en: 'preliminary' },
  uncertainNote: {
    nb: 'Foreløpig: nivået kan endre seg når opplysninger som mangler, blir kjent.',
    nn: 'Førebels: nivået kan endre seg når opplysningar som manglar, blir kjende.',
    en: 'Preliminary: the tier could change once missing information becomes known.',
  },
  subGroups: { nb: 'Undergrupper', nn: 'Undergrupper', en: 'Sub-groups' },
  amongAll: { nb: 'blant alle rangerte', nn: 'blant alle rangerte', en: 'among all ranked' },
  amongListed: { nb: 'blant dem på arbeidslisten', nn: 'blant dei på arbeidslista', en: 'among those on the worklist' },
  reasons: {
    nb: 'Vanligste grunner på arbeidslisten',
    nn: 'Vanlegaste grunnar på arbeidslista',
    en: 'Most common reasons on the worklist',
  },
  rejectedList: {
    nb: 'Avviste poster (linje, felt, feil)',
    nn: 'Avviste postar (linje, felt, feil)',
    en: 'Rejected records (line, field, error)',
  },
  none: { nb: 'Ingen.', nn: 'Ingen.', en: 'None.' },
  note: {
    nb: 'Verktøyet foreslår, det bestemmer ikke: fastlegen vurderer hver person, og personens ønske avgjør. Rapporten inneholder bare antall, ingen personopplysninger.',
    nn: 'Verktøyet føreslår, det avgjer ikkje: fastlegen vurderer kvar person, og ønsket til personen avgjer. Rapporten inneheld berre tal, ingen personopplysningar.',
    en: "The tool suggests; it does not decide: the GP assesses each person, and the person's wish decides. The report holds counts only, no personal data.",
  },
} as const;

const SUBGROUP: Record<string, Record<Lang, string>> = {
  children: { nb: 'barn og unge', nn: 'barn og unge', en: 'children and young people' },
  'mental-substance': { nb: 'psykisk helse og rus', nn: 'psykisk helse og rus', en: 'mental health and substance use' },
  'frail-elderly': { nb: 'skrøpelige eldre', nn: 'skrøpelege eldre', en: 'frail elderly' },
  chronic: { nb: 'kronisk syke', nn: 'kronisk sjuke', en: 'chronically ill' },
};

function cutOffText(c: StratifySummary['cutOff'], lang: Lang): string {
  if (c.by === 'points') return `${{ nb: 'minst', nn: 'minst', en: 'at least' }[lang]} ${c.minPoints} ${TXT.points[lang]}`;
  const p = lang === 'en' ? String(c.percent) : String(c.percent).replace('.', ',');
  const lowest =
    c.minPoints === undefined ? '' : ` (${{ nb: 'lavest', nn: 'lågast', en: 'lowest' }[lang]} ${c.minPoints} ${TXT.points[lang]})`;
  return `${{ nb: 'de øverste', nn: 'dei øvste', en: 'the top' }[lang]} ${p} %${lowest}`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(n: number, lang: Lang): string {
  // Thin-space thousands separators in Norwegian, commas in English; no Intl, so every host renders the same.
  const s = String(Math.round(n));
  const sep = lang === 'en' ? ',' : '\u202f';
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function pct(n: number, of: number, lang: Lang): string {
  if (of === 0) return '–';
  const v = ((100 * n) / of).toFixed(1);
  return `${lang === 'en' ? v : v.replace('.', ',')} %`;
}

/** Horizontal bars with labels and values. */
function hbars(rows: readonly { label: string; value: number; note: string }[], color: string): string {
  if (rows.length === 0) return '';
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 26;
  const labelW = 330;
  const barW = 360;
  const h = rows.length * rowH + 8;
  const bars = rows
    .map((r, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(1, (barW * r.value) / max);
      return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(r.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${color}"/><text x="${labelW + w + 6}" y="${y + 17}">${esc(r.note)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelW + barW + 170}" height="${h}" font-size="13">${bars}</svg>`;
}

/** The score histogram on a log scale, with the cut-offs marked. */
function histogram(s: StratifySummary, lang: Lang): string {
  const hist = s.histogram.length > 0 ? s.histogram : [0];
  const n = hist.length;
  const W = 760;
  const H = 260;
  const left = 56;
  const bottom = 40;
  const plotW = W - left - 10;
  const plotH = H - bottom - 10;
  const maxLog = Math.log10(Math.max(10, ...hist) + 1);
  const bw = plotW / n;
  const y = (v: number) => 10 + plotH - (plotH * Math.log10(v + 1)) / maxLog;
  const parts: string[] = [];
  for (let e = 0; 10 ** e <= Math.max(10, ...hist) * 1.0001; e++) {
    const yy = y(10 ** e);
    parts.push(
      `<line x1="${left}" x2="${W - 10}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(yy + 4).toFixed(1)}" text-anchor="end">${fmt(10 ** e, lang)}</text>`,
    );
  }
  const minListed = s.cutOff.by === 'points' ? s.cutOff.minPoints : s.cutOff.minPoints;
  hist.forEach((v, p) => {
    const x = left + p * bw;
    const top = y(v);
    const listed = minListed !== undefined && p >= minListed;
    parts.push(
      `<rect x="${(x + 1).toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${(10 + plotH - top).toFixed(1)}" fill="${listed ? '#b3261e' : '#4a6fa5'}"><title>${p} ${TXT.points[lang]}: ${fmt(v, lang)}</title></rect>`,
    );
    if (n <= 40 || p % 2 === 0) parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${p}</text>`);
  });
  if (s.highCutOff !== undefined && s.highCutOff < n) {
    const x = left + s.highCutOff * bw;
    parts.push(
      `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="6" y2="${10 + plotH}" stroke="#000" stroke-dasharray="4 3"/><text x="${(x + 4).toFixed(1)}" y="20">${esc(TXT.high[lang])} ${s.highCutOff}</text>`,
    );
  }
  parts.push(`<text x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">${TXT.points[lang]}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" font-size="12">${parts.join('')}</svg><p class="small">${esc(TXT.logScale[lang])}</p>`;
}

/** Renders the population report as one self-contained HTML page. */
export function renderStratifyReport(s: StratifySummary, lang: Lang = s.lang): string {
  const t = (k: keyof typeof TXT) => esc(TXT[k][lang]);
  // Every tier row says how many of its persons have a preliminary tier (one the missing data could change).
  const uncertain = (k: 'high' | 'moderate' | 'low', of: StratifySummary['tiers']) =>
    of === s.tiers && (s.uncertainTiers?.[k] ?? 0) > 0 ? `; ${fmt(s.uncertainTiers[k], lang)} ${TXT.uncertain[lang]}` : '';
  const tierRows = (tiers: StratifySummary['tiers'], of: number) =>
    (['high', 'moderate', 'low'] as const).map((k) => ({
      label: TXT[k === 'high' ? 'highTier' : k][lang],
      value: tiers[k],
      note: `${fmt(tiers[k], lang)} (${pct(tiers[k], of, lang)}${uncertain(k, tiers)})`,
    }));
  const groups = Object.keys(SUBGROUP);
  for (const g of Object.keys(s.subGroups)) if (!groups.includes(g)) groups.push(g);
  const groupRows = (counts: Readonly<Record<string, number>>, of: number) =>
    groups.map((g) => ({
      label: SUBGROUP[g]?.[lang] ?? g,
      value: counts[g] ?? 0,
      note: `${fmt(counts[g] ?? 0, lang)} (${pct(counts[g] ?? 0, of, lang)})`,
    }));
  const reasonRows = s.listedReasons
    .slice(0, 15)
    .map((r) => ({ label: `${r.ruleId}`, value: r.count, note: `${fmt(r.count, lang)} (${pct(r.count, s.listed, lang)})` }));
  const reasonTexts = s.listedReasons
    .slice(0, 15)
    .map((r) => `<li><code>${esc(r.ruleId)}</code> ${esc(r.text)}</li>`)
    .join('');
  const rejected =
    s.rejectedRecords.length === 0
      ? `<p>${t('none')}</p>`
      : `<ul>${s.rejectedRecords
          .slice(0, 100)
          .map((r) => `<li>${r.line}: ${r.issues.map((i) => `<code>${esc(i.path || '$')}</code> ${esc(i.code)}`).join('; ')}</li>`)
          .join('')}</ul>`;
  return `<!doctype html>
<html lang="${resolveLang(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${t('title')}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums}.small{color:#555;font-size:.85rem}code{font-size:.85em}
svg text{fill:#1b1b1b}
</style>
</head>
<body>
<h1>${t('title')}</h1>
<p class="small">${t('note')}</p>
<table>
<tr><th>${t('ruleSet')}</th><td>${esc(s.ruleSet.id)} ${esc(s.ruleSet.version)} <code>${esc(s.ruleSet.contentHash.slice(0, 12))}</code></td></tr>
<tr><th>${t('asOf')}</th><td>${esc(s.asOf)}</td></tr>
<tr><th>${t('cutOff')}</th><td>${esc(cutOffText(s.cutOff, lang))}${s.highCutOff !== undefined ? ` · ${t('high')} ${s.highCutOff} ${t('points')}` : ''}</td></tr>
<tr><th>${t('read')}</th><td class="n">${fmt(s.read, lang)}</td></tr>
<tr><th>${t('ranked')}</th><td class="n">${fmt(s.ranked, lang)}</td></tr>
<tr><th>${t('rejected')}</th><td class="n">${fmt(s.rejected, lang)}</td></tr>
<tr><th>${t('listed')}</th><td class="n">${fmt(s.listed, lang)}</td></tr>
</table>
<h2>${t('distribution')}</h2>
${histogram(s, lang)}
<h2>${t('tiers')}</h2>
<h3>${t('all')}</h3>
${hbars(tierRows(s.tiers, s.ranked), '#4a6fa5')}
<p class="small">${t('uncertainNote')}</p>
<h3>${t('adults')}</h3>
${hbars(tierRows(s.adultTiers, s.adults), '#4a6fa5')}
<h2>${t('subGroups')}</h2>
<h3>${t('amongAll')}</h3>
${hbars(groupRows(s.subGroups, s.ranked), '#5b8c5a')}
<h3>${t('amongListed')}</h3>
${hbars(groupRows(s.listedSubGroups, s.listed), '#b3261e')}
<h2>${t('reasons')}</h2>
${hbars(reasonRows, '#b3261e')}
<ol class="small">${reasonTexts}</ol>
<h2>${t('rejectedList')}</h2>
${rejected}
</body>
</html>
`;
}
