import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/index.js';
import { createCoverage, locateJsonPath, parseVectorFile, runVectors } from '../../src/policy/index.js';
import { right } from '../support/helpers.js';
import { cli, copyFixture, copyRules, editJson, positionAfter, positionOf, ROOT, rulesFolder, tempDir } from './run.js';

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

/**
 * What `test rules` must print for one bundled rule set, worked out through the public API: the
 * header of each vector file, and the coverage report (group headings with their counts, and one
 * line per gap at its place in the file). The wording of a gap's condition is checked elsewhere.
 */
function expectedForBundled(id: string): { header: string; firstVector: string; vectors: number; coverage: RegExp } {
  const text = readFileSync(join(ROOT, 'rules', `${id}.json`), 'utf8');
  const rs = right(compileRuleSet(JSON.parse(text)));
  const vf = right(parseVectorFile(JSON.parse(readFileSync(join(ROOT, 'rules', `${id}.test.json`), 'utf8'))));
  const coverage = createCoverage(rs.file);
  for (const r of runVectors(rs, vf)) coverage.add(r.decision!.trace!);
  const entries = coverage.entries();
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const place = (segs: readonly (string | number)[]) => {
    const p = locateJsonPath(text, segs)!;
    return [p.line, p.column] as const;
  };
  const groups = [
    ['Aldri sann i noen vektor', entries.filter((e) => e.seenTrue === 0)],
    ['Aldri usann i noen vektor', entries.filter((e) => e.seenFalse === 0)],
    ['Aldri ukjent i noen vektor', entries.filter((e) => e.seenUnknown === 0)],
  ] as const;
  const lines = [esc(`Betingelsesdekning for ${id}: ${entries.length} betingelser`)];
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    lines.push(esc(`  ${title} (${list.length}):`));
    const sorted = [...list].sort((a, b) => place(a.segments)[0] - place(b.segments)[0] || place(a.segments)[1] - place(b.segments)[1]);
    for (const e of sorted) lines.push(`${esc(`    rules/${id}.json:${place(e.segments).join(':')}  ${e.path}: `)}[^\\n]+`);
  }
  if (lines.length === 1) lines.push(esc('  Alle betingelser er sett sanne, usanne og ukjente.'));
  return {
    header: `${id} (rules/${id}.json): ${vf.vectors.length} testvektorer fra rules/${id}.test.json`,
    firstVector: `  ✓ ${vf.vectors[0]!.name}`,
    vectors: vf.vectors.length,
    coverage: new RegExp(`(^|\\n)${lines.join('\\n')}\\n(\\n|$)`),
  };
}

describe('test', () => {
  it('runs the bundled vectors, all passing, and reports condition coverage for every rule set', async () => {
    const r = await cli(['test', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ids = readdirSync(join(ROOT, 'rules'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.test.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect(ids.length).toBe(rulesFolder().ruleSets);
    let vectors = 0;
    for (const id of ids) {
      const e = expectedForBundled(id);
      expect(r.stdout).toContain(`${e.header}\n${e.firstVector}\n`);
      expect(r.stdout).toMatch(e.coverage);
      vectors += e.vectors;
    }
    expect(vectors).toBe(rulesFolder().vectors);
    expect(r.stdout).toContain(`\n${vectors} av ${vectors} testvektorer bestått.\n`);
    expect(r.stdout).not.toContain('✗');
  });

  it('shows a failing vector with expected, actual, where it is and why (exit 1)', async () => {
    const dir = copyFixture();
    // A threshold is raised from 10 to 13 medicines; the vectors with 12 no longer hold.
    editJson(join(dir, 'sample.json'), (j) => {
      j.parameters.manyMedicines.value = 13;
    });
    const r = await cli(['test', dir]);
    expect(r.code).toBe(1);
    const vectors = join(dir, 'sample.test.json');
    const name = 'Older with twelve medicines: target and medicines';
    const p = positionOf(vectors, `"name": "${name}"`);
    // The vector's location is its object, one line above its name and two columns left of it.
    expect(r.stdout).toContain(
      [
        `  ✗ ${name}  (${vectors}:${p.line - 1}:${p.column - 2})`,
        '      SAMPLE-TARGET',
        '        - forventet: utløst',
        '        + faktisk:   ikke utløst',
        '        Hvorfor: Ikke utløst fordi: antall faste legemidler er 12, ikke minst 13; og antall akutte innleggelser siste 12 måneder er 0, ikke minst 2; og skrøpelighet (screening): nei.',
        '      SAMPLE-MEDICINES',
        '        - forventet: utløst',
        '        + faktisk:   ikke utløst',
        '        Hvorfor: Ikke utløst fordi: antall faste legemidler er 12, ikke minst 13.',
        '  ✓ Older with three emergency admissions: target',
      ].join('\n'),
    );
    expect(r.stdout).toContain('\n4 av 6 testvektorer bestått, 2 feilet.\n');
    // Coverage follows the new threshold: nothing reaches 13 medicines. Gaps are in file order.
    const file = join(dir, 'sample.json');
    // An array element is placed at its opening brace, one line above its first key.
    const named = positionOf(file, '"fact": "regularMedications"');
    const rule = positionAfter(file, '"id": "SAMPLE-MEDICINES"', '"fact": "regularMedications"');
    expect(r.stdout).toContain(
      [
        '  Aldri sann i noen vektor (2):',
        `    ${file}:${named.line - 1}:${named.column - 2}  conditions.anyTrigger.any[0]: antall faste legemidler er minst 13 (parameteren manyMedicines)`,
        `    ${file}:${rule.line - 1}:${rule.column - 2}  rules[2].conditions.all[0]: antall faste legemidler er minst 13 (parameteren manyMedicines)`,
      ].join('\n'),
    );
  });

  it('shows a tier and points failure with the points behind it, in English', async () => {
    const dir = copyRules();
    editJson(join(dir, 'identification.json'), (j) => {
      j.parameters.highRiskCutOff.value = 14;
    });
    const r = await cli(['test', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '  ✗ Score: 3 admissions (2) + 2 emergency visits (2) + Charlson 2 (2) + acute (3) + 5 bed days (4) = 13, high',
    );
    expect(r.stdout).toContain('      - expected: risk tier high\n      + actual:   risk tier moderate');
    expect(r.stdout).toContain(
      '      Points from: RS-ADMISSIONS-2-5 (2), RS-EMERGENCY-VISITS-2 (2), RS-CHARLSON-2 (2), RS-ACUTE-ADMISSION (3), RS-LENGTH-OF-STAY-4-6 (4)',
    );
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
      [
        'ruleSet: small',
        'vectors:',
        '  - name: Bad person',
        '    asOf: 2026-06-01',
        '    person:',
        '      birthDate: 2026-02-30',
        '    expect: { notFired: [SMALL-OLD-AND-MEDICATED] }',
        '',
      ].join('\n'),
    );
    const r = await cli(['test', dir, '--lang', 'nn']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Vektoren kunne ikkje køyrast:');
    expect(r.stdout).toContain(
      `${join(dir, 'small.test.yaml')}:6:7: Testvektoren «Bad person», felt «person.birthDate» må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når berre månad eller år er kjend.`,
    );
    expect(r.stdout).toContain('0 av 1 testvektorar bestått, 1 feila.');
  });

  it('refuses invalid rule files with their located issues (exit 2)', async () => {
    const dir = copyFixture();
    const file = join(dir, 'sample.json');
    editJson(file, (j) => {
      j.conditions.older.all[0].fact = 'agee';
    });
    const r = await cli(['test', dir]);
    expect(r.code).toBe(2);
    const p = positionOf(file, '"fact": "agee"');
    expect(r.stderr).toBe(
      `${file}:${p.line}:${p.column}: Betingelsen «older», felt «all[0].fact» viser til faktumet «agee», som ikke finnes. Mente du «age»?\n\noppfolgingsteam test: Regelfilene har 1 feil; rett dem først (kjør «oppfolgingsteam validate»).\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('reports a folder without vectors, a missing folder and one without rule sets (exit 2)', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'sample.test.json'));
    const [noVectors, missing, noRuleSets] = await Promise.all([
      cli(['test', dir]),
      cli(['test', join(dir, 'missing')]),
      cli(['test', join(dir, 'code-lists'), '--lang', 'en']),
    ]);
    expect(noVectors.code).toBe(2);
    expect(noVectors.stderr).toContain(`Fant ingen testvektorer i «${dir}»`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Fant ikke «${join(dir, 'missing')}»`);
    expect(noRuleSets.code).toBe(2);
    expect(noRuleSets.stderr).toContain(`No rule sets found in "${join(dir, 'code-lists')}"`);
  });
});
