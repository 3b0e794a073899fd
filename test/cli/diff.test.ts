import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyFixture, copyRules, editJson, FIXTURE, ROOT, tempDir } from './run.js';

/* `oppfolgingsteam diff`: what changed between two rule-set versions and whose decisions change. */

/** The four example persons as NDJSON, in the order klara, morten, kasper, nora. */
function cohortFile(extraLines: readonly string[] = []): string {
  const lines = ['klara', 'morten', 'kasper', 'nora'].map((n) =>
    JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'examples/persons', `${n}.json`), 'utf8'))),
  );
  const file = join(tempDir(), 'cohort.ndjson');
  writeFileSync(file, `${[...lines, ...extraLines].join('\n')}\n`);
  return file;
}

/** The bundled rule sets' ids and versions, read from rules/. */
function bundled(): { id: string; version: string }[] {
  return readdirSync(join(ROOT, 'rules'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.test.json'))
    .map((f) => JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as { id: string; version: string })
    .map(({ id, version }) => ({ id, version }));
}

/** The identification rule set's version in rules/. */
const CURRENT = bundled().find((r) => r.id === 'identification')!.version;
/** The next minor version after it. */
const NEXT = CURRENT.replace(/^(\d+)\.(\d+)\.\d+.*$/, (_, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);

/** A new version: high-risk cut-off 10 → 12 and polypharmacy trigger 10 → 14. */
function newVersion(): string {
  const dir = copyRules();
  editJson(join(dir, 'identification.json'), (j) => {
    expect(j.parameters.highRiskCutOff.value).toBe(10);
    expect(j.parameters.polypharmacyTrigger.value).toBe(10);
    j.version = NEXT;
    j.parameters.highRiskCutOff.value = 12;
    j.parameters.polypharmacyTrigger.value = 14;
  });
  return dir;
}

describe('diff', () => {
  it('says when nothing changed, and how to see the impact', async () => {
    const r = await cli(['diff', 'rules', 'rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Endringer fra rules til rules\n\nIngen endringer i regelsett eller kodelister.\n\nBruk --cohort FIL eller --synthetic N for å se hvilke personers beslutninger som endres.\n',
    );
  });

  it('lists changed parameters and shows whose decisions change, by rule, with examples', async () => {
    const dir = newVersion();
    const r = await cli(['diff', 'rules', dir, '--cohort', cohortFile(), '--as-of', '2026-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        `Regelsett identification: ${CURRENT} → ${NEXT}`,
        '  Parametre:',
        '    ~ highRiskCutOff: 10 → 12',
        '    ~ polypharmacyTrigger: 10 → 14',
      ].join('\n'),
    );
    // Klara (13 medicines) loses the polypharmacy trigger; Morten (10 points) drops from high to moderate.
    expect(r.stdout).toContain('  2 av 4 personer får en annen beslutning.');
    // One rule set changes; the rules and tiers below name it, so there is no per-set count.
    expect(r.stdout).not.toContain('Per regelsett');
    expect(r.stdout).toContain(
      ['    identification ID-TRIGGER-POLYPHARMACY: 1', '      utløst → ikke utløst: 1', '      eksempler: linje 1 (example/klara)'].join(
        '\n',
      ),
    );
    expect(r.stdout).toContain(
      ['  Risikonivå (identification):', '    høy → moderat: 1', '    eksempler: linje 2 (example/morten)'].join('\n'),
    );
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
    expect(r.stdout).toContain(`Regelsett identification: versjon ${CURRENT} (uendret versjonsnummer)`);
    expect(r.stdout).toContain(
      [
        '    ~ ID-SUBGROUP-CHRONIC: Undergruppe: kronisk syke (endret: conditions, text.nn)',
        '          - alle disse er oppfylt:',
        '        -   - alder er minst 18',
        '        +   - alder er minst 67',
        '            - minst én av disse er oppfylt:',
        '              - «multimorbidity»: antall langvarige tilstander er minst 2',
      ].join('\n'),
    );
    expect(r.stdout).toContain('    + ID-NEW-RULE: Ny regel (ny)');
    expect(r.stdout).toContain('    - ID-SOCIAL-PRIORITY: Sosiale forhold (fjernet)');
    expect(r.stdout).toContain(
      ['Kodelister:', '  ~ social-problems 1.1.0', '      1 kode lagt til: ICPC-2 Z30 [social-problem]'].join('\n'),
    );
  });

  it('prints changes and impact as JSON with --json', async () => {
    const r = await cli(['diff', 'rules', newVersion(), '--cohort', cohortFile(), '--as-of', '2026-11-23', '--json', '--examples', '1']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ruleSets).toHaveLength(1);
    expect(json.ruleSets[0]).toMatchObject({ id: 'identification', status: 'changed', versionBefore: CURRENT, versionAfter: NEXT });
    expect(json.impact).toMatchObject({ persons: 4, changed: 2, invalid: 0, asOf: '2026-11-23' });
    expect(json.impact.byRule).toEqual([
      {
        ruleSetId: 'identification',
        ruleId: 'ID-TRIGGER-POLYPHARMACY',
        changed: 1,
        transitions: [{ from: 'fired', to: 'notFired', count: 1 }],
        examples: ['linje 1 (example/klara)'],
      },
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

  it('measures the impact on a synthetic cohort: the tier changes match an independent count', async () => {
    const dir = newVersion();
    const r = await cli(['diff', 'rules', dir, '--synthetic', '400', '--seed', '3', '--as-of', '2026-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Independently: a person moves from high to moderate when 10 <= points < 12 (cut-off 10 -> 12).
    const { loadBundledRuleSet, evaluate } = await import('../../src/index.js');
    const { generateCohort } = await import('../../src/population/index.js');
    const rs = loadBundledRuleSet('identification');
    if (rs._tag === 'Left') throw new Error('identification did not load');
    let moved = 0;
    for (const person of generateCohort({ seed: 3, size: 400, asOf: '2026-11-23' })) {
      const d = evaluate(rs.right, person, { asOf: '2026-11-23', trace: 'none' });
      if (d._tag === 'Right' && d.right.score!.points >= 10 && d.right.score!.points < 12) moved++;
    }
    expect(moved).toBeGreaterThan(0);
    expect(r.stdout).toContain(`    høy → moderat: ${moved}`);
    expect(r.stdout).toMatch(/av 400 personer får en annen beslutning/);
  });

  it('shows totals per tier before and after, changed fields with their old and new values, and examples explain opens', async () => {
    const dir = newVersion();
    editJson(join(dir, 'identification.json'), (j) => {
      j.validFrom = '2026-02-01';
    });
    const html = join(tempDir(), 'rapport', 'diff.html');
    const r = await cli(['diff', 'rules', dir, '--synthetic', '3000', '--as-of', '2026-11-23', '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Regelsett identification: ${CURRENT} → ${NEXT}`);
    expect(r.stdout).toContain('  Endrede felt: validFrom 2026-01-01 → 2026-02-01\n');
    // Totals: counts and shares before → after, which the moves between tiers add up to.
    const totals = /Personer per risikonivå \(identification\), før → etter:\n((?: {4}.+\n)+)/.exec(r.stdout)?.[1] ?? '';
    const rows: Record<string, [number, number]> = Object.fromEntries(
      [...totals.matchAll(/ {4}(\S+): (\d+) \((\d+,\d) %\) → (\d+) \((\d+,\d) %\)/g)].map((x) => [x[1], [Number(x[2]), Number(x[4])]]),
    );
    expect(Object.keys(rows)).toEqual(['høy', 'moderat', 'lav']);
    const sum = (i: 0 | 1) => Object.values(rows).reduce((n, v) => n + v[i], 0);
    expect([sum(0), sum(1)]).toEqual([3000, 3000]);
    const moved = Number(/ {4}høy → moderat: (\d+)/.exec(r.stdout)?.[1]);
    expect(rows['høy']![0] - rows['høy']![1]).toBe(moved);
    expect(rows['moderat']![1] - rows['moderat']![0]).toBe(moved);
    expect(totals).toContain(`høy: ${rows['høy']![0]} (${((100 * rows['høy']![0]) / 3000).toFixed(1).replace('.', ',')} %)`);

    // An example is SEED:INDEX; explain opens it, and with the new rules the person's tier moves as diff said.
    expect(r.stdout).toContain('Åpne et eksempel med «oppfolgingsteam explain --synthetic FRØ:NR --as-of 2026-11-23»');
    const example = /høy → moderat: \d+\n {4}eksempler: (\d+:\d+) \(synthetic-1-(\d+)\)/.exec(r.stdout);
    expect(example).not.toBeNull();
    expect(example![1]).toBe(`1:${example![2]}`);
    const [old, now] = await Promise.all([
      cli(['explain', '--synthetic', example![1]!, '--as-of', '2026-11-23', '--rules', 'rules']),
      cli(['explain', '--synthetic', example![1]!, '--as-of', '2026-11-23', '--rules', dir]),
    ]);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/Risikoskår: 1[01] poeng, høy risiko \(høy fra 10\)/);
    expect(now.stdout).toMatch(/Risikoskår: 1[01] poeng, moderat risiko \(høy fra 12\)/);

    // The same in an HTML page: a table of totals and the whole text.
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<th>Før</th><th>Etter</th><th>Endring</th>');
    expect(page).toContain(`<td class="n">-${moved}</td>`);
    expect(page).toContain('validFrom 2026-01-01 → 2026-02-01');
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|href=/i);
    expect(r.stdout).toContain(`Skrev rapporten til ${html}.`);
  });

  it('refuses --cohort with --synthetic, and a count that is not a number (exit 2)', async () => {
    const [both, notANumber] = await Promise.all([
      cli(['diff', 'rules', 'rules', '--synthetic', '10', '--cohort', 'x.ndjson']),
      cli(['diff', 'rules', 'rules', '--synthetic', 'many']),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Bruk enten --cohort eller --synthetic, ikke begge.');
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toContain('--synthetic må være et helt tall fra 1 til 1000000.');
  });

  it('reports missing and invalid versions, a missing cohort and a date outside validity (exit 2)', async () => {
    const broken = copyFixture();
    editJson(join(broken, 'sample.json'), (j) => {
      delete j.rules[0].text.nn;
    });
    const [missing, invalid, noCohort, outside, oneSide] = await Promise.all([
      cli(['diff', 'rules', 'no/such/folder']),
      cli(['diff', FIXTURE, broken]),
      cli(['diff', 'rules', 'rules', '--cohort', join(tempDir(), 'none.ndjson')]),
      cli(['diff', 'rules', 'rules', '--cohort', cohortFile(), '--as-of', '2025-12-31']),
      cli(['diff', 'rules']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fant ikke «no/such/folder»');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${join(broken, 'sample.json')}:`);
    expect(invalid.stderr).toContain('Regel «SAMPLE-TARGET», felt «text» mangler tekst på nn.');
    expect(noCohort.code).toBe(2);
    expect(noCohort.stderr).toMatch(/Fant ikke «.*none\.ndjson»./);
    // Every rule set that cannot be used on the date is named, on both sides.
    expect(outside.code).toBe(2);
    for (const { id, version } of bundled())
      expect(
        outside.stderr
          .split('\n')
          .filter((l) => l.startsWith(`oppfolgingsteam diff: ${id} ${version} (rules) gjelder ikke på datoen 2025-12-31 (gyldig `)),
      ).toHaveLength(2);
    expect(outside.stdout).toBe('');
    expect(oneSide.code).toBe(2);
    expect(oneSide.stderr).toContain('Mangler ny versjon (mappe eller fil).');
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
            conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
            event: { type: 'prompt' },
          },
        ],
      }),
    );
    const r = await cli(['diff', 'rules', empty, '--cohort', cohortFile(), '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Regelsett fjernet: identification ${CURRENT}`);
    expect(r.stdout).toContain('Nytt regelsett other 0.1.0');
    // Everyone's identification decision changes (it is gone); Klara, Morten and Nora are adults, so OTHER-ADULT fires for them.
    expect(r.stdout).toContain('    other OTHER-ADULT: 3\n      finnes ikke → utløst: 3');
    // Only the rule sets whose decisions change are counted, not every set in the folder.
    expect(r.stdout).toMatch(/\n {2}Per regelsett:\n {4}identification: [1-4]\n {4}other: 3\n {2}Per regel:\n/);
  });
});
