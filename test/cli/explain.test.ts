import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyRules, editJson, positionOf, ROOT, tempDir } from './run.js';

/* `oppfolgingsteam explain`: one person's decision and its why, for people and as JSON. */

const KLARA = 'examples/persons/klara.json';

describe('explain', () => {
  it('prints the decision of every bundled rule set with the why, in bokmål by default', async () => {
    const r = await cli(['explain', KLARA, '--as-of', '2026-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${KLARA}, vurdert per 2026-11-23`);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'rules', 'identification.json'), 'utf8')) as { version: string };
    expect(r.stdout).toContain(`\nTidlig identifisering (identification ${version})\n`);
    // Every bundled rule set has its heading with its version.
    for (const f of readdirSync(join(ROOT, 'rules')).filter((x) => x.endsWith('.json') && !x.endsWith('.test.json'))) {
      const rs = JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as { id: string; version: string; title: { nb: string } };
      expect(r.stdout).toContain(`\n${rs.title.nb} (${rs.id} ${rs.version})\n`);
    }
    expect(r.stdout).toContain('  Risikoskår: 15 poeng, høy risiko (høy fra 10)');
    expect(r.stdout).toContain('  ! Vurder strukturert tverrfaglig oppfølging (ID-TARGET-GROUP, utledet)');
    expect(r.stdout).toMatch(/ {6}Hvorfor: Utløst fordi: antall langvarige tilstander er 5, som er minst 2/);
    expect(r.stdout).toMatch(/regler ikke utløst \(bruk --all for å se hvorfor\)/);
  });

  it('explains why rules did not fire with --all, in nynorsk and English', async () => {
    const nora = 'examples/persons/nora.json';
    const [nn, en] = await Promise.all([
      cli(['explain', nora, '--as-of', '2026-11-23', '--all', '--lang', 'nn']),
      cli(['explain', nora, '--as-of', '2026-11-23', '--lang', 'en']),
    ]);
    expect(nn.code).toBe(0);
    expect(nn.stdout).toContain('  Ikkje utløyst:');
    expect(nn.stdout).toContain(
      '    - Multimorbiditet (ID-MULTIMORBIDITY): Ikkje utløyst fordi: talet på langvarige tilstandar er 1, ikkje minst 2.',
    );
    expect(nn.stdout).toContain('  ? Manglar data: Skrøpelegheit eller fall (ID-TRIGGER-FRAILTY)');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('examples/persons/nora.json, assessed as of 2026-11-23');
    expect(en.stdout).toContain('Unknown because data is missing on falls in the last 12 months.');
  });

  it('prints the decisions and explanations as JSON with --json', async () => {
    const r = await cli(['explain', KLARA, '--as-of', '2026-11-23', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: KLARA, asOf: '2026-11-23', lang: 'nb' });
    const d = json.decisions.find((x: { ruleSet: { id: string } }) => x.ruleSet.id === 'identification');
    expect(d.decision.score).toMatchObject({ points: 15, tier: 'high' });
    expect(d.decision.prompts.map((p: { ruleId: string }) => p.ruleId)).toContain('ID-TARGET-GROUP');
    const why = d.why.find((w: { ruleId: string }) => w.ruleId === 'ID-TARGET-GROUP');
    expect(why.outcome).toBe(true);
    expect(why.summary).toMatch(/^Utløst fordi/);
  });

  it('uses the rule sets of a folder with --rules, so an edit can be tried on a person', async () => {
    const dir = copyRules();
    editJson(join(dir, 'identification.json'), (j) => {
      j.parameters.polypharmacyTrigger.value = 20;
    });
    const [before, after] = await Promise.all([
      cli(['explain', KLARA, '--as-of', '2026-11-23']),
      cli(['explain', KLARA, '--as-of', '2026-11-23', '--rules', dir]),
    ]);
    expect(after.code).toBe(0);
    expect(before.stdout).toContain('(ID-TRIGGER-POLYPHARMACY, utledet)');
    expect(after.stdout).not.toContain('(ID-TRIGGER-POLYPHARMACY, utledet)');
  });

  it('says when a rule set is not valid on the date', async () => {
    const r = await cli(['explain', KLARA, '--as-of', '2025-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  identification gjelder ikke på datoen 2025-06-01 (gyldig 2026-01-01 til …). Velg en annen dato med --as-of.',
    );
  });

  it('reports an invalid person with paths, lines and columns, without echoing the values (exit 2)', async () => {
    const file = join(tempDir(), 'person.json');
    const person = JSON.parse(readFileSync(join(ROOT, KLARA), 'utf8'));
    person.diagnoses[1].code = 'T9Q';
    person.birthDate = '1951-02-30';
    writeFileSync(file, `${JSON.stringify(person, null, 2)}\n`);
    const r = await cli(['explain', file, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    const birth = positionOf(file, '"birthDate"');
    const code = positionOf(file, '"code": "T9Q"');
    expect(r.stderr).toContain(`«${file}» er ikke en gyldig person:`);
    expect(r.stderr).toContain(
      `  ${file}:${birth.line}:${birth.column}: «birthDate» må være en gyldig dato på formen ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når bare måned eller år er kjent.`,
    );
    expect(r.stderr).toContain(`  ${file}:${code.line}:${code.column}: «diagnoses[1].code» er ikke en ICPC-2-kode`);
    expect(r.stderr).not.toContain('T9Q');
    expect(r.stderr).not.toContain('1951-02-30');
    expect(r.stdout).toBe('');
  });

  it('reports malformed JSON with line and column, and a missing file (exit 2)', async () => {
    const file = join(tempDir(), 'person.json');
    writeFileSync(file, '{\n  "birthDate": "1951-03-02",\n  "sex": female\n}\n');
    const [bad, none] = await Promise.all([cli(['explain', file]), cli(['explain', join(tempDir(), 'nobody.json'), '--lang', 'en'])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`${file}:3:10: Ugyldig JSON på linje 3, kolonne 10: uventet tegn.\n`);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/nobody\.json" was not found\./);
  });

  it('reads a FHIR Bundle through the FHIR adapter and lists what it did not use; other FHIR resources are refused (exit 2)', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'bundle.json');
    const klara = JSON.parse(readFileSync(join(ROOT, 'examples/fhir/klara.json'), 'utf8')) as { entry: unknown[] };
    // An Appointment is not read by the adapter: it must be reported, not dropped silently.
    klara.entry.push({
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      resource: { resourceType: 'Appointment', status: 'booked', participant: [] },
    });
    writeFileSync(bundle, JSON.stringify(klara));
    const patient = join(dir, 'patient.json');
    writeFileSync(patient, JSON.stringify({ resourceType: 'Patient', birthDate: '1951-03-02' }));
    const [b, p] = await Promise.all([cli(['explain', bundle, '--as-of', '2026-11-23']), cli(['explain', patient, '--lang', 'en'])]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('ID-TARGET-GROUP');
    expect(b.stderr).toContain(`Ikke brukt fra FHIR-bunten ${bundle}:`);
    expect(b.stderr).toContain('Appointment');
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('is a FHIR resource of type Patient. Only a Bundle or a person');
  });

  it('treats a bad date and missing arguments as usage errors (exit 2)', async () => {
    const runs = await Promise.all(
      [
        ['explain', KLARA, '--as-of', '2026-02-30'],
        ['explain'],
        ['explain', KLARA, '--as-of'],
        ['explain', '--synthetic', '1-100'],
        ['explain', '--synthetic', '1:100', KLARA],
      ].map((args) => cli(args)),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('oppfolgingsteam explain:');
    }
    expect(runs[3]!.stderr).toContain('--synthetic må være FRØ:NR');
  });

  it('opens a synthetic person by SEED:INDEX, the same person the cohort has at that index', async () => {
    const r = await cli(['explain', '--synthetic', '7:42', '--as-of', '2026-11-23', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { generateCohort } = await import('../../src/population/index.js');
    const { evaluate, loadBundledRuleSet } = await import('../../src/index.js');
    const person = [...generateCohort({ seed: 7, size: 43, asOf: '2026-11-23' })][42];
    const rs = loadBundledRuleSet('identification');
    if (rs._tag === 'Left') throw new Error('identification did not load');
    const expected = evaluate(rs.right, person, { asOf: '2026-11-23', trace: 'none' });
    if (expected._tag === 'Left') throw new Error('synthetic person invalid');
    const got = JSON.parse(r.stdout) as { decisions: { ruleSet: { id: string }; decision: { outcomes: unknown; score: unknown } }[] };
    const ident = got.decisions.find((d) => d.ruleSet.id === 'identification')!;
    expect(ident.decision.outcomes).toEqual(expected.right.outcomes);
    expect(ident.decision.score).toEqual(JSON.parse(JSON.stringify(expected.right.score)));
  });
});
