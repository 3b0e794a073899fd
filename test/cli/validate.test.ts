import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliRun } from './run.js';
import { cli, copyFixture, copyRules, edit, editJson, positionAfter, positionOf, rulesFolder, tempDir } from './run.js';

/*
 * `oppfolgingsteam validate`, run as a separate process. Mistakes are made on purpose in copies of
 * the fixture rule set (test/fixtures/cli/rules/), so paths and positions stay put when the clinical
 * rules change; the bundled rules/ folder must validate clean. Every error must name the file, the
 * line and column, and the place as policy staff name it: the rule's id, the parameter's, named
 * condition's or vector's name, and the field (the JSON path is in --json). Mistakes that do not
 * hide one another share a folder and a run, since every run is a process.
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

    it('names each semantic error at its key, by rule id, condition or parameter name and field (en)', async () => {
      const { file, en } = await workspace();
      expect(en.code).toBe(1);
      const out = lines(en);
      const expectLine = (place: string, text: string) => expect(out.filter((l) => l.startsWith(`${place}${text}`))).toHaveLength(1);
      expectLine(
        at(file, '"fact": "agee"'),
        'Condition "older", field "all[0].fact" refers to the fact "agee", which does not exist. Did you mean "age"?',
      );
      expectLine(at(file, '"operator": "atLeast"'), 'Condition "anyTrigger", field "any[0].operator" uses the operator "atLeast"');
      expectLine(at(file, '"param": "noSuchParameter"'), 'Condition "anyTrigger", field "any[1].value.param" refers to the parameter');
      expectLine(at(file, '"condition": "noSuchCondition"'), 'Rule "SAMPLE-MEDICINES", field "conditions.condition" refers to');
      expectLine(at(file, '"value": "no-such-list"'), 'Rule "SAMPLE-SOCIAL", field "conditions.any[0].value" refers to the code list');
      // The second rule with the id is the duplicate.
      expectLine(
        at(file, '"id": "SAMPLE-FALLS"', '"id": "SAMPLE-FALLS"'),
        'Rule "SAMPLE-FALLS", field "id": the id "SAMPLE-FALLS" is used more than once.',
      );
      expectLine(at(file, '"version": "9.9.9"'), 'The field "version" appears twice');
      // Positions in arrays are for programs; the text output names rules by id.
      expect(en.stdout).not.toMatch(/rules\[\d+\]/);
    });

    it('says a missing text is missing, in the reader’s language', async () => {
      const { second, nb, nn, en } = await workspace();
      const place = at(second, '"title"', '"rules": [');
      expect(nb.stdout).toContain(`${place}Regel «SAMPLE-TARGET», felt «title» mangler tekst på nb.`);
      expect(nn.stdout).toContain(`${place}Regel «SAMPLE-TARGET», felt «title» manglar tekst på nb.`);
      expect(en.stdout).toContain(`${place}Rule "SAMPLE-TARGET", field "title" is missing its nb text.`);
    });

    it('says a bare leaf at a rule’s root must be wrapped, and why', async () => {
      const { second, nb, nn, en } = await workspace();
      const place = at(second, '"conditions"', '"id": "SAMPLE-FRAIL"');
      expect(nb.stdout).toContain(
        `${place}Regel «SAMPLE-FRAIL», felt «conditions» er én enkelt betingelse (fact, operator, value) rett på roten. Roten må være all, any, not eller condition, fordi json-rules-engine ikke godtar noe annet der.`,
      );
      expect(nn.stdout).toContain(
        `${place}Regel «SAMPLE-FRAIL», felt «conditions» er eitt enkelt vilkår (fact, operator, value) rett på rota. Rota må vere all, any, not eller condition, fordi json-rules-engine ikkje godtek noko anna der.`,
      );
      expect(en.stdout).toContain(
        `${place}Rule "SAMPLE-FRAIL", field "conditions" is a single condition (fact, operator, value) at the root. The root must be all, any, not or condition, because json-rules-engine accepts nothing else there. Wrap it: {"all": [ … ]}.`,
      );
      expect(en.stdout).not.toContain('does not match any of the allowed shapes');
    });

    it('says a key written twice keeps only the last one, and counts the errors and files', async () => {
      const { file, nb, nn, en } = await workspace();
      expect(nb.stdout).toContain(
        `${at(file, '"version": "9.9.9"')}Feltet «version» står to ganger i samme objekt; bare den siste blir brukt.`,
      );
      for (const r of [nb, nn, en]) expect(r.code).toBe(1);
      // 7 in sample.json (6 semantic, 1 duplicate key) and 2 in second.json; the file count covers both rule sets.
      expect(nb.stdout).toContain('\n\n9 feil i 2 filer (kontrollert: 2 regelsett, 2 kodelister, 1 testvektorfil).\n');
      expect(en.stdout).toContain('\n\n9 errors in 2 files (checked: 2 rule sets, 2 code lists, 1 test-vector file).\n');
      expect(lines(en).filter((l) => /^\/.+:\d+:\d+: /.test(l))).toHaveLength(9);
    });
  });

  describe('messages for policy staff: the place, the reason, a nearer name, in nb, nn and en', () => {
    // One folder with mistakes that do not hide one another: a parameter of the wrong kind, an empty
    // title, params on a fact that takes none and a window out of range on one that takes one, names
    // one slip away from a real one, and a nynorsk text copied from bokmål.
    const workspace = once(async () => {
      const dir = copyFixture();
      const file = join(dir, 'sample.json');
      // A schema error stops compiling, so the empty title is in a copy of its own.
      const second = join(dir, 'second.json');
      cpSync(file, second);
      editJson(second, (j) => {
        j.id = 'second';
        j.rules[1].title.nb = '';
      });
      editJson(file, (j) => {
        j.parameters.manyMedicines.value = '10';
        j.rules[5].conditions.all[0].params = { months: 121 };
        j.conditions.anyTrigger.any[1].params = { months: 0 };
        j.conditions.anyTrigger.any[2].params = { months: 6 };
        j.rules[4].conditions.all[0].operator = 'equals';
        j.conditions.older.all[0].value = { param: 'olderAg' };
        j.rules[3].conditions.any[0].value = 'sample-socal';
        j.rules[4].text.nn = 'Vurder om personen ikke er skrøpelig.';
      });
      const [nb, nn, en] = await Promise.all((['nb', 'nn', 'en'] as const).map((lang) => cli(['validate', dir, '--lang', lang])));
      return { file, second, nb: nb!, nn: nn!, en: en! };
    });

    it('reports a parameter of the wrong kind where it is set, not where it is used, with a Norwegian type name', async () => {
      const { file, nb, nn, en } = await workspace();
      const place = at(file, '"value": "10"');
      expect(nb.stdout).toContain(
        `${place}Parameteren «manyMedicines», felt «value» passer ikke med operatoren «greaterThanInclusive»: forventet et tall.\n`,
      );
      expect(nn.stdout).toContain(
        `${place}Parameteren «manyMedicines», felt «value» passar ikkje med operatoren «greaterThanInclusive»: venta eit tal.\n`,
      );
      expect(en.stdout).toContain(
        `${place}Parameter "manyMedicines", field "value" does not fit the operator "greaterThanInclusive": expected a number.\n`,
      );
      // Used twice (a named condition and a rule): one error, at the parameter.
      expect(nb.stdout.match(/manyMedicines/g)).toHaveLength(1);
      expect(nb.stdout).not.toContain('forventet number');
    });

    it('says an empty title is empty', async () => {
      const { second, nb, nn, en } = await workspace();
      const place = at(second, '"nb": ""');
      expect(nb.stdout).toContain(`${place}Regel «SAMPLE-OLDER», felt «title» på nb er tom: skriv en tekst.\n`);
      expect(nn.stdout).toContain(`${place}Regel «SAMPLE-OLDER», felt «title» på nb er tom: skriv ein tekst.\n`);
      expect(en.stdout).toContain(`${place}Rule "SAMPLE-OLDER", field "title" in nb is empty: write a text.\n`);
      expect(nb.stdout.split('\n').filter((l) => l.includes('«title»'))).toHaveLength(1);
    });

    it('says which params a fact takes, and why these are refused', async () => {
      const { file, nb, nn, en } = await workspace();
      expect(nb.stdout).toContain(
        `${at(file, '"params"', '"fact": "frail"')}Betingelsen «anyTrigger», felt «any[2].params»: faktumet «frail» (skrøpelighet (screening)) tar ingen parametre. Fjern «params».\n`,
      );
      expect(nn.stdout).toContain('faktumet «frail» (skrøpelegheit (screening)) tek ingen parametrar. Fjern «params».');
      expect(en.stdout).toContain('the fact "frail" (frailty (screening)) takes no parameters. Remove "params".');
      // `falls` takes a window of 1 to 120 months: a wrong one is refused with the reason.
      expect(nb.stdout).toContain(
        `${at(file, '"params"', '"id": "SAMPLE-FALLS"')}Regel «SAMPLE-FALLS», felt «conditions.all[0].params» har ugyldige parametre for faktumet «falls» (fall siste 12 måneder), som tar «months»: «months» er for stor: høyst 120 er tillatt.\n`,
      );
      expect(en.stdout).toContain(
        'has invalid parameters for the fact "falls" (falls in the last 12 months), which takes "months": «months» is too large: at most 120 is allowed.',
      );
      expect(nb.stdout).toContain(
        `${at(file, '"params"', '"fact": "emergencyAdmissions"')}Betingelsen «anyTrigger», felt «any[1].params» har ugyldige parametre for faktumet «emergencyAdmissions» (antall akutte innleggelser), som tar «months»: «months» er for liten: minst 1 kreves.\n`,
      );
      expect(en.stdout).toContain(
        'has invalid parameters for the fact "emergencyAdmissions" (number of emergency admissions), which takes "months": «months» is too small: at least 1 is required.',
      );
      expect(nb.stdout).not.toContain(': —.');
    });

    it('suggests the nearest operator, parameter and code list', async () => {
      const { file, nb, nn, en } = await workspace();
      expect(nb.stdout).toContain(
        `${at(file, '"operator": "equals"')}Regel «SAMPLE-FRAIL», felt «conditions.all[0].operator» bruker operatoren «equals», som ikke finnes. Mente du «equal»? Tillatt: `,
      );
      expect(nn.stdout).toContain('brukar operatoren «equals», som ikkje finst. Meinte du «equal»? Tillate: ');
      expect(en.stdout).toContain('uses the operator "equals", which does not exist. Did you mean "equal"? Allowed: ');
      expect(nb.stdout).toContain(
        `${at(file, '"param": "olderAg"')}Betingelsen «older», felt «all[0].value.param» viser til parameteren «olderAg», som ikke finnes. Mente du «olderAge»?\n`,
      );
      expect(nb.stdout).toContain(
        `${at(file, '"value": "sample-socal"')}Regel «SAMPLE-SOCIAL», felt «conditions.any[0].value» viser til kodelisten «sample-socal», som ikke finnes. Mente du «sample-social»?\n`,
      );
    });

    it('warns, without failing on it, when a nynorsk text looks like bokmål', async () => {
      const { file, nb, nn, en } = await workspace();
      const place = at(file, '"nn": "Vurder om personen ikke');
      expect(nb.stdout).toContain(
        `${place}advarsel: Regel «SAMPLE-FRAIL», felt «text» på nn ser ut som bokmål (fant «ikke»). Nynorsk skriver f.eks. «ikkje», «kva», «frå».\n`,
      );
      expect(nn.stdout).toContain(`${place}åtvaring: Regel «SAMPLE-FRAIL», felt «text» på nn ser ut som bokmål (fann «ikke»).`);
      expect(en.stdout).toContain(`${place}warning: Rule "SAMPLE-FRAIL", field "text" in nn looks like bokmål (found "ikke").`);
      // 7 errors in sample.json and the empty title in the copy; the warning is counted apart and
      // does not fail on its own.
      expect(nb.stdout).toContain(
        '\n\n8 feil i 2 filer (kontrollert: 2 regelsett, 2 kodelister, 1 testvektorfil).\n1 advarsel (teller ikke som feil).\n',
      );
      const alone = copyFixture();
      editJson(join(alone, 'sample.json'), (j) => {
        j.rules[4].text.nn = 'Vurder om personen ikke er skrøpelig.';
      });
      const r = await cli(['validate', alone, '--lang', 'nn', '--json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.ok).toBe(true);
      expect(json.issues).toMatchObject([{ code: 'nynorsk_bokmal', severity: 'warning', path: 'rules[4].text.nn' }]);
    });
  });

  it('places a YAML error at the unclosed bracket or quote that causes it, with the reason in words', async () => {
    const dir = copyFixture();
    const bracket = join(dir, 'extra.test.yaml');
    writeFileSync(
      bracket,
      [
        'ruleSet: sample',
        'vectors:',
        '  - name: Open list',
        '    asOf: 2026-06-01',
        '    expect:',
        '      fired: [SAMPLE-TARGET',
        '  - name: next',
        '',
      ].join('\n'),
    );
    const quote = join(dir, 'quote.test.yaml');
    writeFileSync(quote, ['ruleSet: sample', 'vectors:', '  - name: "Open quote', '    asOf: 2026-06-01', '    expect: {}', ''].join('\n'));
    const [nb, en] = await Promise.all([cli(['validate', dir]), cli(['validate', dir, '--lang', 'en'])]);
    expect(nb.code).toBe(1);
    expect(nb.stdout).toContain(`${bracket}:6:14: Ugyldig YAML på linje 6, kolonne 14: en { eller [ som ikke er lukket.\n`);
    expect(nb.stdout).toContain(`${quote}:3:11: Ugyldig YAML på linje 3, kolonne 11: et anførselstegn som ikke er lukket.\n`);
    expect(en.stdout).toContain(`${bracket}:6:14: Invalid YAML at line 6, column 14: a { or [ that is not closed.\n`);
  });

  it('checks vector files against their rule set: rules, facts, parameters, persons, rules never expected to fire, rule sets without vectors, YAML', async () => {
    const dir = copyFixture();
    const file = join(dir, 'sample.json');
    const vectors = join(dir, 'sample.test.json');
    let notFiredLength = 0;
    let withPerson = -1;
    let names: string[] = [];
    editJson(vectors, (j) => {
      names = j.vectors.map((v: { name: string }) => v.name);
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
      `${at(vectors, '"SAMPLE-NO-SUCH-RULE"')}Test vector "${names[0]}", field "expect.notFired[${notFiredLength}]" refers to the rule "SAMPLE-NO-SUCH-RULE", which does not exist.`,
    );
    // A vector dated outside the rule set's period is run on its own date, not refused: the date
    // belongs to the scenario, and a version prepared for next year keeps this year's vectors.
    expect(out).not.toContain('vectors[2].asOf');
    expect(out).not.toContain('not valid on');
    expect(out).toContain(
      `${at(vectors, '"agee"')}Test vector "${names[0]}", field "facts.agee" refers to the fact "agee", which does not exist. Did you mean "age"?`,
    );
    expect(out).toContain(
      `${at(vectors, '"noSuchThreshold"')}Test vector "${names[1]}", field "parameters.noSuchThreshold" refers to the parameter "noSuchThreshold", which does not exist.`,
    );
    expect(out).toContain(
      `${at(vectors, '"code": "K7X"')}Test vector "${names[withPerson]}", field "person.diagnoses[0].code" is not an ICPC-2 code`,
    );
    expect(out).not.toMatch(/K7X[^"]/); // the value itself is never echoed in a message
    expect(out).toContain(
      `${at(file, '"id": "SAMPLE-FALLS"')}No test vector expects the rule "SAMPLE-FALLS" to fire. Add a vector with the rule under expect.fired.\n`,
    );
    expect(out).toContain(
      `${at(lonely, '"id"')}The rule set "lonely" has no test vectors. Put them in lonely.test.json next to the rule set.\n`,
    );
    expect(out).toContain(
      `${at(other, '"ruleSet"')}The field "ruleSet" refers to the rule set "no-such-set", which is not among the files.`,
    );
    expect(out).toContain(
      `${yaml}:6:7: Test vector "A YAML vector", field "facts.regularMedicationz" refers to the fact "regularMedicationz", which does not exist. Did you mean "regularMedications"?`,
    );
    expect(out).toContain(`${twice}:4:5: Invalid YAML at line 4, column 5: the same key appears twice.`);
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
        `${at(social, '"code": "z05"', '"entries"')}Code no. 2 in the code list, field "code" has the wrong format.`,
        `${at(file, '"value": "sample-social"')}Rule "SAMPLE-SOCIAL", field "conditions.any[0].value" refers to the code list "sample-social", which does not exist.`,
        `${at(file, '"value": "sample-mental"')}Rule "SAMPLE-SOCIAL", field "conditions.any[1].value" refers to the code list "sample-mental", which does not exist.`,
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
      severity: 'error',
      detail: { name: 'agee', suggestion: 'age' },
    });
    expect(json.issues[0].message).toBe(
      'Betingelsen «older», felt «all[0].fact» viser til faktumet «agee», som ikke finnes. Mente du «age»?',
    );
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

  it('suggests the rule set a vector file was meant for when its id is one slip away', async () => {
    const dir = copyFixture();
    const typo = join(dir, 'typo.test.json');
    writeFileSync(
      typo,
      JSON.stringify({ ruleSet: 'sampel', vectors: [{ name: 'x', asOf: '2026-06-01', facts: {}, expect: {} }] }, null, 2),
    );
    const [nb, en] = await Promise.all([cli(['validate', dir]), cli(['validate', dir, '--lang', 'en'])]);
    expect(nb.code).toBe(1);
    expect(nb.stdout).toContain(
      `${at(typo, '"ruleSet"')}Feltet «ruleSet» viser til regelsettet «sampel», som ikke finnes blant filene. Mente du «sample»?`,
    );
    expect(en.stdout).toContain('refers to the rule set "sampel", which is not among the files. Did you mean "sample"?');
  });
});
