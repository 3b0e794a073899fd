/**
 * The browser example: the library bundled for the browser (esbuild, see build.ts), showing the
 * CDS Hooks cards for a fictional person's FHIR record. Accepting a suggestion shows the FHIR
 * resource the EPJ would create and the feedback record it would store; dismissing a card asks for
 * an override reason. Everything runs in the page: no network, no clock (the date is fixed).
 */
import { bundledRuleSetIds, evaluateParsed, loadBundledRuleSet } from 'oppfolgingsteam';
import { ingestFeedback, nameBasedUuid, resourcesToCreate, toCards, validateCdsResponse } from 'oppfolgingsteam/cds-hooks';
import { personFromBundle } from 'oppfolgingsteam/fhir';
import type { CdsCard } from 'oppfolgingsteam/cds-hooks';
import type { Lang } from 'oppfolgingsteam';
import kasper from '../fhir/kasper.json';
import klara from '../fhir/klara.json';
import morten from '../fhir/morten.json';
import nora from '../fhir/nora.json';
import { renderMarkdown } from './markdown.js';

const RECORDS: Record<string, unknown> = { klara, morten, kasper, nora };
const AS_OF = '2026-11-23';
const UI = {
  nb: {
    status: 'Vurdert per {date}: {n} kort. Ikke brukt fra journalen: {m}.',
    accept: 'Godta',
    dismiss: 'Avvis',
    reason: 'Grunn',
    created: 'Opprettes i EPJ',
    stored: 'Tilbakemelding som lagres',
    source: 'Kilde',
  },
  nn: {
    status: 'Vurdert per {date}: {n} kort. Ikkje brukt frå journalen: {m}.',
    accept: 'Godta',
    dismiss: 'Avvis',
    reason: 'Grunn',
    created: 'Blir oppretta i EPJ',
    stored: 'Tilbakemelding som blir lagra',
    source: 'Kjelde',
  },
  en: {
    status: 'Assessed as of {date}: {n} cards. Not used from the record: {m}.',
    accept: 'Accept',
    dismiss: 'Dismiss',
    reason: 'Reason',
    created: 'Created in the EPJ',
    stored: 'Feedback to store',
    source: 'Source',
  },
} as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const personSelect = $<HTMLSelectElement>('person');
const langSelect = $<HTMLSelectElement>('lang');
for (const name of Object.keys(RECORDS)) personSelect.add(new Option(name[0]!.toUpperCase() + name.slice(1), name));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function log(title: string, value: unknown): void {
  const box = $('log');
  box.prepend(el('div', {}, el('h3', {}, title), el('pre', {}, JSON.stringify(value, null, 2))));
}

function render(): void {
  const name = personSelect.value;
  const lang = langSelect.value as Lang;
  const t = UI[lang];
  document.documentElement.lang = lang;
  $('cards').replaceChildren();
  $('log').replaceChildren();

  const read = personFromBundle(RECORDS[name], { lang });
  if (read._tag === 'Left') {
    $('status').textContent = read.left.issues.map((i) => i.message).join(' ');
    return;
  }
  const patient = `Patient/${name}`;
  const cards: CdsCard[] = [];
  for (const id of bundledRuleSetIds()) {
    const rs = loadBundledRuleSet(id, { lang });
    if (rs._tag === 'Left') continue;
    const decision = evaluateParsed(rs.right, read.right.person, { asOf: AS_OF, lang });
    const made = toCards(decision, rs.right, {
      hookInstance: nameBasedUuid(['browser', name]),
      patient,
      user: `Practitioner/gp-${name}`,
      lang,
    });
    if (made._tag === 'Left') throw new Error(made.left.issues.map((i) => i.message).join('\n'));
    cards.push(...made.right);
  }
  const response = validateCdsResponse({ cards }, lang);
  if (response._tag === 'Left') throw new Error(response.left.issues.map((i) => i.message).join('\n'));
  $('status').textContent = t.status
    .replace('{date}', AS_OF)
    .replace('{n}', String(cards.length))
    .replace('{m}', String(read.right.notUnderstood.length));

  for (const card of response.right.cards) {
    const detail = el('div', { class: 'detail' });
    detail.innerHTML = renderMarkdown(card.detail ?? '');
    const actions = el('div', { class: 'actions' });
    for (const s of card.suggestions ?? []) {
      const b = el('button', { type: 'button', class: s.isRecommended ? 'primary' : '', 'data-suggestion': s.uuid ?? '' }, s.label);
      b.addEventListener('click', () => {
        const feedback = ingestFeedback(
          {
            feedback: [
              { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: s.uuid }], outcomeTimestamp: `${AS_OF}T12:00:00Z` },
            ],
          },
          cards,
          lang,
        );
        log(t.created, resourcesToCreate(card, [s.uuid!]));
        log(t.stored, feedback._tag === 'Right' ? feedback.right : feedback.left);
      });
      actions.append(b);
    }
    const reasons = el('select', { 'aria-label': t.reason });
    for (const r of card.overrideReasons ?? []) reasons.add(new Option(r.display ?? r.code, r.code));
    const dismiss = el('button', { type: 'button' }, t.dismiss);
    dismiss.addEventListener('click', () => {
      const reason = (card.overrideReasons ?? []).find((r) => r.code === reasons.value);
      const feedback = ingestFeedback(
        { feedback: [{ card: card.uuid, outcome: 'overridden', overrideReason: { reason }, outcomeTimestamp: `${AS_OF}T12:00:00Z` }] },
        cards,
        lang,
      );
      log(t.stored, feedback._tag === 'Right' ? feedback.right : feedback.left);
    });
    actions.append(el('span', { class: 'override' }, reasons, dismiss));
    const source = card.source.url ? el('a', { href: card.source.url, rel: 'noreferrer' }, card.source.label) : card.source.label;
    $('cards').append(
      el(
        'article',
        { class: `card ${card.indicator}`, 'data-uuid': card.uuid ?? '' },
        el('div', { class: 'indicator' }, card.indicator),
        el('h2', {}, card.summary),
        detail,
        el('div', { class: 'source' }, `${t.source}: `, source),
        actions,
      ),
    );
  }
  if (read.right.notUnderstood.length > 0)
    $('cards').append(el('ul', { class: 'notes' }, ...read.right.notUnderstood.map((i) => el('li', {}, i.message))));
}

personSelect.addEventListener('change', render);
langSelect.addEventListener('change', render);
render();
