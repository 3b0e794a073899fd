import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliRun } from './run.js';
import { cli, copyFixture, copyRules, edit, editJson, positionAfter, positionOf, rulesFolder, tempDir } from './run.js';

/*
 * `oppfolgingsteam validate`, run as a separate process. Mistakes are made on purpose in copies of
 * the fixture rule set (test/fixtures/cli/rules/), so paths and positions stay put when the clinical
 * rules change; the bundled rules/ folder must validate clean. Every error must name the file, the
 * line and column, and the JSON path. Mistakes that do not hide one another share a folder and a
 * run, since every run is a process.
 */

/** `file:line:column: ` of `needle` (after `anchor`, when given) in a file. */
function at(file: string, needle: string, anchor?: string): string {
  const p = anchor ? positionAfter(file, anchor, needle) : positionOf(file, needle);
  return `${file}:${p.line}:${p.column}: `;
}

/** Runs once, on first use, and hands every later caller the same result. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

describe('validate', () => {
  it('accepts the bundled rules folder and says what it checked; hidden folders and node_modules are skipped', async () => {
    const dir = copyRules();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'broken.json'), '{');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'broken.json'), '{');
    const r = await cli(['validate', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const f = rulesFolder();
    const files = f.ruleSets + f.codeLists + f.vectorFiles;
    expect(r.stdout).toBe(
      `Ingen feil i ${files} filer (${f.ruleSets} regelsett, ${f.codeLists} kodelister, ${f.vectorFiles} ${f.vectorFiles === 1 ? 'testvektorfil' : 'testvektorfiler'}).\n`,
    );
  });

  it('accepts one rule file, reading its vectors and code lists next to it', async () => {
    const r = await cli(['validate', 'rules/identification.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No errors in 2 files (1 rule set, 0 code lists, 1 test-vector file).\n');
  });

  it('reports a missing path as missing (exit 2)', async () => {
    const r = await cli(['validate', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Fant ikke «no/such/folder»');
    expect(r.stdout).toBe('');
  });

  it('reports a folder without rule sets as such (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), '# not a rule set\n');
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}\n');
    const r = await cli(['validate', dir, '--lang', 'nn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Fann ingen regelsett i «${dir}»`);
  });

  it('reports malformed JSON with line and column, also where Node gives no position, and nothing else for that file', async () => {
    const dir = copyFixture();
    // A missing comma in the rule set: the error is at the start of the next key.
    const file = join(dir, 'sample.json');
    edit(file, (t) => t.replace(/("version": "[^"]+"),/, '$1'));
    const comma = positionOf(file, '"validFrom"');
    // A bare word in a code list: Node's message has no position at all.
    const list = join(dir, 'code-lists', 'sample-mental.json');
    edit(list, (t) => t.replace('"evidence": "inferred"', '"evidence": inferred'));
    const key = positionOf(list, '"evidence": inferred');
    const bare = { line: key.line, column: key.column + '"evidence": '.length };
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `${list}:${bare.line}:${bare.column}: Ugyldig JSON på linje ${bare.line}, kolonne ${bare.column}: uventet tegn.`,
        `${file}:${comma.line}:${comma.column}: Ugyldig JSON på linje ${comma.line}, kolonne ${comma.column}: forventet komma eller slutten av listen/objektet.`,
        '',
        // The vector file of the unreadable rule set gets no second error ("no such rule set").
        '2 feil i 2 filer (kontrollert: 1 regelsett, 2 kodelister, 1 testvektorfil).',
        '',
      ].join('\n'),
    );
  });

  describe('rule files: schema and semantic errors, each at its place, in nb, nn and en', () => {
    // sample.json gets semantic errors (they are found by compiling) and a key written twice;
    // second.json, a copy with its own id, gets schema errors (they stop compiling, so they need a
    // file of their own).
    const workspace = once(async () => {
      const dir = copyFixture();
      const file = join(dir, 'sample.json');
      const second = join(dir, 'second.json');
      cpSync(file, second);
      editJson(file, (j) => {
        j.conditions.older.all[0].fact = 'agee';
        j.conditions.anyTrigger.any[0].operator = 'atLeast';
        j.conditions.anyTrigger.any[1].value = { param: 'noSuchParameter' };
        j.rules[2].conditions = { condition: 'noSuchCondition' };
        j.rules[3].conditions.any[0].value = 'no-such-list';
        j.rules[4].id = j.rules[5].id;
      });
      edit(file, (t) => t.replace(/("version": "[^"]+",)/, '$1\n  "version": "9.9.9",'));
      editJson(second, (j) => {
        j.id = 'second';
        delete j.rules[0].title.nb;
        j.rules[4].conditions = j.rules[4].conditions.all[0];
      });
      const [nb, nn, en] = await Promise.all((['nb', 'nn', 'en'] as const).map((lang) => cli(['validate', dir, '--lang', lang])));
      return { file, second, nb: nb!, nn: nn!, en: en! };
    });
    const lines = (r: CliRun) => r.stdout.split('\n');

    it('names each semantic error at its key, with the JSON path (en)', async () => {
      const { file, en } = await workspace();
      expect(en.code).toBe(1);
      const out = lines(en);
      const expectLine = (place: string, path: string) => expect(out.filter((l) => l.startsWith(`${place}«${path}»`))).toHaveLength(1);
      expectLine(at(file, '"fact": "agee"'), 'conditions.older.all[0].fact');
      expect(en.stdout).toContain(`«conditions.older.all[0].fact» refers to the fact "agee", which does not exist.`);
      expectLine(at(file, '"operator": "atLeast"'), 'conditions.anyTrigger.any[0].operator');
      expectLine(at(file, '"param": "noSuchParameter"'), 'conditions.anyTrigger.any[1].value.param');
      expectLine(at(file, '"condition": "noSuchCondition"'), 'rules[2].conditions.condition');
      expectLine(at(file, '"value": "no-such-list"'), 'rules[3].conditions.any[0].value');
      // The second rule with the id is the duplicate.
      expectLine(at(file, '"id": "SAMPLE-FALLS"', '"id": "SAMPLE-FALLS"'), 'rules[5].id');
      expectLine(at(file, '"version": "9.9.9"'), 'version');
    });

    it('says a missing text is missing, in the reader’s language', async () => {
      const { second, nb, nn, en } = await workspace();
      const place = at(second, '"title"', '"rules": [');
      expect(nb.stdout).toContain(`${place}«rules[0].title» mangler tekst på nb.`);
      expect(nn.stdout).toContain(`${place}«rules[0].title» manglar tekst på nb.`);
      expect(en.stdout).toContain(`${place}«rules[0].title» is missing its nb text.`);
    });

    it('says a bare leaf at a rule’s root must be wrapped, and why', async () => {
      const { second, nb, nn, en } = await workspace();
      const place = at(second, '"conditions"', '"id": "SAMPLE-FRAIL"');
      expect(nb.stdout).toContain(
        `${place}«rules[4].conditions» er én enkelt betingelse (fact, operator, value) rett på roten. Roten må være all, any, not eller condition, fordi json-rules-engine ikke godtar noe annet der.`,
      );
      expect(nn.stdout).toContain(
        `${place}«rules[4].conditions» er eitt enkelt vilkår (fact, operator, value) rett på rota. Rota må vere all, any, not eller condition, fordi json-rules-engine ikkje godtek noko anna der.`,
      );
      expect(en.stdout).toContain(
        `${place}«rules[4].conditions» is a single condition (fact, operator, value) at the root. The root must be all, any, not or condition, because json-rules-engine accepts nothing else there. Wrap it: {"all": [ … ]}.`,
      );
      expect(en.stdout).not.toContain('does not match any of the allowed shapes');
    });

    it('says a key written twice keeps only the last one, and counts the errors and files', async () => {
      const { file, nb, nn, en } = await workspace();
      expect(nb.stdout).toContain(`${at(file, '"version": "9.9.9"')}«version» står to ganger i samme objekt; bare den siste blir brukt.`);
      for (const r of [nb, nn, en]) expect(r.code).toBe(1);
      // 7 in sample.json (6 semantic, 1 duplicate key) and 2 in second.json; the file count covers both rule sets.
      expect(nb.stdout).toContain('\n\n9 feil i 2 filer (kontrollert: 2 regelsett, 2 kodelister, 1 testvektorfil).\n');
      expect(en.stdout).toContain('\n\n9 errors in 2 files (checked: 2 rule sets, 2 code lists, 1 test-vector file).\n');
      expect(lines(en).filter((l) => /^\/.+:\d+:\d+: /.test(l))).toHaveLength(9);
    });
  });

  it('checks vector files against their rule set: rules, facts, parameters, persons, rules never expected to fire, rule sets without vectors, YAML', async () => {
    const dir = copyFixture();
    const file = join(dir, 'sample.json');
    const vectors = join(dir, 'sample.test.json');
    let notFiredLength = 0;
    let withPerson = -1;
    editJson(vectors, (j) => {
      notFiredLength = j.vectors[0].expect.notFired.length;
      withPerson = j.vectors.findIndex((v: { person?: unknown }) => v.person !== undefined);
      j.vectors[0].expect.notFired.push('SAMPLE-NO-SUCH-RULE');
      j.vectors[0].facts.agee = 40;
      j.vectors[1].parameters = { noSuchThreshold: 3 };
      j.vectors[2].asOf = '2020-01-01';
      j.vectors[withPerson].person.diagnoses[0].code = 'K7X';
      // No vector expects SAMPLE-FALLS to fire any more.
      for (const v of j.vectors) if (v.expect.fired) v.expect.fired = v.expect.fired.filter((id: string) => id !== 'SAMPLE-FALLS');
    });
    // A rule set of its own with no vectors at all.
    const lonely = join(dir, 'lonely.json');
    cpSync(file, lonely);
    editJson(lonely, (j) => {
      j.id = 'lonely';
    });
    const other = join(dir, 'other.test.json');
    writeFileSync(
      other,
      JSON.stringify({ ruleSet: 'no-such-set', vectors: [{ name: 'x', asOf: '2026-01-01', facts: {}, expect: {} }] }, null, 2),
    );
    const yaml = join(dir, 'extra.test.yaml');
    writeFileSync(
      yaml,
      [
        'ruleSet: sample',
        'vectors:',
        '  - name: A YAML vector',
        '    asOf: 2026-06-01',
        '    facts:',
        '      regularMedicationz: 12',
        '    expect:',
        '      fired: [SAMPLE-MEDICINES]',
        '',
      ].join('\n'),
    );
    const twice = join(dir, 'twice.test.yaml');
    writeFileSync(twice, 'ruleSet: sample\nvectors:\n  - name: a\n    name: b\n');

    const r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain(
      `${at(vectors, '"SAMPLE-NO-SUCH-RULE"')}«vectors[0].expect.notFired[${notFiredLength}]» refers to the rule "SAMPLE-NO-SUCH-RULE", which does not exist.`,
    );
    expect(out).toContain(`${at(vectors, '"agee"')}«vectors[0].facts.agee» refers to the fact "agee", which does not exist.`);
    expect(out).toContain(
      `${at(vectors, '"noSuchThreshold"')}«vectors[1].parameters.noSuchThreshold» refers to the parameter "noSuchThreshold", which does not exist.`,
    );
    // A vector dated outside the rule set's period is run on its own date, not refused: the date
    // belongs to the scenario, and a version prepared for next year keeps this year's vectors.
    expect(out).not.toContain('vectors[2].asOf');
    expect(out).not.toContain('not valid on');
    expect(out).toContain(`${at(vectors, '"code": "K7X"')}«vectors[${withPerson}].person.diagnoses[0].code» is not an ICPC-2 code`);
    expect(out).not.toMatch(/K7X[^"]/); // the value itself is never echoed in a message
    expect(out).toContain(
      `${at(file, '"id": "SAMPLE-FALLS"')}No test vector expects the rule "SAMPLE-FALLS" to fire. Add a vector with the rule under expect.fired. («rules[5].id»)`,
    );
    expect(out).toContain(
      `${at(lonely, '"id"')}The rule set "lonely" has no test vectors. Put them in lonely.test.json next to the rule set. («id»)`,
    );
    expect(out).toContain(`${at(other, '"ruleSet"')}«ruleSet» refers to the rule set "no-such-set", which is not among the files.`);
    expect(out).toContain(
      `${yaml}:6:7: «vectors[0].facts.regularMedicationz» refers to the fact "regularMedicationz", which does not exist.`,
    );
    expect(out).toContain(`${twice}:4:5: Invalid YAML at line 4, column 5 (DUPLICATE_KEY).`);
    expect(out).toContain('\n\n9 errors in 6 files (checked: 2 rule sets, 2 code lists, 4 test-vector files).\n');
  });

  it('checks code-list files, and rules that refer to a list the folder no longer has or cannot use', async () => {
    const dir = copyFixture();
    const file = join(dir, 'sample.json');
    const social = join(dir, 'code-lists', 'sample-social.json');
    editJson(social, (j) => {
      j.entries[1].code = 'z05';
    });
    rmSync(join(dir, 'code-lists', 'sample-mental.json'));
    const r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `${at(social, '"code": "z05"', '"entries"')}«entries[1].code» has the wrong format.`,
        `${at(file, '"value": "sample-social"')}«rules[3].conditions.any[0].value» refers to the code list "sample-social", which does not exist.`,
        `${at(file, '"value": "sample-mental"')}«rules[3].conditions.any[1].value» refers to the code list "sample-mental", which does not exist.`,
        '',
        '3 errors in 2 files (checked: 1 rule set, 1 code list, 1 test-vector file).',
        '',
      ].join('\n'),
    );
  });

  it('prints the findings as JSON with --json', async () => {
    const dir = copyFixture();
    const file = join(dir, 'sample.json');
    edit(file, (t) => t.replace('"fact": "age"', '"fact": "agee"'));
    const r = await cli(['validate', dir, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.files).toEqual({ ruleSets: 1, codeLists: 2, vectors: 1 });
    expect(json.issues).toHaveLength(1);
    const p = positionOf(file, '"fact": "agee"');
    expect(json.issues[0]).toMatchObject({
      file,
      line: p.line,
      column: p.column,
      path: 'conditions.older.all[0].fact',
      code: 'unknown_fact',
      detail: { name: 'agee' },
    });
  });

  it('treats missing or extra arguments and unknown options as usage errors (exit 2)', async () => {
    const runs = await Promise.all(
      [['validate'], ['validate', 'a', 'b'], ['validate', 'rules', '--bogus'], ['validate', 'rules', '--lang', 'de']].map((args) =>
        cli(args),
      ),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/oppfolgingsteam validate: .+\nSe «oppfolgingsteam validate --help»/);
    }
  });
});
