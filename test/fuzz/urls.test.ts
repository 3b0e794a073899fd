import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdsResponse, toCards, validateCdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { compileRuleSet, evaluate } from '../../src/index.js';
import type { CdsCard } from '../../src/adapters/cdsHooks/index.js';
import type { Decision } from '../../src/index.js';
import { examplePerson, left, readJson, right } from '../support/helpers.js';

/*
 * Links that would run or open something other than a web page. A rule's `source.url` is copied
 * into every CDS Hooks card the rule gives, and a CDS client renders it as a link a clinician
 * clicks. Rule files accept only `https:` and `http:` addresses; cards never carry another scheme,
 * whatever a (damaged) decision holds; and the response validator refuses one in any card.
 */

const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';
const WEB = /^https?:\/\/\S+$/i;

/** Addresses with other schemes, spelt the ways browsers still accept, and broken http(s) ones. */
export const BAD_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'ftp://example.org/x',
  'blob:https://example.org/1',
  'https://',
  ' https://lovdata.no',
  'https://lovdata.no/\nx',
];

/** A URL of a random scheme, or one of the bad ones above. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BAD_URLS),
  fc
    .tuple(
      fc.constantFrom('javascript', 'data', 'file', 'vbscript', 'mailto', 'tel', 'ws', 'intent', 'chrome', 'about', 'https', 'http'),
      fc.constantFrom(':', '://', ':/'),
      fc.webPath(),
    )
    .map(([s, c, p]) => `${s}${c}${p}`),
  fc.webUrl(),
);

const ruleSetJson = () => structuredClone(readJson('rules/identification.json')) as { rules: { source: { url?: string } }[] };

function cardUrls(cards: readonly CdsCard[]): string[] {
  return cards
    .flatMap((c) => [c.source.url, c.source.icon, ...(c.links ?? []).map((l) => l.url)])
    .filter((u): u is string => u !== undefined);
}

describe('links in rule files and cards are https: or http:', () => {
  it.each(BAD_URLS)('a rule file with source.url %j is refused at that path', (url) => {
    const file = ruleSetJson();
    file.rules[2]!.source.url = url;
    expect(left(compileRuleSet(file)).issues).toMatchObject([{ path: 'rules[2].source.url', code: 'invalid_format' }]);
  });

  it('https: and http: links are accepted and reach the cards unchanged', () => {
    const file = ruleSetJson();
    for (const r of file.rules) r.source.url = 'http://example.org/guideline#section';
    const rs = right(compileRuleSet(file));
    const cards = right(
      toCards(right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF })), rs, {
        hookInstance: HOOK,
        patient: 'Patient/klara',
      }),
    );
    expect(cards.length).toBeGreaterThan(0);
    expect(cardUrls(cards).every((u) => u === 'http://example.org/guideline#section')).toBe(true);
  });

  it('whatever URL a rule file holds, a compiled rule set and its cards carry only http(s) links', () => {
    fc.assert(
      fc.property(hostileUrl, fc.nat(30), (url, at) => {
        const file = ruleSetJson();
        file.rules[at % file.rules.length]!.source.url = url;
        const r = compileRuleSet(file);
        if (r._tag === 'Left') return;
        expect(url).toMatch(WEB);
        const cards = right(
          toCards(right(evaluate(r.right, examplePerson('klara'), { asOf: AS_OF })), r.right, {
            hookInstance: HOOK,
            patient: 'Patient/klara',
          }),
        );
        for (const u of cardUrls(cards)) expect(u).toMatch(WEB);
      }),
      { numRuns: 150 },
    );
  });

  it('a damaged stored decision with a javascript: source gives a card without the link', () => {
    const rs = right(compileRuleSet(readJson('rules/identification.json')));
    const d = JSON.parse(JSON.stringify(right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF })))) as Decision;
    expect(d.prompts.length).toBeGreaterThan(0);
    for (const p of d.prompts) (p.source as { url?: string }).url = 'javascript:alert(1)';
    const cards = right(toCards(d, rs, { hookInstance: HOOK, patient: 'Patient/klara' }));
    expect(cards.length).toBeGreaterThan(0);
    for (const u of cardUrls(cards)) expect(u).toMatch(WEB);
  });

  it.each(BAD_URLS)('the response validator and cdsResponse refuse a card whose source or link is %j', (url) => {
    const card = { summary: 'S', indicator: 'info', source: { label: 'L', url } } as CdsCard;
    expect(left(validateCdsResponse({ cards: [card] })).issues).toMatchObject([{ path: 'cards[0].source.url' }]);
    expect(left(cdsResponse([card])).issues).toMatchObject([{ path: 'cards[0].source.url' }]);
    const linked = { summary: 'S', indicator: 'info', source: { label: 'L' }, links: [{ label: 'x', url, type: 'absolute' }] };
    expect(left(validateCdsResponse({ cards: [linked] })).issues).toMatchObject([{ path: 'cards[0].links[0].url' }]);
  });
});
