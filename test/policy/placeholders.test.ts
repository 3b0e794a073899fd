import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholderWarnings } from '../../src/policy/placeholders.js';

/*
 * The warnings about texts and parameters drifting apart, on the rule file as written. The bundled
 * rules give none; each case below changes one thing in a copy.
 */

const raw = (id: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', `${id}.json`), 'utf8'));
const BUNDLED = ['assessment', 'consent', 'evaluation', 'identification', 'plan', 'rights', 'team', 'transition'];

describe('placeholder warnings', () => {
  it('the bundled rule sets give none', () => {
    for (const id of BUNDLED) expect(placeholderWarnings(raw(id), 'nb'), id).toEqual([]);
  });

  it('warns on a number equal to a tested parameter, in the title or text, per language, unless the text names that parameter', () => {
    const f = raw('team');
    const large = f.rules.find((r: { id: string }) => r.id === 'TEAM-SIZE-LARGE');
    large.text.nn = large.text.nn.replace('{maxProviders}', '6');
    large.title.en = 'More than 6 providers';
    const w = placeholderWarnings(f, 'en');
    expect(w.map((i) => [i.code, i.path])).toEqual([
      ['parameter_in_text', `rules[${f.rules.indexOf(large)}].title.en`],
      ['parameter_in_text', `rules[${f.rules.indexOf(large)}].text.nn`],
    ]);
    expect(w[0]!.message).toContain('Write "{maxProviders}"');
    // The nb text still names {maxProviders}, so its "3–6" (the recommendation it quotes) is no warning.
    expect(large.text.nb).toMatch(/3–6/);
  });

  it('does not warn for a parameter the rule does not test, for a number inside a token, or in a rationale', () => {
    const f = raw('team');
    const small = f.rules.find((r: { id: string }) => r.id === 'TEAM-SIZE-SMALL');
    small.text.en = `${small.text.en} Under 6 is fine. See § 6-2 and ICPC-2.`;
    small.rationale.en = 'Two is the default lower limit, 2.';
    small.text.nb = small.text.nb.replace('{minProviders}', '2,0');
    expect(placeholderWarnings(f, 'nb').map((i) => i.path)).toEqual([`rules[${f.rules.indexOf(small)}].text.nb`]);
  });

  it('warns on a found parameter moved from its source value until a change note says why', () => {
    const f = raw('consent');
    f.parameters.childHeardLatestAge.value = 6;
    const w = placeholderWarnings(f, 'nn');
    expect(w.map((i) => [i.code, i.path])).toEqual([['parameter_off_source', 'parameters.childHeardLatestAge.value']]);
    expect(w[0]!.message).toBe(
      '«parameters.childHeardLatestAge.value»: parameteren «childHeardLatestAge» er merkt funnen i kjelda, men verdien er endra frå 7 i kjelda til 6. Skriv kvifor i «changeNote» (eller merk han «inferred»).',
    );
    f.parameters.childHeardLatestAge.changeNote = { nb: 'Lokalt valg.', nn: 'Lokalt val.', en: 'Local choice.' };
    expect(placeholderWarnings(f, 'nn')).toEqual([]);
    // An inferred parameter, or one without a source value, has nothing to drift from.
    delete f.parameters.childHeardLatestAge.changeNote;
    f.parameters.childHeardLatestAge.evidence = 'inferred';
    expect(placeholderWarnings(f, 'nn')).toEqual([]);
  });
});
