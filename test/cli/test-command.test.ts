import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyRules, editJson, positionOf, rulesFolder, tempDir } from './run.js';

/*
 * `oppfolgingsteam test`: runs the vectors, shows a failure as expected against actual with the
 * "why", and reports condition coverage.
 */

/** A small rule set of our own, so coverage gaps are known exactly. */
const SMALL_RULE_SET = {
  $schema: '../schemas/rule-set.schema.json',
  id: 'small',
  version: '1.0.0',
  validFrom: '2026-01-01',
  title: { nb: 'Liten', nn: 'Liten', en: 'Small' },
  rules: [
    {
      id: 'SMALL-OLD-AND-MEDICATED',
      title: { nb: 'Eldre med mange legemidler', nn: 'Eldre med mange legemiddel', en: 'Older with many medicines' },
      text: { nb: 'Vurder legemiddelgjennomgang.', nn: 'Vurder legemiddelgjennomgang.', en: 'Consider a medication review.' },
      source: { document: 'Test fixture', section: '1' },
      evidence: 'inferred',
      severity: 'info',
      conditions: {
        all: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 65 },
          { fact: 'regularMedications', operator: 'greaterThanInclusive', value: 10 },
        ],
      },
      event: { type: 'prompt' },
    },
  ],
};

function smallWorkspace(vectorsYaml: string): string {
  const dir = join(tempDir(), 'small');
  mkdirSync(dir);
  writeFileSync(join(dir, 'small.json'), `${JSON.stringify(SMALL_RULE_SET, null, 2)}\n`);
  writeFileSync(join(dir, 'small.test.yaml'), vectorsYaml);
  return dir;
}

describe('test', () => {
  it('runs the bundled vectors and reports full coverage', async () => {
    const r = await cli(['test', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('identification (rules/identification.json): 31 testvektorer fra rules/identification.test.json');
    expect(r.stdout).toContain('  ✓ Complete record outside the target group: nothing fires');
    const { vectors } = rulesFolder();
    expect(r.stdout).toContain(`${vectors} av ${vectors} testvektorer bestått.`);
    expect(r.stdout).toContain('Betingelsesdekning for identification: 73 betingelser\n  Alle betingelser er sett sanne, usanne og ukjente.');
  });

  it('shows a failing vector with expected, actual, where it is and why (exit 1)', async () => {
    const dir = copyRules();
    // Policy staff raise the multimorbidity threshold from 2 to 3 conditions.
    editJson(join(dir, 'identification.json'), (j) => {
      j.conditions.multimorbidity.value = 3;
    });
    const r = await cli(['test', dir]);
    expect(r.code).toBe(1);
    const vectors = join(dir, 'identification.test.json');
    const name = 'Two long-term conditions and a physical-and-mental trigger: target group';
    const at = positionOf(vectors, `"name": "${name}"`);
    // The vector's location is its object, one line above its name and two columns left of it.
    expect(r.stdout).toContain(`  ✗ ${name}  (${vectors}:${at.line - 1}:${at.column - 2})`);
    expect(r.stdout).toContain(
      [
        '      ID-TARGET-GROUP',
        '        - forventet: utløst',
        '        + faktisk:   ikke utløst',
        '        Hvorfor: Ikke utløst fordi: antall langvarige tilstander er minst 3 (ikke oppfylt; registrert: 2).',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(new RegExp(`\\d+ av ${rulesFolder().vectors} testvektorer bestått, \\d+ feilet\\.`));
  });

  it('shows a tier and points failure with the points behind it, in English', async () => {
    const dir = copyRules();
    editJson(join(dir, 'identification.json'), (j) => {
      j.parameters.highRiskCutOff.value = 14;
    });
    const r = await cli(['test', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ Score: 3 admissions (2) + 2 emergency visits (2) + Charlson 2 (2) + acute (3) + 5 bed days (4) = 13, high');
    expect(r.stdout).toContain('      - expected: risk tier high\n      + actual:   risk tier moderate');
    expect(r.stdout).toContain('      Points from: RS-ADMISSIONS-2-5 (2), RS-EMERGENCY-VISITS-2 (2), RS-CHARLSON-2 (2), RS-ACUTE-ADMISSION (3), RS-LENGTH-OF-STAY-4-6 (4)');
  });

  it('reads YAML vectors and reports conditions never seen true, false or unknown', async () => {
    const dir = smallWorkspace(
      [
        'ruleSet: small',
        'vectors:',
        '  - name: Old and many medicines',
        '    asOf: 2026-06-01',
        '    facts: { age: 80, regularMedications: 12 }',
        '    expect: { fired: [SMALL-OLD-AND-MEDICATED] }',
        '  - name: Young',
        '    asOf: 2026-06-01',
        '    facts: { age: 30, regularMedications: 12 }',
        '    expect: { notFired: [SMALL-OLD-AND-MEDICATED] }',
        '',
      ].join('\n'),
    );
    const r = await cli(['test', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 av 2 testvektorer bestått.');
    const file = join(dir, 'small.json');
    const all = positionOf(file, '"all"');
    const meds = positionOf(file, '"fact": "regularMedications"');
    const age = positionOf(file, '"fact": "age"');
    // The medicines condition is never false; nothing is ever unknown. An array element is placed
    // at its opening brace, one line above its first key.
    expect(r.stdout).toContain(
      [
        'Betingelsesdekning for small: 3 betingelser',
        '  Aldri usann i noen vektor (1):',
        `    ${file}:${meds.line - 1}:${meds.column - 2}  rules[0].conditions.all[1]: antall faste legemidler er minst 10`,
        '  Aldri ukjent i noen vektor (3):',
        `    ${file}:${all.line - 1}:${all.column - 2}  rules[0].conditions: alle 2 er oppfylt`,
        `    ${file}:${age.line - 1}:${age.column - 2}  rules[0].conditions.all[0]: alder er minst 65`,
        `    ${file}:${meds.line - 1}:${meds.column - 2}  rules[0].conditions.all[1]: antall faste legemidler er minst 10`,
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('Aldri sann');
  });

  it('explains a vector that cannot run, at its place in the file', async () => {
    const dir = smallWorkspace(
      ['ruleSet: small', 'vectors:', '  - name: Bad person', '    asOf: 2026-06-01', '    person:', '      birthDate: 2026-02-30', '    expect: { notFired: [SMALL-OLD-AND-MEDICATED] }', ''].join('\n'),
    );
    const r = await cli(['test', dir, '--lang', 'nn']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Vektoren kunne ikkje køyrast:');
    expect(r.stdout).toContain(`${join(dir, 'small.test.yaml')}:6:7: «vectors[0].person.birthDate» må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD.`);
    expect(r.stdout).toContain('0 av 1 testvektorar bestått, 1 feila.');
  });

  it('refuses invalid rule files with their located issues (exit 2)', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    editJson(file, (j) => {
      j.conditions.multimorbidity.fact = 'longTermConditionz';
    });
    const r = await cli(['test', dir]);
    expect(r.code).toBe(2);
    const at = positionOf(file, '"fact": "longTermConditionz"');
    expect(r.stderr).toContain(`${file}:${at.line}:${at.column}: «conditions.multimorbidity.fact» viser til faktumet «longTermConditionz»`);
    expect(r.stderr).toContain('Regelfilene har 1 feil; rett dem først (kjør «oppfolgingsteam validate»).');
    expect(r.stdout).toBe('');
  });

  it('reports a folder without vectors, a missing folder and one without rule sets (exit 2)', async () => {
    const dir = copyRules();
    rmSync(join(dir, 'identification.test.json'));
    let r = await cli(['test', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Fant ingen testvektorer i «${dir}»`);

    r = await cli(['test', join(dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Fant ikke');

    r = await cli(['test', join(dir, 'code-lists'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No rule sets found in');
  });
});
