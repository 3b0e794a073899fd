import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyRules, edit, positionOf } from './run.js';

/*
 * Texts bound to parameters, through `oppfolgingsteam validate` run as a process: the medication
 * review threshold changed from 15 to 12, as a policy adviser would, in a copy of the bundled rules.
 */

describe('validate: texts bound to parameters', () => {
  it('warns (exit 0) when a found parameter leaves its source value without a change note, and when a text states the value instead of naming it', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    edit(file, (t) =>
      t
        .replace(/("medicationReviewThreshold": \{\n\s*"value": )15/, '$112')
        .replace('"The person takes {medicationReviewThreshold} or more', '"The person takes 12 or more'),
    );
    const value = positionOf(file, '"value": 12');
    const text = positionOf(file, '"en": "The person takes 12 or more');
    const r = await cli(['validate', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      `${file}:${value.line}:${value.column}: advarsel: Parameteren «medicationReviewThreshold», felt «value»: parameteren «medicationReviewThreshold» er merket funnet i kilden, men verdien er endret fra kildens 15 til 12. Skriv hvorfor i «changeNote» (eller merk den «inferred»).`,
      `${file}:${text.line}:${text.column}: advarsel: Regel «ID-MEDICATION-REVIEW», felt «text» på en: teksten i regelen «ID-MEDICATION-REVIEW» (en) har tallet 12, som er verdien til parameteren «medicationReviewThreshold» som regelen bruker. Skriv «{medicationReviewThreshold}», så følger teksten parameteren når den endres.`,
    ]);
    expect(r.stdout).toMatch(/\nIngen feil i \d+ filer .*\n2 advarsler \(teller ikke som feil\)\.\n/);

    // A change note answers the first warning; the placeholder answers the second.
    edit(file, (t) =>
      t
        .replace('"value": 12,', '"value": 12,\n      "changeNote": "Lokal beslutning 2027: gjennomgang fra 12 legemidler.",')
        .replace('"The person takes 12 or more', '"The person takes {medicationReviewThreshold} or more'),
    );
    const json = await cli(['validate', dir, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; issues: { severity: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });

  it('refuses a placeholder that names no parameter (exit 1), with the rule, field, language and nearest parameter, in nynorsk', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    edit(file, (t) => t.replace('"Personen brukar {medicationReviewThreshold} eller', '"Personen brukar {medicationReviewTreshold} eller'));
    const at = positionOf(file, '"nn": "Personen brukar {medicationReviewTreshold}');
    const r = await cli(['validate', dir, '--lang', 'nn']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${file}:${at.line}:${at.column}: Regel «ID-MEDICATION-REVIEW», felt «text» på nn: regelen «ID-MEDICATION-REVIEW» har plasshaldaren «{medicationReviewTreshold}» i teksten (nn), men regelsettet har ingen parameter med det namnet. Meinte du «{medicationReviewThreshold}»?`,
    );
  });

  it('explain states the threshold in force: the prompt follows a changed parameter', async () => {
    const dir = copyRules();
    edit(join(dir, 'identification.json'), (t) => t.replace(/("medicationReviewThreshold": \{\n\s*"value": )15/, '$112'));
    const r = await cli(['explain', 'examples/persons/klara.json', '--as-of', '2026-11-23', '--rules', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('      Personen bruker 12 eller flere faste legemidler. Vurder en strukturert legemiddelgjennomgang.');
    expect(r.stdout).not.toContain('15 eller flere faste legemidler');
  });
});
