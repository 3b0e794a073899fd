import type { Lang } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import { tierName } from '../explain/score.js';
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
  linearScale: {
    nb: 'Antall personer per poengsum (lineær skala; tallet over stolpen er antallet). Fargen viser risikonivået.',
    nn: 'Tal personar per poengsum (lineær skala; talet over stolpen er talet). Fargen viser risikonivået.',
    en: 'Number of persons per score (linear scale; the figure above a bar is the count). The colour shows the risk tier.',
  },
  moderateFrom: { nb: 'Moderat fra', nn: 'Moderat frå', en: 'Moderate from' },
  listedFrom: { nb: 'Arbeidslisten fra', nn: 'Arbeidslista frå', en: 'Worklist from' },
  synthetic: { nb: 'Syntetiske data', nn: 'Syntetiske data', en: 'Synthetic data' },
  syntheticNote: {
    nb: 'Personene er laget av bibliotekets generator for syntetiske kohorter, ikke hentet fra en pasientliste. Tallene viser hvordan reglene virker, ikke hvor mange som trenger oppfølging her.',
    nn: 'Personane er laga av generatoren for syntetiske kohortar i biblioteket, ikkje henta frå ei pasientliste. Tala viser korleis reglane verkar, ikkje kor mange som treng oppfølging her.',
    en: "The persons were made by the library's synthetic cohort generator, not taken from a patient list. The figures show how the rules behave, not how many need follow-up here.",
  },
  seed: { nb: 'frø', nn: 'frø', en: 'seed' },
  band: {
    nb: 'Andel med høy risiko mot rammeverkets anslag',
    nn: 'Del med høg risiko mot anslaget i rammeverket',
    en: 'Share at high risk against the framework’s estimate',
  },
  bandNote: {
    nb: 'Det skraverte feltet er 3–5 %: målgruppen «finnes blant 3–5 % av befolkningen» (Helsedirektoratet, Pilot for strukturert tverrfaglig oppfølgingsteam, funnet i kilden). Anslaget gjelder hele befolkningen og er ingen grense; fastlegen vurderer hver person.',
    nn: 'Det skraverte feltet er 3–5 %: målgruppa «finst blant 3–5 % av befolkninga» (Helsedirektoratet, Pilot for strukturert tverrfagleg oppfølgingsteam, funne i kjelda). Anslaget gjeld heile befolkninga og er inga grense; fastlegen vurderer kvar person.',
    en: 'The shaded band is 3–5 %: the target group "is found among 3–5 % of the population" (Helsedirektoratet, pilot for structured interdisciplinary follow-up teams; found in the source). The estimate is for the whole population and is not a cut-off; the GP assesses each person.',
  },
  // The source is printed as text, not a link: the page links nowhere and fetches nothing.
  sourceLabel: { nb: 'Kilde', nn: 'Kjelde', en: 'Source' },
  legend: { nb: 'Risikonivå', nn: 'Risikonivå', en: 'Risk tier' },
  tiers: { nb: 'Personer per risikonivå', nn: 'Personar per risikonivå', en: 'Persons per risk tier' },
  all: { nb: 'Alle', nn: 'Alle', en: 'All' },
  adults: { nb: 'Voksne (18+)', nn: 'Vaksne (18+)', en: 'Adults (18+)' },
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

/** Where the framework's 3–5 % estimate of the target group's size is published. */
export const TARGET_SIZE_SOURCE =
  'https://www.helsedirektoratet.no/om-oss/forsoksordninger-og-prosjekter/pilot-for-strukturert-tverrfaglig-oppfolgingsteam';

/** One colour per tier in every chart, legible for the common colour-vision deficiencies (and each bar is labelled). */
const TIER_COLOUR = { high: '#b3261e', moderate: '#d08c00', low: '#6b8fb8' } as const;
/** Bars that are not tiers (sub-groups, reasons) are neutral, so no chart borrows a tier's colour. */
const NEUTRAL = '#5f6b7a';

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

/** A bar label that fits its column. */
function shorten(s: string): string {
  return s.length > 48 ? `${s.slice(0, 47).trimEnd()}…` : s;
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
function hbars(rows: readonly { label: string; value: number; note: string; color?: string }[], color: string): string {
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
      return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(r.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${r.color ?? color}"/><text x="${labelW + w + 6}" y="${y + 17}">${esc(r.note)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${labelW + barW + 170}" height="${h}" font-size="13">${bars}</svg>`;
}

/** A round step for a linear axis up to `max` with about five ticks. */
function niceStep(max: number): number {
  const raw = Math.max(1, max) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((k) => k * mag >= raw) ?? 10) * mag;
}

function tierOf(points: number, s: StratifySummary): 'high' | 'moderate' | 'low' {
  if (s.highCutOff !== undefined && points >= s.highCutOff) return 'high';
  if (s.moderateCutOff !== undefined && points >= s.moderateCutOff) return 'moderate';
  return 'low';
}

/** The score histogram on a linear scale with the counts written on the bars, coloured by tier, with the cut-offs marked. */
function histogram(s: StratifySummary, lang: Lang): string {
  const hist = s.histogram.length > 0 ? s.histogram : [0];
  const n = hist.length;
  const W = 760;
  const H = 280;
  const left = 64;
  const bottom = 40;
  const top = 34;
  const plotW = W - left - 10;
  const plotH = H - bottom - top;
  const step = niceStep(Math.max(...hist));
  const axisMax = Math.max(step, Math.ceil(Math.max(...hist) / step) * step);
  const bw = plotW / n;
  const y = (v: number) => top + plotH - (plotH * v) / axisMax;
  const parts: string[] = [];
  for (let v = 0; v <= axisMax; v += step) {
    const yy = y(v);
    parts.push(
      `<line x1="${left}" x2="${W - 10}" y1="${yy.toFixed(1)}" y2="${yy.toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(yy + 4).toFixed(1)}" text-anchor="end">${fmt(v, lang)}</text>`,
    );
  }
  hist.forEach((v, p) => {
    const x = left + p * bw;
    const yy = y(v);
    parts.push(
      `<rect x="${(x + 1).toFixed(1)}" y="${yy.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${(top + plotH - yy).toFixed(1)}" fill="${TIER_COLOUR[tierOf(p, s)]}"><title>${p} ${TXT.points[lang]}: ${fmt(v, lang)}</title></rect>`,
    );
    // The count on every bar, so the tail that a linear scale draws flat is still read exactly.
    if (v > 0 && n <= 40)
      parts.push(
        `<text x="${(x + bw / 2).toFixed(1)}" y="${(yy - 3).toFixed(1)}" text-anchor="middle" font-size="${n > 24 ? 8 : 10}">${fmt(v, lang)}</text>`,
      );
    if (n <= 40 || p % 2 === 0) parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${p}</text>`);
  });
  const mark = (at: number | undefined, label: string, row: number, dash: string) => {
    if (at === undefined || at >= n) return;
    const x = left + at * bw;
    parts.push(
      `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${6 + row * 13}" y2="${top + plotH}" stroke="#000" stroke-dasharray="${dash}"/><text x="${(x + 4).toFixed(1)}" y="${16 + row * 13}">${esc(label)} ${at}</text>`,
    );
  };
  mark(s.moderateCutOff, TXT.moderateFrom[lang], 0, '2 3');
  mark(s.highCutOff, TXT.high[lang], 1, '6 3');
  if (s.cutOff.minPoints !== undefined && s.cutOff.minPoints !== s.highCutOff) mark(s.cutOff.minPoints, TXT.listedFrom[lang], 2, '1 2');
  parts.push(`<text x="${left + plotW / 2}" y="${H - 6}" text-anchor="middle">${TXT.points[lang]}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" font-size="12">${parts.join('')}</svg><p class="small">${esc(TXT.linearScale[lang])}</p>`;
}

/** The share at high risk on a 0–10 % axis, with the framework's 3–5 % band shaded. */
function band(s: StratifySummary, lang: Lang): string {
  const share = s.ranked === 0 ? 0 : (100 * s.tiers.high) / s.ranked;
  const axis = Math.max(10, Math.ceil(share / 5) * 5);
  const left = 20;
  const W = 700;
  const x = (v: number) => left + ((W - 2 * left) * v) / axis;
  const ticks: string[] = [];
  for (let v = 0; v <= axis; v += axis > 20 ? 5 : 1)
    ticks.push(
      `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="52" y2="57" stroke="#555"/><text x="${x(v).toFixed(1)}" y="70" text-anchor="middle">${v} %</text>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="78" font-size="12"><rect x="${x(3).toFixed(1)}" y="10" width="${(x(5) - x(3)).toFixed(1)}" height="42" fill="#e6e6e6" stroke="#999" stroke-dasharray="3 2"/><text x="${((x(3) + x(5)) / 2).toFixed(1)}" y="8" text-anchor="middle" font-size="10">3–5 %</text><rect x="${left}" y="22" width="${Math.max(1, x(share) - left).toFixed(1)}" height="18" fill="${TIER_COLOUR.high}"/><text x="${(x(share) + 6).toFixed(1)}" y="36">${esc(pct(s.tiers.high, s.ranked, lang))}</text><line x1="${left}" x2="${W - left}" y1="52" y2="52" stroke="#555"/>${ticks.join('')}</svg><p class="small">${esc(TXT.bandNote[lang])} ${esc(TXT.sourceLabel[lang])}: ${esc(TARGET_SIZE_SOURCE)}</p>`;
}

function legend(lang: Lang): string {
  const item = (k: 'high' | 'moderate' | 'low') =>
    `<span class="key"><span class="swatch" style="background:${TIER_COLOUR[k]}"></span>${esc(tierName(k, lang))}</span>`;
  return `<p class="small">${esc(TXT.legend[lang])}: ${item('high')} ${item('moderate')} ${item('low')}</p>`;
}

/** Options for {@link renderStratifyReport}. */
export interface StratifyReportOptions {
  /** The cohort was generated, not read: the report says «Syntetiske data» at the top. */
  readonly synthetic?: { readonly seed: number; readonly size: number };
}

/** Renders the population report as one self-contained HTML page. */
export function renderStratifyReport(s: StratifySummary, lang: Lang = s.lang, options: StratifyReportOptions = {}): string {
  const t = (k: keyof typeof TXT) => esc(TXT[k][lang]);
  // Every tier row says how many of its persons have a preliminary tier (one the missing data could change).
  const uncertain = (k: 'high' | 'moderate' | 'low', of: StratifySummary['tiers']) =>
    of === s.tiers && (s.uncertainTiers?.[k] ?? 0) > 0 ? `; ${fmt(s.uncertainTiers[k], lang)} ${TXT.uncertain[lang]}` : '';
  const tierRows = (tiers: StratifySummary['tiers'], of: number) =>
    (['high', 'moderate', 'low'] as const).map((k) => ({
      label: tierName(k, lang),
      value: tiers[k],
      color: TIER_COLOUR[k],
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
    .map((r) => ({ label: shorten(r.title ?? r.text), value: r.count, note: `${fmt(r.count, lang)} (${pct(r.count, s.listed, lang)})` }));
  const reasonTexts = s.listedReasons
    .slice(0, 15)
    .map((r) => `<li>${esc(r.title ?? r.text)} <code>${esc(r.ruleId)}</code></li>`)
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
<title>${options.synthetic ? `${t('synthetic')} – ` : ''}${t('title')}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums}.small{color:#555;font-size:.85rem}code{font-size:.85em}
svg text{fill:#1b1b1b}.synthetic{border:2px solid #8a5a00;background:#fff6e0;padding:.5rem .75rem;margin:1rem 0}
.key{margin-right:1rem;white-space:nowrap}.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}svg{max-width:100%;height:auto}h2{break-after:avoid}}
</style>
</head>
<body>
<h1>${t('title')}</h1>
${options.synthetic ? `<p class="synthetic"><strong>${t('synthetic')}</strong> (${fmt(options.synthetic.size, lang)} ${esc({ nb: 'personer', nn: 'personar', en: 'persons' }[lang])}, ${t('seed')} ${options.synthetic.seed}). ${t('syntheticNote')}</p>` : ''}
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
${legend(lang)}
${histogram(s, lang)}
<h2>${t('band')}</h2>
${band(s, lang)}
<h2>${t('tiers')}</h2>
<h3>${t('all')}</h3>
${hbars(tierRows(s.tiers, s.ranked), NEUTRAL)}
<p class="small">${t('uncertainNote')}</p>
<h3>${t('adults')}</h3>
${hbars(tierRows(s.adultTiers, s.adults), NEUTRAL)}
<h2>${t('subGroups')}</h2>
<h3>${t('amongAll')}</h3>
${hbars(groupRows(s.subGroups, s.ranked), NEUTRAL)}
<h3>${t('amongListed')}</h3>
${hbars(groupRows(s.listedSubGroups, s.listed), NEUTRAL)}
<h2>${t('reasons')}</h2>
${hbars(reasonRows, NEUTRAL)}
<ol class="small">${reasonTexts}</ol>
<h2>${t('rejectedList')}</h2>
${rejected}
</body>
</html>
`;
}
