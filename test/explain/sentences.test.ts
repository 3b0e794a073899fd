import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_WORDS } from '../../src/explain/codeWords.js';
import { STAGES } from '../../src/facts/stage.js';
import type { Lang } from '../../src/index.js';
import { bundledRuleSetIds, evaluate, explainDecision, explainRule } from '../../src/index.js';
import { generateCohort } from '../../src/population/index.js';
import { right, ruleSet } from '../support/helpers.js';

/*
 * Explanations read as sentences about what was recorded, with codes in words: a clinician reads
 * «teammedlemmer uten uttrykkelig samtykke: NAV», never «… har minst antall elementer 1 (…
 * registrert: nav)».
 */

const AS_OF = '2026-11-23';
const ROOT = join(__dirname, '..', '..');

/** Every code a person record can carry (each `z.enum` of the person schema, read from its source) and the stages; code systems are names, not codes. */
const CODES = [
  ...new Set([
    ...[...readFileSync(join(ROOT, 'src', 'model', 'person.ts'), 'utf8').matchAll(/z\.enum\(\[([^\]]*)\]\)/g)].flatMap((m) =>
      [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!),
    ),
    ...STAGES,
  ]),
].filter((c) => !['ICPC-2', 'ICD-10', 'ATC'].includes(c));

/** Codes spelled as ordinary Norwegian words that labels use ("personen", "plan finnes"): not findable as raw codes. */
const NORWEGIAN_WORDS = ['person', 'plan'];

/** A code written as it is, as a word on its own (not inside «koordinator» or «PP-tjenesten»). */
function rawCodes(text: string, lang: Lang): string[] {
  return Object.keys(CODE_WORDS).filter((code) => {
    // Codes that are also the word in this language ("mild" → "lett" is not one, "nav" → "NAV" is case) are not raw.
    if (CODE_WORDS[code]![lang] === code || NORWEGIAN_WORDS.includes(code)) return false;
    return new RegExp(`(?<![\\p{L}\\d-])${code}(?![\\p{L}\\d-])`, 'u').test(text);
  });
}

describe('explanations as sentences', () => {
  it('has a word in nb, nn and en for every code of the person schema and the stages', () => {
    expect(CODES.length).toBeGreaterThan(60);
    for (const code of CODES) expect(Object.hasOwn(CODE_WORDS, code), code).toBe(true);
    for (const [code, words] of Object.entries(CODE_WORDS))
      for (const l of ['nb', 'nn', 'en'] as const) expect(words[l], `${code} ${l}`).not.toBe('');
  });

  it('reads a list fact against "at least one" as the list in words, and a yes/no fact as «label: ja/nei»', () => {
    const consent = ruleSet('consent');
    const vectors = JSON.parse(readFileSync(join(ROOT, 'rules', 'consent.test.json'), 'utf8')).vectors as {
      name: string;
      asOf: string;
      person: unknown;
    }[];
    const v = vectors.find((x) => x.name.startsWith('Person: 28-year-old, team with GP, mental health and NAV'))!;
    const d = right(evaluate(consent, v.person, { asOf: v.asOf }));
    const t = d.trace!.find((x) => x.ruleId === 'CONSENT-EXPLICIT-MEMBER')!;
    expect(explainRule(t, { lang: 'nb', ruleSet: consent }).summary).toBe('Utløst fordi: teammedlemmer uten uttrykkelig samtykke: NAV.');
    const gaps = explainRule(d.trace!.find((x) => x.ruleId === 'CONSENT-RECORD-INCOMPLETE')!, { lang: 'nn', ruleSet: consent }).summary;
    expect(gaps).toBe('Utløyst fordi: steg i forløpet som er i gang inneheld samtykke; og manglar i samtykket: kva opplysningar.');
    expect(gaps).not.toMatch(/\b(information|services|purpose|withdrawable)\b/);
    const id = ruleSet('identification');
    const child = right(evaluate(id, { birthDate: '1990-01-01' }, { asOf: AS_OF }));
    const why = explainDecision(child, { ruleSet: id, lang: 'nb' }).flatMap((e) => e.because);
    expect(why).toContain('barn (under 18 år): nei');
    expect(explainDecision(child, { ruleSet: id, lang: 'nn' }).flatMap((e) => e.because)).toContain('barn (under 18 år): nei');
  });

  it('states the recorded value and whether the threshold held, the same under a redacted trace without the value', () => {
    const id = ruleSet('identification');
    const person = {
      birthDate: '1950-01-01',
      medications: Array.from({ length: 4 }, (_, i) => ({ atc: `C0${i}AA01`, start: '2025-01-01', regimen: 'regular' })),
    };
    const full = evaluate(id, person, { asOf: AS_OF, trace: 'full' });
    const red = evaluate(id, person, { asOf: AS_OF, trace: 'redacted' });
    if (full._tag === 'Left' || red._tag === 'Left') throw new Error('person refused');
    const t = full.right.trace!.find((x) => x.ruleId === 'ID-TRIGGER-POLYPHARMACY')!;
    const e = explainRule(t, { lang: 'nb', ruleSet: id });
    expect(e.because).toEqual([expect.stringMatching(/^antall faste legemidler er \d+, ikke minst 10$/)]);
    const r = explainRule(red.right.trace!.find((x) => x.ruleId === 'ID-TRIGGER-POLYPHARMACY')!, { lang: 'nn', ruleSet: id });
    expect(r.because).toEqual(['talet på faste legemiddel er minst 10 (ikkje oppfylt)']);
  });

  it('shows no code as it is in a bokmål or nynorsk explanation, for every bundled rule set and its vectors and 120 synthetic persons', () => {
    const sets = bundledRuleSetIds().map((id) => ruleSet(id));
    const inputs: { asOf: string; person: unknown; set?: string }[] = [
      ...[...generateCohort({ seed: 11, size: 120, asOf: AS_OF })].map((person) => ({ asOf: AS_OF, person })),
    ];
    for (const id of bundledRuleSetIds()) {
      const file = JSON.parse(readFileSync(join(ROOT, 'rules', `${id}.test.json`), 'utf8')) as {
        vectors: { asOf: string; person?: unknown; parameters?: unknown }[];
      };
      for (const v of file.vectors)
        if (v.person !== undefined && v.parameters === undefined) inputs.push({ asOf: v.asOf, person: v.person, set: id });
    }
    let sentences = 0;
    const found = new Map<string, string>();
    for (const input of inputs)
      for (const rs of sets) {
        if (input.set !== undefined && input.set !== rs.id) continue;
        const d = evaluate(rs, input.person, { asOf: input.asOf });
        if (d._tag === 'Left') continue;
        for (const lang of ['nb', 'nn'] as const)
          for (const e of explainDecision(d.right, { ruleSet: rs, lang }))
            for (const s of [e.summary, ...e.because]) {
              sentences++;
              for (const code of rawCodes(s, lang)) if (!found.has(code)) found.set(code, s);
            }
      }
    expect(sentences).toBeGreaterThan(10_000);
    expect(Object.fromEntries(found)).toEqual({});
  });
});
