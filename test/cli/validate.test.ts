import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyRules, edit, editJson, positionOf, rulesFolder, tempDir } from './run.js';

/*
 * `oppfolgingsteam validate`, run as a separate process on copies of rules/ with one mistake each.
 * Every error must name the file, the line and column, and the JSON path.
 */

/** 1-based line and column of `needle`, searching after the first occurrence of `anchor`. */
function positionAfter(path: string, anchor: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path, 'utf8');
  const i = text.indexOf(needle, text.indexOf(anchor) + anchor.length);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

describe('validate', () => {
  it('accepts the bundled rules folder and says what it checked', async () => {
    const r = await cli(['validate', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const f = rulesFolder();
    const files = f.ruleSets + f.codeLists + f.vectorFiles;
    expect(r.stdout).toBe(`Ingen feil i ${files} filer (${f.ruleSets} regelsett, ${f.codeLists} kodelister, ${f.vectorFiles} ${f.vectorFiles === 1 ? 'testvektorfil' : 'testvektorfiler'}).\n`);
  });

  it('accepts one rule file, reading its vectors and code lists next to it', async () => {
    const r = await cli(['validate', 'rules/identification.json', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No errors in 2 files \(1 rule set, 0 code lists, 1 test-vector file\)\./);
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

  it('reports malformed JSON with line and column, also where Node gives no position', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    // A missing comma: the error is at the start of the next key.
    edit(file, (t) => t.replace('"version": "1.0.0",', '"version": "1.0.0"'));
    const at = positionOf(file, '"validFrom"');
    let r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${at.line}:${at.column}: Ugyldig JSON på linje ${at.line}, kolonne ${at.column}: forventet komma`);

    // A bare word: Node's message has no position at all.
    edit(file, (t) => t.replace('"version": "1.0.0"', '"version": "1.0.0",').replace('"evidence": "found"', '"evidence": found'));
    const key = positionOf(file, '"evidence": found');
    const bare = { line: key.line, column: key.column + '"evidence": '.length };
    r = await cli(['validate', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${bare.line}:${bare.column}: Invalid JSON at line ${bare.line}, column ${bare.column}: unexpected character.`);
  });

  it('reports an unknown fact at the line and column of its "fact" key, with the JSON path', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    edit(file, (t) => t.replace('"fact": "longTermConditions"', '"fact": "longTermConditionz"'));
    const at = positionOf(file, '"fact": "longTermConditionz"');
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${at.line}:${at.column}: «conditions.multimorbidity.fact» viser til faktumet «longTermConditionz», som ikke finnes.`);
    expect(r.stdout).toContain('1 feil i 1 fil');
  });

  it('reports a missing bokmål text at the text object, in all three languages', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    editJson(file, (j) => delete j.rules[0].title.nb);
    const at = positionAfter(file, '"rules": [', '"title"');
    const messages = {
      nb: '«rules[0].title» mangler tekst på nb.',
      nn: '«rules[0].title» manglar tekst på nb.',
      en: '«rules[0].title» is missing its nb text.',
    };
    for (const [lang, message] of Object.entries(messages)) {
      const r = await cli(['validate', dir, '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${file}:${at.line}:${at.column}: ${message}`);
    }
  });

  it('reports unknown operators, code lists, parameters and conditions, and duplicate rule ids, each at its place', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    editJson(file, (j) => {
      j.conditions.anyTrigger.any[0].operator = 'atLeast';
      j.conditions.anyTrigger.any[1].value = { param: 'noSuchParameter' };
      j.rules[2].conditions = { condition: 'noSuchCondition' };
      j.rules[3].conditions.any[0] = { fact: 'activeDiagnoses', operator: 'inCodeList', value: 'no-such-list' };
      j.rules[4].id = j.rules[5].id;
    });
    const r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const expectLine = (needle: string, path: string, anchor?: string) => {
      const at = anchor ? positionAfter(file, anchor, needle) : positionOf(file, needle);
      expect(lines.some((l) => l.startsWith(`${file}:${at.line}:${at.column}: «${path}»`))).toBe(true);
    };
    expectLine('"operator": "atLeast"', 'conditions.anyTrigger.any[0].operator');
    expectLine('"param": "noSuchParameter"', 'conditions.anyTrigger.any[1].value.param');
    expectLine('"condition": "noSuchCondition"', 'rules[2].conditions.condition');
    expectLine('"value": "no-such-list"', 'rules[3].conditions.any[0].value');
    // The second rule with the id is the duplicate.
    expectLine('"id": "ID-TRIGGER-FRAILTY"', 'rules[5].id', '"id": "ID-TRIGGER-FRAILTY"');
    expect(r.stdout).toMatch(/5 errors in 1 file/);
  });

  it('reports a rule that no vector expects to fire, and a rule set without vectors', async () => {
    const dir = copyRules();
    const vectors = join(dir, 'identification.test.json');
    editJson(vectors, (j) => {
      for (const v of j.vectors) if (v.expect.fired) v.expect.fired = v.expect.fired.filter((id: string) => id !== 'ID-MEDICATION-REVIEW');
    });
    const file = join(dir, 'identification.json');
    const at = positionOf(file, '"id": "ID-MEDICATION-REVIEW"');
    let r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${at.line}:${at.column}: Ingen testvektor forventer at regelen «ID-MEDICATION-REVIEW» utløses.`);
    expect(r.stdout).toContain('(«rules[8].id»)');

    rmSync(vectors);
    r = await cli(['validate', dir, '--lang', 'nn']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Regelsettet «identification» har ingen testvektorar. Legg dei i identification.test.json');
  });

  it('checks vector files: unknown rule set, rules, facts, parameters, dates and persons', async () => {
    const dir = copyRules();
    const vectors = join(dir, 'identification.test.json');
    editJson(vectors, (j) => {
      j.vectors[0].expect.notFired.push('ID-NO-SUCH-RULE');
      j.vectors[0].facts.agee = 40;
      j.vectors[1].parameters = { noSuchThreshold: 3 };
      j.vectors[2].asOf = '2020-01-01';
      j.vectors[3] = { ...j.vectors[3], facts: undefined, person: { diagnoses: [{ system: 'ICPC-2', code: 'K7X' }] } };
    });
    writeFileSync(join(dir, 'other.test.json'), JSON.stringify({ ruleSet: 'no-such-set', vectors: [{ name: 'x', asOf: '2026-01-01', facts: {}, expect: {} }] }, null, 2));
    const r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    const at = (needle: string) => {
      const p = positionOf(vectors, needle);
      return `${vectors}:${p.line}:${p.column}: `;
    };
    expect(out).toContain(`${at('"ID-NO-SUCH-RULE"')}«vectors[0].expect.notFired[15]» refers to the rule "ID-NO-SUCH-RULE"`);
    expect(out).toContain(`${at('"agee"')}«vectors[0].facts.agee» refers to the fact "agee"`);
    expect(out).toContain(`${at('"noSuchThreshold"')}«vectors[1].parameters.noSuchThreshold» refers to the parameter "noSuchThreshold"`);
    expect(out).toContain(`${at('"asOf": "2020-01-01"')}The rule set is not valid on 2020-01-01 (valid 2026-01-01 to …). («vectors[2].asOf»)`);
    expect(out).toContain(`${at('"code": "K7X"')}«vectors[3].person.diagnoses[0].code» is not an ICPC-2 code`);
    expect(out).not.toMatch(/K7X[^"]/); // the value itself is never echoed in a message
    const other = join(dir, 'other.test.json');
    const o = positionOf(other, '"ruleSet"');
    expect(out).toContain(`${other}:${o.line}:${o.column}: «ruleSet» refers to the rule set "no-such-set", which is not among the files.`);
  });

  it('checks YAML vector files, with line and column in the YAML', async () => {
    const dir = copyRules();
    const yaml = join(dir, 'extra.test.yaml');
    writeFileSync(
      yaml,
      ['ruleSet: identification', 'vectors:', '  - name: A YAML vector', '    asOf: 2026-06-01', '    facts:', '      longTermConditionz: 2', '    expect:', '      fired: [ID-TARGET-GROUP]', ''].join('\n'),
    );
    let r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${yaml}:6:7: «vectors[0].facts.longTermConditionz» viser til faktumet «longTermConditionz», som ikke finnes.`);

    writeFileSync(yaml, 'ruleSet: identification\nvectors:\n  - name: a\n    name: b\n');
    r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${yaml.replace(/[.]/g, '\\.')}:4:5: Ugyldig YAML på linje 4, kolonne 5 \\(DUPLICATE_KEY\\)`));
  });

  it('checks code-list files, and a rule that refers to a list the folder no longer has', async () => {
    const dir = copyRules();
    const list = join(dir, 'code-lists', 'social-problems.json');
    editJson(list, (j) => {
      j.entries[1].code = 'z02';
    });
    const at = positionAfter(list, '"entries"', '"code": "z02"');
    let r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${list}:${at.line}:${at.column}: «entries[1].code» has the wrong format.`);

    rmSync(list);
    r = await cli(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('refers to the code list "social-problems", which does not exist.');
  });

  it('reports a key written twice: JSON would silently keep the last one', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    edit(file, (t) => t.replace('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "1.0.1",'));
    const at = positionOf(file, '"version": "1.0.1"');
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${at.line}:${at.column}: «version» står to ganger i samme objekt; bare den siste blir brukt.`);
  });

  it('prints the findings as JSON with --json', async () => {
    const dir = copyRules();
    const file = join(dir, 'identification.json');
    edit(file, (t) => t.replace('"fact": "longTermConditions"', '"fact": "longTermConditionz"'));
    const r = await cli(['validate', dir, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.issues).toHaveLength(1);
    const at = positionOf(file, '"fact": "longTermConditionz"');
    expect(json.issues[0]).toMatchObject({ file, line: at.line, column: at.column, path: 'conditions.multimorbidity.fact', code: 'unknown_fact' });
  });

  it('treats missing or extra arguments and unknown options as usage errors (exit 2)', async () => {
    for (const args of [['validate'], ['validate', 'a', 'b'], ['validate', 'rules', '--bogus'], ['validate', 'rules', '--lang', 'de']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/oppfolgingsteam validate: .+\nSe «oppfolgingsteam validate --help»/);
    }
  });

  it('skips folders that are hidden or node_modules', async () => {
    const dir = copyRules();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'broken.json'), '{');
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(0);
  });
});
