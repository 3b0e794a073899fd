import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocks, docPages, readPage } from '../support/docPages.js';
import { cli, edit, editJson, ROOT, tempDir } from './run.js';

/*
 * The walkthrough for policy staff (docs/policy-staff.md, "Endre en terskel, steg for steg") shows
 * real output. This test runs every `$ npx oppfolgingsteam …` line of every console block in
 * README.md and docs/*.md, in a folder laid out as the walkthrough says (rules/, rules-ny/ with the
 * new cut-off, samtykke/ with two versions of the consent rules, examples/cohort.ndjson, morten.json), and compares what it prints with what the page
 * shows. On a page, a line that is only "…" stands for any number of lines, and a line ending in "…"
 * for a line that starts with the text before it. A command with a `# comment` first makes the
 * mistake the comment names.
 */

const WALKTHROUGH = 'docs/policy-staff.md';

/** The mistakes the walkthrough makes on purpose, by the comment after its command. */
const MISTAKES: Record<string, (rulesNy: string) => void> = {
  '«longTermConditions» feilstavet': (dir) =>
    edit(join(dir, 'identification.json'), (t) => t.replace('"fact": "longTermConditions"', '"fact": "longtermConditions"')),
  'en nynorsk tekst slettet': (dir) =>
    editJson(join(dir, 'identification.json'), (j) => {
      delete j.rules[8].text.nn;
    }),
  'kommaet etter «version» slettet': (dir) => edit(join(dir, 'identification.json'), (t) => t.replace(/("version": "[^"]+"),/, '$1')),
  '«validTo» slettet i consent.json': (dir) =>
    editJson(join(dirname(dir), 'samtykke', 'consent.json'), (j) => {
      delete j.validTo;
    }),
  '«medicationReviewThreshold» skrevet som tekst': (dir) =>
    editJson(join(dir, 'identification.json'), (j) => {
      j.parameters.medicationReviewThreshold.value = String(j.parameters.medicationReviewThreshold.value);
    }),
  'en tittel tømt': (dir) =>
    editJson(join(dir, 'identification.json'), (j) => {
      j.rules[8].title.nb = '';
    }),
  '«params» med «months» lagt til på «frail»': (dir) =>
    editJson(join(dir, 'identification.json'), (j) => {
      j.conditions.anyTrigger.any.find((c: { fact?: string }) => c.fact === 'frail').params = { months: 6 };
    }),
  'bokmålsteksten kopiert inn som nynorsk': (dir) =>
    editJson(join(dir, 'identification.json'), (j) => {
      const rule = j.rules.find((r: { id: string }) => r.id === 'ID-TRIGGER-POLYPHARMACY');
      rule.text.nn = rule.text.nb;
    }),
};

/** Mistakes that validate only warns about: they are listed, and the exit code stays 0. */
const WARNINGS_ONLY = new Set(['bokmålsteksten kopiert inn som nynorsk']);

/** The sign-off of consent 2.2.0 in the section "Ny versjon av et regelsett". */
const SIGN_OFF = {
  approvedBy: 'Kommuneoverlegen i Eksempel kommune',
  approvedOn: '2026-11-20',
  changeNote: {
    nb: 'Manglende samtykke til individuell plan vises som kritisk.',
    nn: 'Manglande samtykke til individuell plan blir vist som kritisk.',
    en: 'A missing consent to an individual plan is shown as critical.',
  },
};

/** Copies a JSON object with `extra` keys inserted after the key `after`, as an editor would write them. */
function insertAfter(json: Record<string, unknown>, after: string, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k in extra) continue;
    out[k] = v;
    if (k === after) Object.assign(out, extra);
  }
  return out;
}

/**
 * samtykke/ as the section "Ny versjon av et regelsett" leaves it: consent 2.1.0 ending 2026-12-31,
 * consent 2.2.0 from 2027-01-01 with its sign-off and one rule made critical, and vectors pinned to it.
 */
function versionsFolder(project: string): void {
  const dir = join(project, 'samtykke');
  mkdirSync(dir);
  const read = (f: string) => JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as Record<string, unknown>;
  const write = (f: string, j: unknown) => writeFileSync(join(dir, f), `${JSON.stringify(j, null, 2)}\n`);
  const old = insertAfter(read('consent.json'), 'validFrom', { validTo: '2026-12-31' });
  write('consent.json', old);
  const next = insertAfter({ ...old, version: '2.2.0', validFrom: '2027-01-01' }, 'validFrom', SIGN_OFF);
  delete next['validTo'];
  (next['rules'] as { severity: string }[])[1]!.severity = 'critical';
  write('consent-2027.json', next);
  write('consent.test.json', read('consent.test.json'));
  write('consent-2027.test.json', insertAfter(read('consent.test.json'), 'ruleSet', { version: '2.2.0' }));
}

interface Example {
  readonly args: string[];
  readonly mistake: string | undefined;
  readonly shown: string[];
  /** Page and line of the block, for the failure message. */
  readonly at: string;
}

/** The commands of every console block in the pages, with the output the page shows for each. */
function examples(): Example[] {
  const out: Example[] = [];
  for (const block of docPages().flatMap((page) => blocks(page, 'console'))) {
    let current: Example | undefined;
    for (const line of block.code.replace(/\n$/, '').split('\n')) {
      const cmd = /^\$ npx oppfolgingsteam (.*?)(?:\s+#\s*(.*))?$/.exec(line);
      if (cmd) {
        current = { args: cmd[1]!.trim().split(/\s+/), mistake: cmd[2], shown: [], at: `${block.page}:${block.line}` };
        out.push(current);
      } else if (current) current.shown.push(line);
      else throw new Error(`${block.page}:${block.line}: console block starts with "${line}", not with a command`);
    }
  }
  // The blank line that separates two commands in a block, and the block's end, are not output.
  for (const e of out) while (e.shown.length > 0 && e.shown[e.shown.length - 1] === '') e.shown.pop();
  return out;
}

/** Where the page's lines stop matching the output: undefined when they all match. */
function firstMismatch(actual: readonly string[], shown: readonly string[]): number | undefined {
  const line = (a: string, s: string) => (s.endsWith('…') ? a.startsWith(s.slice(0, -1)) : a === s);
  const seen = new Set<string>();
  let furthest = 0;
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const key = `${i},${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    furthest = Math.max(furthest, j);
    if (i === actual.length && j === shown.length) return undefined;
    if (j === shown.length) continue;
    if (shown[j]!.trim() === '…') {
      stack.push([i, j + 1]);
      if (i < actual.length) stack.push([i + 1, j]);
    } else if (i < actual.length && line(actual[i]!, shown[j]!)) stack.push([i + 1, j + 1]);
  }
  return furthest;
}

/** A folder laid out as the walkthrough says; `mistake` is made in rules-ny/ first. */
function project(mistake: string | undefined): string {
  const dir = tempDir('oppf-readme-');
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  cpSync(join(ROOT, 'rules'), join(dir, 'rules-ny'), { recursive: true });
  editJson(join(dir, 'rules-ny', 'identification.json'), (j) => {
    j.parameters.highRiskCutOff.value = 14;
  });
  mkdirSync(join(dir, 'examples'));
  cpSync(join(ROOT, 'examples', 'cohort.ndjson'), join(dir, 'examples', 'cohort.ndjson'));
  cpSync(join(ROOT, 'examples', 'persons', 'morten.json'), join(dir, 'morten.json'));
  versionsFolder(dir);
  if (mistake !== undefined) {
    const make = MISTAKES[mistake];
    if (!make) throw new Error(`the walkthrough's mistake "${mistake}" is not known to this test; add it to MISTAKES`);
    make(join(dir, 'rules-ny'));
  }
  return dir;
}

describe('the walkthrough for policy staff', () => {
  it('makes the edit it says: a high-risk cut-off of 14 in rules-ny/identification.json', () => {
    expect(readPage(WALKTHROUGH)).toContain(
      'I `rules-ny/identification.json` heves terskelen for høy risiko fra 10 til 14 poeng:\n\n```json\n"highRiskCutOff": {\n  "value": 14,\n',
    );
    const rules = JSON.parse(readFileSync(join(ROOT, 'rules', 'identification.json'), 'utf8'));
    expect(rules.parameters.highRiskCutOff.value).toBe(10);
  });

  it('makes the edits the section on a new version says: validTo on the old one, the new one with its sign-off, pinned vectors', () => {
    const page = readPage(WALKTHROUGH);
    const section = page.slice(page.indexOf('## Ny versjon av et regelsett'));
    expect(section).toContain('"validFrom": "2026-01-01",\n"validTo": "2026-12-31",\n');
    const shown = `"version": "2.2.0",\n"validFrom": "2027-01-01",\n${JSON.stringify(SIGN_OFF, null, 2).slice(2, -2).replace(/\n  /g, '\n').replace(/^  /, '')},\n`;
    expect(section).toContain(shown);
    expect(section).toContain('`CONSENT-PLAN-MISSING` kritisk (`"severity": "critical"`)');
    expect(section).toContain('legg til `"version": "2.2.0"` etter `"ruleSet": "consent"`');
    const rules = JSON.parse(readFileSync(join(ROOT, 'rules', 'consent.json'), 'utf8'));
    expect(rules.rules[1].id).toBe('CONSENT-PLAN-MISSING');
    expect(rules.rules[1].severity).not.toBe('critical');
  });

  it('shows the change log the catalogue really has', async () => {
    const dir = project(undefined);
    const r = await cli(['docs', 'samtykke', '--out', 'katalog-2027', '--as-of', '2027-02-01'], { cwd: dir });
    expect(r.code).toBe(0);
    const table = blocks(WALKTHROUGH, 'text').filter((b) => b.code.startsWith('| Versjon |'));
    const catalogue = readFileSync(join(dir, 'katalog-2027', 'regelkatalog.nb.md'), 'utf8');
    expect(table).toHaveLength(1);
    expect(catalogue).toContain(`### Endringslogg\n\n${table[0]!.code}`);
  });

  it('uses a cohort file that holds the four example persons, in order', () => {
    const lines = readFileSync(join(ROOT, 'examples/cohort.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(
      ['klara', 'morten', 'kasper', 'nora'].map((n) => JSON.parse(readFileSync(join(ROOT, 'examples/persons', `${n}.json`), 'utf8'))),
    );
  });

  it('shows what each command really prints', async () => {
    const all = examples();
    // Every command of the walkthrough is there, so the test cannot pass on a page that lost it.
    expect(new Set(all.map((e) => e.args[0]))).toEqual(new Set(['validate', 'test', 'diff', 'explain', 'docs']));
    const walkthrough = project(undefined);
    const runs = await Promise.all(all.map((e) => cli(e.args, { cwd: e.mistake === undefined ? walkthrough : project(e.mistake) })));
    all.forEach((e, k) => {
      const r = runs[k]!;
      const command = `${e.at}: oppfolgingsteam ${e.args.join(' ')}${e.mistake ? `  # ${e.mistake}` : ''}`;
      expect(r.stderr, command).toBe('');
      const actual = r.stdout.replace(/\n$/, '').split('\n');
      const at = firstMismatch(actual, e.shown);
      expect(
        at === undefined ? undefined : `the page's line "${e.shown[at] ?? '(end)'}" does not match what the command printed:\n${r.stdout}`,
        command,
      ).toBeUndefined();
    });
    // The exit codes the walkthrough describes: 1 for errors found and failing vectors, else 0
    // (warnings alone do not fail).
    const fails = (e: Example) => (e.mistake !== undefined && !WARNINGS_ONLY.has(e.mistake)) || e.args[0] === 'test';
    expect(all.map((e, k) => [e.args[0], e.mistake, runs[k]!.code])).toEqual(all.map((e) => [e.args[0], e.mistake, fails(e) ? 1 : 0]));
  }, 240_000);
});
