import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyRules, editJson, ROOT, tempDir } from './run.js';

/* `oppfolgingsteam diff`: what changed between two rule-set versions and whose decisions change. */

/** The four example persons as NDJSON, in the order klara, morten, kasper, nora. */
function cohortFile(extraLines: readonly string[] = []): string {
  const lines = ['klara', 'morten', 'kasper', 'nora'].map((n) => JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'examples/persons', `${n}.json`), 'utf8'))));
  const file = join(tempDir(), 'cohort.ndjson');
  writeFileSync(file, `${[...lines, ...extraLines].join('\n')}\n`);
  return file;
}

/** A new version: high-risk cut-off 10 → 12 and polypharmacy trigger 10 → 14. */
function newVersion(): string {
  const dir = copyRules();
  editJson(join(dir, 'identification.json'), (j) => {
    j.version = '1.1.0';
    j.parameters.highRiskCutOff.value = 12;
    j.parameters.polypharmacyTrigger.value = 14;
  });
  return dir;
}

describe('diff', () => {
  it('says when nothing changed, and how to see the impact', async () => {
    const r = await cli(['diff', 'rules', 'rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Endringer fra rules til rules\n\nIngen endringer i regelsett eller kodelister.\n\nBruk --cohort FIL eller --synthetic N for å se hvilke personers beslutninger som endres.\n');
  });

  it('lists changed parameters and shows whose decisions change, by rule, with examples', async () => {
    const dir = newVersion();
    const r = await cli(['diff', 'rules', dir, '--cohort', cohortFile(), '--as-of', '2026-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(['Regelsett identification: 1.0.0 → 1.1.0', '  Parametre:', '    ~ highRiskCutOff: 10 → 12', '    ~ polypharmacyTrigger: 10 → 14'].join('\n'));
    // Klara (13 medicines) loses the polypharmacy trigger; Morten (10 points) drops from high to moderate.
    expect(r.stdout).toContain('  2 av 4 personer får en annen beslutning.');
    expect(r.stdout).toContain(['    identification ID-TRIGGER-POLYPHARMACY: 1', '      utløst → ikke utløst: 1', '      eksempler: linje 1 (example/klara)'].join('\n'));
    expect(r.stdout).toContain(['  Risikonivå (identification):', '    høy → moderat: 1', '    eksempler: linje 2 (example/morten)'].join('\n'));
  });

  it('shows added, removed and changed rules, a condition change in prose, and code-list changes', async () => {
    const dir = copyRules();
    editJson(join(dir, 'identification.json'), (j) => {
      const removed = j.rules.findIndex((r: { id: string }) => r.id === 'ID-SOCIAL-PRIORITY');
      j.rules.splice(removed, 1);
      const chronic = j.rules.find((r: { id: string }) => r.id === 'ID-SUBGROUP-CHRONIC');
      chronic.conditions.all[0].value = 67;
      chronic.text.nn = 'Vaksen med fleire langvarige tilstandar.';
      j.rules.push({ ...chronic, id: 'ID-NEW-RULE', title: { nb: 'Ny regel', nn: 'Ny regel', en: 'New rule' } });
    });
    editJson(join(dir, 'code-lists', 'social-problems.json'), (j) => {
      j.entries.push({ system: 'ICPC-2', code: 'Z30', group: 'social-problem' });
    });
    const r = await cli(['diff', 'rules', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Regelsett identification: versjon 1.0.0 (uendret versjonsnummer)');
    expect(r.stdout).toContain(
      [
        '    ~ ID-SUBGROUP-CHRONIC: Undergruppe: kronisk syke (endret: conditions, text.nn)',
        '          - alle disse er oppfylt:',
        '        -   - alder er minst 18',
        '        +   - alder er minst 67',
        '            - antall langvarige tilstander er minst 2',
      ].join('\n'),
    );
    expect(r.stdout).toContain('    + ID-NEW-RULE: Ny regel (ny)');
    expect(r.stdout).toContain('    - ID-SOCIAL-PRIORITY: Sosiale forhold (fjernet)');
    expect(r.stdout).toContain(['Kodelister:', '  ~ social-problems 1.0.0', '      1 kode lagt til: ICPC-2 Z30 [social-problem]'].join('\n'));
  });

  it('prints changes and impact as JSON with --json', async () => {
    const r = await cli(['diff', 'rules', newVersion(), '--cohort', cohortFile(), '--as-of', '2026-11-23', '--json', '--examples', '1']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ruleSets[0]).toMatchObject({ id: 'identification', status: 'changed', versionBefore: '1.0.0', versionAfter: '1.1.0' });
    expect(json.impact).toMatchObject({ persons: 4, changed: 2, invalid: 0, asOf: '2026-11-23' });
    expect(json.impact.byRule).toEqual([
      { ruleSetId: 'identification', ruleId: 'ID-TRIGGER-POLYPHARMACY', changed: 1, transitions: [{ from: 'fired', to: 'notFired', count: 1 }], examples: ['linje 1 (example/klara)'] },
    ]);
  });

  it('counts invalid persons in the cohort without echoing their values', async () => {
    const bad = JSON.stringify({ id: 'p-bad', diagnoses: [{ system: 'ICPC-2', code: 'Q9Q' }] });
    const r = await cli(['diff', 'rules', newVersion(), '--cohort', cohortFile([bad]), '--as-of', '2026-11-23', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Impact on 5 persons');
    expect(r.stdout).toContain('  2 of 4 persons get a different decision.');
    expect(r.stdout).toContain('  1 persons are invalid and were not assessed:\n    line 5 (p-bad): diagnoses[0].code (icpc2_code)');
    expect(r.stdout).not.toContain('Q9Q');
  });

  it('reports a cohort line that is not JSON with its line and column, and writes no report (exit 2)', async () => {
    const r = await cli(['diff', 'rules', newVersion(), '--cohort', cohortFile(['{"id": "x",, }']), '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cohort\.ndjson:5:12: Ugyldig JSON på linje 1, kolonne 12: forventet et feltnavn i anførselstegn\./);
    expect(r.stdout).toBe('');
  });

  it('says clearly that --synthetic needs the cohort generator, and refuses --cohort with --synthetic (exit 2)', async () => {
    let r = await cli(['diff', 'rules', 'rules', '--synthetic', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--synthetic) krever generatoren for syntetiske kohorter');
    r = await cli(['diff', 'rules', 'rules', '--synthetic', '10', '--cohort', 'x.ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Bruk enten --cohort eller --synthetic, ikke begge.');
    r = await cli(['diff', 'rules', 'rules', '--synthetic', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--synthetic må være et helt tall fra 1 til 1000000.');
  });

  it('reports missing and invalid versions, a missing cohort and a date outside validity (exit 2)', async () => {
    let r = await cli(['diff', 'rules', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Fant ikke «no/such/folder»');

    const broken = copyRules();
    editJson(join(broken, 'identification.json'), (j) => {
      delete j.rules[0].text.nn;
    });
    r = await cli(['diff', 'rules', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('«rules[0].text» mangler tekst på nn.');

    r = await cli(['diff', 'rules', 'rules', '--cohort', join(tempDir(), 'none.ndjson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Fant ikke «.*none\.ndjson»./);

    r = await cli(['diff', 'rules', 'rules', '--cohort', cohortFile(), '--as-of', '2025-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('identification 1.0.0 (rules) gjelder ikke på datoen 2025-12-31');

    r = await cli(['diff', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Mangler ny versjon (mappe eller fil).');
  });

  it('compares a rule set that exists on one side only', async () => {
    const empty = copyRules();
    for (const f of readdirSync(empty)) if (f.startsWith('identification')) rmSync(join(empty, f));
    writeFileSync(
      join(empty, 'other.json'),
      JSON.stringify({
        id: 'other',
        version: '0.1.0',
        validFrom: '2026-01-01',
        title: { nb: 'Annet', nn: 'Anna', en: 'Other' },
        rules: [
          {
            id: 'OTHER-ADULT',
            title: { nb: 'Voksen', nn: 'Vaksen', en: 'Adult' },
            text: { nb: 'Voksen.', nn: 'Vaksen.', en: 'Adult.' },
            source: { document: 'Test', section: '1' },
            evidence: 'inferred',
            severity: 'info',
            conditions: { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
            event: { type: 'prompt' },
          },
        ],
      }),
    );
    const r = await cli(['diff', 'rules', empty, '--cohort', cohortFile(), '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Regelsett fjernet: identification 1.0.0');
    expect(r.stdout).toContain('Nytt regelsett other 0.1.0');
    // Everyone's identification decision changes (it is gone); Klara, Morten and Nora are adults, so OTHER-ADULT fires for them.
    expect(r.stdout).toContain('    other OTHER-ADULT: 3\n      finnes ikke → utløst: 3');
  });

  it('reproduces the README walkthrough: examples/cohort.ndjson and a high-risk cut-off of 14', async () => {
    const lines = readFileSync(join(ROOT, 'examples/cohort.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(['klara', 'morten', 'kasper', 'nora'].map((n) => JSON.parse(readFileSync(join(ROOT, 'examples/persons', `${n}.json`), 'utf8'))));
    const dir = copyRules();
    editJson(join(dir, 'identification.json'), (j) => {
      j.parameters.highRiskCutOff.value = 14;
    });
    const r = await cli(['diff', 'rules', dir, '--cohort', 'examples/cohort.ndjson', '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Endringer fra rules til ${dir}`,
        '',
        'Regelsett identification: versjon 1.0.0 (uendret versjonsnummer)',
        '  Parametre:',
        '    ~ highRiskCutOff: 10 → 14',
        '',
        'Virkning på 4 personer (examples/cohort.ndjson) per 2026-11-23',
        '  1 av 4 personer får en annen beslutning.',
        '  Risikonivå (identification):',
        '    høy → moderat: 1',
        '    eksempler: linje 2 (example/morten)',
        '',
      ].join('\n'),
    );
  });
});
