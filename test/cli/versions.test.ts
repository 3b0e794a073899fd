import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, editJson, positionOf, ROOT, tempDir } from './run.js';

/*
 * Several versions of one rule set in one folder, through the command as a process: the version in
 * force is picked on --as-of, periods may not overlap, a period that ends before it begins is one
 * error, next year's version passes this year's vectors, and diff compares two versions.
 */

const SIGN_OFF = {
  approvedBy: 'Kommuneoverlegen i Eksempel kommune',
  approvedOn: '2026-11-20',
  changeNote: {
    nb: 'Manglende samtykke til plan er nå kritisk.',
    nn: 'Manglande samtykke til plan er no kritisk.',
    en: 'A missing consent to a plan is now critical.',
  },
};

/** A folder with consent.json and its vectors only (fast to run). */
function consentFolder(): string {
  const dir = join(tempDir(), 'rules');
  mkdirSync(dir);
  for (const f of ['consent.json', 'consent.test.json']) cpSync(join(ROOT, 'rules', f), join(dir, f));
  return dir;
}

/** consent 2.1.0 until 2026-12-31 and consent 2.2.0 from 2027-01-01 (signed off, one rule's severity changed), with vectors for each. */
function twoVersions(): { dir: string; next: string } {
  const dir = consentFolder();
  editJson(join(dir, 'consent.json'), (j) => {
    j.validTo = '2026-12-31';
  });
  const next = join(dir, 'consent-2027.json');
  cpSync(join(dir, 'consent.json'), next);
  editJson(next, (j) => {
    j.version = '2.2.0';
    j.validFrom = '2027-01-01';
    delete j.validTo;
    Object.assign(j, SIGN_OFF);
    j.rules[1].severity = 'critical';
  });
  // The new version's vectors: a copy of this year's, pinned to 2.2.0.
  cpSync(join(dir, 'consent.test.json'), join(dir, 'consent-2027.test.json'));
  editJson(join(dir, 'consent-2027.test.json'), (j) => {
    j.version = '2.2.0';
  });
  return { dir, next };
}

/** A person for whom no team, plan or coordinator is under way (the consent rules stay quiet). */
function person(): string {
  const file = join(tempDir(), 'person.json');
  writeFileSync(file, readFileSync(join(ROOT, 'examples', 'persons', 'klara.json'), 'utf8'));
  return file;
}

describe('versions of a rule set in one folder', () => {
  it('validate and test check both versions; explain and docs pick the one in force on --as-of', async () => {
    const { dir } = twoVersions();
    const v = await cli(['validate', dir]);
    expect(v.stderr).toBe('');
    expect(v.stdout).toBe('Ingen feil i 4 filer (2 regelsett, 0 kodelister, 2 testvektorfiler).\n');
    expect(v.code).toBe(0);

    const t = await cli(['test', dir]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`consent 2.1.0 (${join(dir, 'consent.json')}):`);
    expect(t.stdout).toContain(`consent 2.2.0 (${join(dir, 'consent-2027.json')}):`);
    expect(t.stdout).toContain('Betingelsesdekning for consent 2.2.0');

    const p = person();
    const now = await cli(['explain', p, '--rules', dir, '--as-of', '2026-06-01', '--json']);
    const later = await cli(['explain', p, '--rules', dir, '--as-of', '2027-06-01', '--json']);
    expect(now.code).toBe(0);
    expect(later.code).toBe(0);
    const stamp = (r: { stdout: string }) =>
      JSON.parse(r.stdout).decisions.map((d: { decision: { ruleSet: unknown } }) => d.decision.ruleSet);
    expect(stamp(now)).toEqual([expect.objectContaining({ id: 'consent', version: '2.1.0' })]);
    expect(stamp(now)[0]).not.toHaveProperty('approvedBy');
    // The decision made under the signed-off version says who approved it, and when.
    expect(stamp(later)).toEqual([
      expect.objectContaining({ id: 'consent', version: '2.2.0', approvedBy: SIGN_OFF.approvedBy, approvedOn: '2026-11-20' }),
    ]);

    const out = tempDir();
    const d = await cli(['docs', dir, '--out', out, '--as-of', '2027-02-01']);
    expect(d.code).toBe(0);
    const nb = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8');
    expect(nb).toContain('Samtykke og taushetsplikt (consent 2.2.0)');
    expect(nb).not.toContain('(consent 2.1.0)');
    expect(nb).toContain(
      `- **Godkjent av:** ${SIGN_OFF.approvedBy}\n- **Godkjent:** 2026-11-20\n- **Endring:** ${SIGN_OFF.changeNote.nb}\n`,
    );
    expect(nb).toContain('### Endringslogg');
    expect(nb).toMatch(/\| 2\.1\.0 \| 2026-01-01 \| 2026-12-31 \| ikke registrert \| — \| — \|/);
    expect(nb).toContain(`| 2.2.0 (vist her) | 2027-01-01 | — | ${SIGN_OFF.approvedBy} | 2026-11-20 | ${SIGN_OFF.changeNote.nb} |`);
    const nn = readFileSync(join(out, 'regelkatalog.nn.md'), 'utf8');
    expect(nn).toContain(SIGN_OFF.changeNote.nn);
    const before = tempDir();
    expect((await cli(['docs', dir, '--out', before, '--as-of', '2026-02-01'])).code).toBe(0);
    expect(readFileSync(join(before, 'regelkatalog.nb.md'), 'utf8')).toContain('Samtykke og taushetsplikt (consent 2.1.0)');
  });

  it('two versions whose periods overlap are one error that names both files and the overlap', async () => {
    const dir = consentFolder();
    const other = join(dir, 'consent-b.json');
    cpSync(join(dir, 'consent.json'), other);
    editJson(other, (j) => {
      j.version = '2.2.0';
      j.validFrom = '2026-07-01';
      j.validTo = '2026-09-30';
    });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => /^\/.+:\d+:\d+: /.test(l));
    const { line, column } = positionOf(other, '"validFrom"');
    expect(errors).toEqual([
      `${other}:${line}:${column}: Feltet «validFrom»: versjon 2.2.0 av regelsettet «consent» gjelder samtidig som versjon 2.1.0 i ${join(dir, 'consent.json')}: begge gjelder fra 2026-07-01 til 2026-09-30. Bare én versjon kan gjelde på en dato; sett validTo på den eldste til dagen før den nye begynner.`,
    ]);
    const en = await cli(['validate', dir, '--lang', 'en']);
    expect(en.stdout).toContain('both apply from 2026-07-01 to 2026-09-30');
  });

  it('a period that ends before it begins is one error, and the vectors add none of their own', async () => {
    const dir = consentFolder();
    editJson(join(dir, 'consent.json'), (j) => {
      j.validTo = '2025-12-31';
    });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    const { line, column } = positionOf(join(dir, 'consent.json'), '"validTo"');
    expect(r.stdout).toBe(
      `${join(dir, 'consent.json')}:${line}:${column}: Feltet «validTo»: sluttdatoen 2025-12-31 er før startdatoen 2026-01-01. validTo må være samme dag som validFrom eller senere.\n\n1 feil i 1 fil (kontrollert: 1 regelsett, 0 kodelister, 1 testvektorfil).\n`,
    );
    const t = await cli(['test', dir]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('Regelfilene har 1 feil');
  });

  it('next year’s version alone in the folder passes this year’s vectors with no error', async () => {
    const dir = consentFolder();
    editJson(join(dir, 'consent.json'), (j) => {
      j.version = '2.2.0';
      j.validFrom = '2027-01-01';
    });
    const v = await cli(['validate', dir]);
    expect(v.stdout).toBe('Ingen feil i 2 filer (1 regelsett, 0 kodelister, 1 testvektorfil).\n');
    const t = await cli(['test', dir]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^(\d+) av \1 testvektorer bestått\.$/m);
  });

  it('a vector file pinned to a version that is not there is an error naming the version', async () => {
    const dir = consentFolder();
    editJson(join(dir, 'consent.test.json'), (j) => {
      j.version = '9.0.0';
    });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('«version» viser til versjon 9.0.0 av regelsettet «consent», som ikke finnes blant filene.');
  });

  it('diff compares two versions of one rule set in one folder, by version or by date', async () => {
    const { dir } = twoVersions();
    const r = await cli(['diff', dir, '--id', 'consent', '--from', '2.1.0', '--to', '2.2.0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Endringer fra consent 2.1.0 til consent 2.2.0');
    expect(r.stdout).toContain('Regelsett consent: 2.1.0 → 2.2.0');
    expect(r.stdout).toMatch(/~ CONSENT-PLAN-MISSING: .* \(endret: severity\)/);
    const byDate = await cli(['diff', dir, '--id', 'consent', '--from', '2026-06-01', '--to', '2027-06-01']);
    expect(byDate.stdout).toBe(r.stdout);
    // With a cohort: what changes on the day the new version takes effect.
    const s = await cli(['diff', dir, '--id', 'consent', '--from', '2.1.0', '--to', '2.2.0', '--synthetic', '50']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('per 2027-01-01');

    const missing = await cli(['diff', dir, '--id', 'consent', '--from', '2.1.0', '--to', '3.0.0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'oppfolgingsteam diff: regelsettet «consent» har ingen versjon for --to 3.0.0. Versjonene er: 2.1.0 (2026-01-01–2026-12-31), 2.2.0 (2027-01-01–).\n',
    );
    const noTo = await cli(['diff', dir, '--id', 'consent', '--from', '2.1.0']);
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toContain('--to');
  });
});
