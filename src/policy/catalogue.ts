import type { CompiledRuleSet } from '../engine/compile.js';
import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import type { Parameter, Rule } from '../model/ruleSet.js';
import { paramValueText, rationaleText } from '../engine/placeholders.js';
import type { TestVectorFile } from '../model/vectors.js';
import { changeLogBlocks, signOffFields } from './changeLog.js';
import type { Block, Inline, ListItem } from './doc.js';
import { escapeHtml, richText, toHtml, toMarkdown } from './doc.js';
import type { ProseNode } from './prose.js';
import { conditionProse, proseContext } from './prose.js';
import { LANGS } from '../model/lang.js';

/*
 * The rule catalogue: every rule set, parameter, named condition and rule in Norwegian prose, with
 * its source, its texts in all three languages and the vectors that pin it. Built from the compiled
 * rule sets, so it can never describe a rule that does not load. Output is deterministic (no date or
 * clock), so a catalogue can be committed and diffed.
 */

/** A parameter's rationale, and when its value differs from its source's, the change note that says why. */
function paramRationale(p: Parameter, lang: CatalogueLang): string {
  const base = p.rationale === undefined ? '' : rationaleText(p.rationale)[lang];
  if (p.changeNote === undefined) return base;
  const from =
    p.sourceValue === undefined
      ? { nb: 'Lokal endring', nn: 'Lokal endring' }[lang]
      : {
          nb: `Endret fra kildens verdi ${paramValueText(p.sourceValue, lang)}`,
          nn: `Endra frå verdien i kjelda, ${paramValueText(p.sourceValue, lang)}`,
        }[lang];
  return `${base}${base === '' ? '' : ' '}${from}: ${rationaleText(p.changeNote)[lang]}`;
}

/** The languages the catalogue is written in. */
export type CatalogueLang = 'nb' | 'nn';

/** What the catalogue is made from. */
export interface CatalogueInput {
  readonly ruleSets: readonly {
    readonly ruleSet: CompiledRuleSet;
    /**
     * Where the rule set came from, as shown to readers: name it relative to the rules folder
     * (`identification.json`), never by a path on the author's machine.
     */
    readonly path: string;
    readonly vectors: readonly TestVectorFile[];
    /** Every version of the rule set, the one shown included, for the change log. Default: the one shown. */
    readonly versions?: readonly CompiledRuleSet[];
  }[];
  readonly facts: FactRegistry;
}

const T = {
  title: { nb: 'Regelkatalog', nn: 'Regelkatalog' },
  intro: {
    nb: 'Katalogen er laget fra regelfilene. Hver regel står med betingelsene i klartekst, kilden, tekstene på bokmål, nynorsk og engelsk, og testvektorene som viser hvordan den virker.',
    nn: 'Katalogen er laga frå regelfilene. Kvar regel står med vilkåra i klartekst, kjelda, tekstane på bokmål, nynorsk og engelsk, og testvektorane som viser korleis han verkar.',
  },
  contents: { nb: 'Innhold', nn: 'Innhald' },
  titleOf: { nb: (t: string) => `Regelkatalog: ${t}`, nn: (t: string) => `Regelkatalog: ${t}` },
  file: { nb: 'Fil', nn: 'Fil' },
  version: { nb: 'Versjon', nn: 'Versjon' },
  valid: { nb: 'Gyldig', nn: 'Gyldig' },
  from: { nb: 'fra', nn: 'frå' },
  to: { nb: 'til', nn: 'til' },
  hash: { nb: 'Innholdshash', nn: 'Innhaldshash' },
  parameters: { nb: 'Parametre', nn: 'Parametrar' },
  parameter: { nb: 'Parameter', nn: 'Parameter' },
  value: { nb: 'Verdi', nn: 'Verdi' },
  description: { nb: 'Beskrivelse', nn: 'Skildring' },
  evidence: { nb: 'Grunnlag', nn: 'Grunnlag' },
  rationale: { nb: 'Begrunnelse', nn: 'Grunngjeving' },
  conditions: { nb: 'Navngitte betingelser', nn: 'Namngjevne vilkår' },
  scoring: { nb: 'Poengskår', nn: 'Poengskår' },
  tierFrom: {
    nb: (tier: string, pts: string, param?: string) => `${tier} fra ${pts} poeng${param ? ` (parameteren ${param})` : ''}`,
    nn: (tier: string, pts: string, param?: string) => `${tier} frå ${pts} poeng${param ? ` (parameteren ${param})` : ''}`,
  },
  rules: { nb: 'Regler', nn: 'Reglar' },
  when: { nb: 'Gjelder når', nn: 'Gjeld når' },
  texts: { nb: 'Tekster', nn: 'Tekstar' },
  source: { nb: 'Kilde', nn: 'Kjelde' },
  severity: { nb: 'Alvorlighetsgrad', nn: 'Alvorsgrad' },
  event: { nb: 'Resultat', nn: 'Resultat' },
  priority: { nb: 'Prioritet', nn: 'Prioritet' },
  vectors: { nb: 'Testvektorer', nn: 'Testvektorar' },
  noVectors: { nb: 'Ingen testvektor nevner regelen.', nn: 'Ingen testvektor nemner regelen.' },
  expFired: { nb: 'forventet utløst', nn: 'venta utløyst' },
  expNotFired: { nb: 'forventet ikke utløst', nn: 'venta ikkje utløyst' },
  expUnknown: { nb: 'forventet ukjent (mangler data)', nn: 'venta ukjend (manglar data)' },
  codeLists: { nb: 'Kodelister', nn: 'Kodelister' },
  codeList: { nb: 'Kodeliste', nn: 'Kodeliste' },
  entries: { nb: 'Koder', nn: 'Kodar' },
  facts: { nb: 'Fakta', nn: 'Fakta' },
  fact: { nb: 'Faktum', nn: 'Faktum' },
  meaning: { nb: 'Betydning', nn: 'Tyding' },
  found: { nb: 'funnet i kilden', nn: 'funne i kjelda' },
  inferred: { nb: 'utledet av kilden', nn: 'utleidd av kjelda' },
  points: { nb: 'poeng', nn: 'poeng' },
  prompt: { nb: 'melding til klinikeren', nn: 'melding til klinikaren' },
  finding: { nb: 'funn', nn: 'funn' },
  langNames: { nb: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' }, nn: { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' } },
} as const;

const SEVERITY = {
  info: { nb: 'informasjon', nn: 'informasjon' },
  warning: { nb: 'advarsel', nn: 'åtvaring' },
  critical: { nb: 'kritisk', nn: 'kritisk' },
} as const;

const TIER = {
  high: { nb: 'høy risiko', nn: 'høg risiko' },
  moderate: { nb: 'moderat risiko', nn: 'moderat risiko' },
  low: { nb: 'lav risiko', nn: 'låg risiko' },
} as const;

/** Anchor id of a rule in one language; stable, so links to a rule survive regeneration. */
export function ruleAnchor(lang: CatalogueLang, ruleSetId: string, ruleId: string): string {
  return `${lang}-${ruleSetId}-${ruleId}`.toLowerCase();
}

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v);
}

function proseItems(node: ProseNode): ListItem[] {
  return [{ text: [node.text], children: node.children.flatMap(proseItems) }];
}

function sourceInline(s: Rule['source']): Inline[] {
  const text = `${s.document}, ${s.section}`;
  return [s.url ? { text, href: s.url } : text, ...(s.note ? [` (${s.note})`] : [])];
}

function eventInline(rule: Rule, lang: CatalogueLang): Inline[] {
  const p = rule.event.params ?? {};
  if (rule.event.type === 'score')
    return [`${show(p['points'])} ${T.points[lang]}`, ...(typeof p['component'] === 'string' ? [` (${p['component']})`] : [])];
  const parts: Inline[] = [
    rule.event.type === 'prompt' ? T.prompt[lang] : rule.event.type === 'finding' ? T.finding[lang] : { code: rule.event.type },
  ];
  if (typeof p['finding'] === 'string') parts.push(rule.event.type === 'finding' ? ' ' : `; ${T.finding[lang]} `, { code: p['finding'] });
  const rest = Object.entries(p).filter(([k]) => k !== 'finding');
  if (rest.length) parts.push(' (', ...rest.flatMap(([k, v], i) => [i ? ', ' : '', { code: `${k}: ${show(v)}` }] as Inline[]), ')');
  return parts;
}

/** Builds the catalogue's blocks in one language. */
export function catalogueBlocks(input: CatalogueInput, lang: CatalogueLang): Block[] {
  const usedFacts = new Set<string>();
  const usedLists = new Map<string, CodeList>();
  for (const { ruleSet: rs } of input.ruleSets) {
    for (const s of rs.slots) usedFacts.add(s.name);
    for (const [id, l] of rs.codeLists) usedLists.set(id, l);
  }
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: catalogueTitle(input, lang), id: `${lang}-top` },
    { kind: 'paragraph', text: [T.intro[lang]] },
    { kind: 'heading', level: 2, text: T.contents[lang], id: `${lang}-contents` },
    {
      kind: 'list',
      items: [
        ...input.ruleSets.map(({ ruleSet: rs }) => ({
          text: [{ text: `${rs.file.title[lang]} (${rs.id} ${rs.version})`, href: `#${lang}-${rs.id}` }],
          children: rs.file.rules.map((r) => ({
            text: [{ text: `${r.id}: ${r.title[lang]}`, href: `#${ruleAnchor(lang, rs.id, r.id)}` }],
          })),
        })),
        ...(usedLists.size ? [{ text: [{ text: T.codeLists[lang], href: `#${lang}-code-lists` }] }] : []),
        ...(usedFacts.size ? [{ text: [{ text: T.facts[lang], href: `#${lang}-facts` }] }] : []),
      ],
    },
  ];

  for (const { ruleSet: rs, path, vectors, versions } of input.ruleSets) {
    const ctx = proseContext(rs, input.facts);
    const f = rs.file;
    blocks.push(
      { kind: 'heading', level: 2, text: `${f.title[lang]} (${rs.id})`, id: `${lang}-${rs.id}` },
      ...(f.description ? [{ kind: 'paragraph', text: richText(f.description[lang]) } as Block] : []),
      {
        kind: 'fields',
        fields: [
          { label: T.file[lang], value: [{ code: path }] },
          { label: T.version[lang], value: [rs.version] },
          { label: T.valid[lang], value: [`${T.from[lang]} ${rs.validFrom}${rs.validTo ? ` ${T.to[lang]} ${rs.validTo}` : ''}`] },
          { label: T.hash[lang], value: [{ code: rs.contentHash }] },
          ...signOffFields(rs, lang),
        ],
      },
      ...changeLogBlocks(rs, versions ?? [rs], lang),
    );
    const params = Object.entries(f.parameters ?? {});
    if (params.length) {
      blocks.push(
        { kind: 'heading', level: 3, text: T.parameters[lang], id: `${lang}-${rs.id}-parameters` },
        {
          kind: 'table',
          head: [T.parameter[lang], T.value[lang], T.description[lang], T.evidence[lang], T.rationale[lang]],
          rows: params.map(([name, p]) => [
            [{ code: name }],
            [show(rs.parameters[name])],
            richText(p.description[lang]),
            [p.evidence === 'found' ? T.found[lang] : T.inferred[lang], ...(p.source ? ['; ', ...sourceInline(p.source)] : [])],
            richText(paramRationale(p, lang)),
          ]),
        },
      );
    }
    const named = Object.entries(f.conditions ?? {});
    if (named.length) {
      blocks.push(
        { kind: 'heading', level: 3, text: T.conditions[lang], id: `${lang}-${rs.id}-conditions` },
        { kind: 'list', items: named.map(([name]) => proseItems(conditionProse({ condition: name }, ctx, lang))[0]!) },
      );
    }
    if (f.scoring && rs.tiers) {
      const tiers = f.scoring.tiers.map((t) => {
        const mp = t.minPoints;
        const text =
          typeof mp === 'number'
            ? T.tierFrom[lang](TIER[t.tier][lang], String(mp))
            : T.tierFrom[lang](TIER[t.tier][lang], show(rs.parameters[mp.param]), mp.param);
        return { text: [text] } as ListItem;
      });
      blocks.push(
        { kind: 'heading', level: 3, text: T.scoring[lang], id: `${lang}-${rs.id}-scoring` },
        ...(f.scoring.description ? [{ kind: 'paragraph', text: richText(f.scoring.description[lang]) } as Block] : []),
        { kind: 'list', items: tiers },
      );
    }
    blocks.push({ kind: 'heading', level: 3, text: T.rules[lang], id: `${lang}-${rs.id}-rules` });
    for (const rule of f.rules) {
      const vec = (key: 'fired' | 'notFired' | 'unknown') =>
        vectors.flatMap((vf) => vf.vectors.filter((v) => (v.expect[key] ?? []).includes(rule.id)).map((v) => v.name));
      const groups = [
        { label: T.expFired[lang], names: vec('fired') },
        { label: T.expNotFired[lang], names: vec('notFired') },
        { label: T.expUnknown[lang], names: vec('unknown') },
      ].filter((g) => g.names.length > 0);
      blocks.push(
        { kind: 'heading', level: 4, text: `${rule.id}: ${rule.title[lang]}`, id: ruleAnchor(lang, rs.id, rule.id) },
        {
          kind: 'fields',
          fields: [
            { label: T.when[lang], value: [], list: proseItems(conditionProse(rule.conditions, ctx, lang)) },
            { label: T.event[lang], value: eventInline(rule, lang) },
            {
              label: T.texts[lang],
              value: [],
              list: LANGS.map((l) => ({
                text: [{ strong: `${T.langNames[lang][l]}:` }, ...richText(` ${rule.title[l]}. ${rule.text[l]}`)],
              })),
            },
            { label: T.source[lang], value: sourceInline(rule.source) },
            { label: T.evidence[lang], value: [rule.evidence === 'found' ? T.found[lang] : T.inferred[lang]] },
            { label: T.severity[lang], value: [SEVERITY[rule.severity][lang]] },
            ...(rule.priority !== undefined ? [{ label: T.priority[lang], value: [String(rule.priority)] }] : []),
            ...(rule.rationale ? [{ label: T.rationale[lang], value: richText(rationaleText(rule.rationale)[lang]) }] : []),
            groups.length
              ? {
                  label: T.vectors[lang],
                  value: [],
                  list: groups.map((g) => ({ text: [`${g.label}:`], children: g.names.map((n) => ({ text: [n] })) })),
                }
              : { label: T.vectors[lang], value: [T.noVectors[lang]] },
          ],
        },
      );
    }
  }

  if (usedLists.size) {
    blocks.push(
      { kind: 'heading', level: 2, text: T.codeLists[lang], id: `${lang}-code-lists` },
      {
        kind: 'table',
        head: [T.codeList[lang], T.version[lang], T.source[lang], T.evidence[lang], T.entries[lang]],
        rows: [...usedLists.values()]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((l) => [
            [{ code: l.id }, ` ${l.file.title[lang]}`],
            [l.version],
            sourceInline(l.file.source),
            [l.file.evidence === 'found' ? T.found[lang] : T.inferred[lang]],
            [String(l.file.entries.length)],
          ]),
      },
    );
  }
  const facts = [...usedFacts].sort().flatMap((n) => {
    const d = input.facts.get(n);
    return d ? [d] : [];
  });
  if (facts.length) {
    blocks.push(
      { kind: 'heading', level: 2, text: T.facts[lang], id: `${lang}-facts` },
      {
        kind: 'table',
        head: [T.fact[lang], T.meaning[lang]],
        rows: facts.map((d) => [[{ code: d.name }, ` ${d.label[lang]}`], richText(d.description[lang])]),
      },
    );
  }
  return blocks;
}

/** The catalogue as Markdown in one language. */
export function renderCatalogueMarkdown(input: CatalogueInput, lang: CatalogueLang): string {
  return toMarkdown(catalogueBlocks(input, lang));
}

/** The catalogue's title: the rule set's own when it covers one. */
export function catalogueTitle(input: CatalogueInput, lang: CatalogueLang): string {
  const only = input.ruleSets.length === 1 ? input.ruleSets[0]!.ruleSet : undefined;
  return only ? T.titleOf[lang](only.file.title[lang]) : T.title[lang];
}

/*
 * Screen: one readable column. Print: A4 with margins, each rule set from a new page, no heading
 * left alone at the foot of a page, a rule's fields kept together where they fit, and long codes
 * and links broken rather than cut off at the margin.
 */
const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.45;color:#1b1b1b;background:#fff}
h1,h2,h3,h4{scroll-margin-top:1rem;line-height:1.25}h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid #0b5394}h4{margin:2rem 0 .5rem;color:#0b5394}
a{color:#0b5394}td,dd,li{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
dl{display:grid;grid-template-columns:11rem 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}dd ul{margin:.1rem 0;padding-left:1.2rem}
code{background:#f3f3f3;padding:0 .2rem;border-radius:3px;font-size:.9em}
@page{size:A4;margin:18mm 16mm 18mm 18mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.35}
h1{font-size:18pt}h2{font-size:14pt;break-before:page}h3{font-size:12pt}h4{font-size:11pt;margin:1.2em 0 .3em}
h1+p+h2{break-before:auto}h1,h2,h3,h4{break-after:avoid}dl,tr,li{break-inside:avoid}
table{font-size:8.5pt}dl{grid-template-columns:8.5rem 1fr}a{color:inherit;text-decoration:none}code{background:none;padding:0}}`;

/**
 * The catalogue in one language as one self-contained HTML page, ready to print to A4 PDF. Styles
 * are inline and a Content-Security-Policy forbids every fetch, so opening the page makes no
 * network request.
 */
export function renderCatalogueHtml(input: CatalogueInput, lang: CatalogueLang = 'nb'): string {
  const title = catalogueTitle(input, lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${toHtml(catalogueBlocks(input, lang))}
</body>
</html>
`;
}
