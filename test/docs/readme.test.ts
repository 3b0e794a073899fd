import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKLIST_CSV_HEADER } from '../../src/population/index.js';
import { blocks, docPages, marker, pointAtSource } from '../support/docPages.js';
import { ROOT } from '../support/helpers.js';

/*
 * Every TypeScript sample in README.md and docs/*.md is what a user copies, so each must run and
 * type-check as written, and print what the page says it does. A ```ts block starts with
 * `// example: <name>` (run; blocks of one name in one page are joined in order) or
 * `// types-only: <name>` (type-checked only). `'oppfolgingsteam'` and its subpaths are pointed at
 * the entries' source files; each example runs in a child process, as a user's script would.
 */

const DIR = join(ROOT, '.tmp/docs-samples');

interface Sample {
  readonly key: string; // page#name
  readonly kind: 'example' | 'types-only';
  readonly file: string;
}

/** What each example must print: the output's shape, so that a sample cannot print the wrong thing. */
const EXPECT: Record<string, (stdout: string) => void> = {
  'README.md#evaluate': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('[warning] Consider structured interdisciplinary follow-up (ID-TARGET-GROUP)');
    expect(lines[1]).toMatch(/^ {2}Fired because: number of long-term conditions is at least 2 \(met; recorded: 2\)/);
    expect(lines.at(-1)).toMatch(/^score: \d+ points, high; data needed: \d+$/);
  },
  'docs/getting-started.md#chart': (out) => {
    const lines = out.trimEnd().split('\n');
    const perRuleSet = lines.filter((l) => /^[a-z]+: \d+ prompts, \d+ data needed$/.test(l));
    expect(perRuleSet).toHaveLength(8);
    expect(perRuleSet[0]).toMatch(/^identification: [1-9]\d* prompts/);
    expect(lines).toContain('card: [warning] Vurder strukturert tverrfaglig oppfølging');
    expect(lines.filter((l) => !perRuleSet.includes(l)).every((l) => /^card: \[(info|warning|critical)\] \S/.test(l))).toBe(true);
  },
  'docs/getting-started.md#invalid': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^InvalidPerson birthDate birth_date: /);
    expect(lines[1]).toMatch(/^InvalidPerson diagnoses\[0\]\.activ unknown_key: /);
    // No value from the record in a message.
    expect(out).not.toContain('1951-02-30');
  },
  'docs/concepts.md#explain': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^ID-TARGET-GROUP unknown: Unknown because data is missing on .*number of emergency visits in the last 6 months/,
    );
    expect(lines.slice(1)).toHaveLength(3);
    for (const l of lines.slice(1)) expect(l).toMatch(/^data needed: [A-Z-]+ \([a-zA-Z, ]+\)$/);
  },
  'docs/pathway.md#pathway': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^offer 1 \[/);
    expect(out).toContain("kind: 'offer-answer'");
    expect(out).toContain("due: '2026-11-17'");
    expect(out).toContain('daysOverdue: 3');
    expect(lines.slice(-3)).toEqual(['A saved: true', 'B saved: false', 'StaleRevision']);
  },
  'docs/cds-hooks-and-fhir.md#vendor': (out) => {
    expect(out).toContain('"summary": "Vurder strukturert tverrfaglig oppfølging"');
    expect(out).not.toContain('"_tag"');
    expect(out).toContain("resourceType: 'Task'");
    expect(out).toContain("resourceType: 'RiskAssessment'");
    expect(out).toContain("resourceType: 'CareTeam'");
    expect(out).toContain("type: 'transaction'");
  },
  'docs/cds-hooks-and-fhir.md#service': (out) => {
    const sent = JSON.parse(out.trimEnd().split('\n').at(-1)!) as {
      discovery: { services: { hook: string; id: string; prefetch: Record<string, string> }[] };
      result: { status: number; body: Record<string, unknown> };
      feedback: { status: number; body: unknown };
    };
    expect(sent.discovery.services.map((s) => s.hook)).toEqual(['patient-view']);
    expect(Object.keys(sent.discovery.services[0]!.prefetch)).toContain('patient');
    // The body a CDS client reads: `{ cards: [...] }`, never the Either around it.
    expect(sent.result.status).toBe(200);
    expect(Object.keys(sent.result.body)).toEqual(['cards']);
    expect(Array.isArray(sent.result.body['cards'])).toBe(true);
    expect(sent.feedback.status).toBe(200);
    expect(sent.feedback.body).toEqual([expect.objectContaining({ outcome: 'overridden' })]);
  },
  'docs/population.md#stratify': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('read 2000, listed 100');
    expect(lines[1]).toBe(WORKLIST_CSV_HEADER);
    expect(lines.slice(2, 5).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    expect(lines.at(-1)).toMatch(/^report: \d{4,} characters$/);
  },
  'docs/api.md#one-rule-set': (out) => {
    expect(out.trimEnd()).toMatch(/^consent \d+\.\d+\.\d+: \d+ prompts, [1-9]\d* data needed$/);
  },
  'docs/api.md#facts': (out) => {
    expect(JSON.parse(out)).toEqual({ age: 75, longTermConditions: 2, physicalAndMental: true });
  },
  'docs/api.md#json-rules-engine': (out) => {
    const ids = out.trim().split(' ');
    expect(ids).toContain('ID-MULTIMORBIDITY');
    expect(ids).not.toContain('ID-TARGET-GROUP'); // no emergency care recorded: unknown there is false
  },
};

/** Every marked sample of every page, written to its own file with imports pointed at the source. */
function writeSamples(): Sample[] {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const joined = new Map<string, { kind: 'example' | 'types-only'; code: string }>();
  for (const page of docPages()) {
    for (const b of blocks(page, 'ts')) {
      const m = marker(b.code);
      if (!m) continue;
      const key = `${page}#${m.name}`;
      const prev = joined.get(key);
      if (prev && prev.kind !== m.kind) throw new Error(`${key} is marked both example and types-only`);
      joined.set(key, { kind: m.kind, code: `${prev?.code ?? ''}${b.code}\n` });
    }
  }
  return [...joined].map(([key, { kind, code }]) => {
    const file = join(DIR, `${key.replace(/\.md#/, '--').replace(/[^a-zA-Z0-9-]/g, '-')}.ts`);
    writeFileSync(file, pointAtSource(code));
    return { key, kind, file };
  });
}

describe('code samples in README.md and docs/', () => {
  const samples = writeSamples();
  const examples = samples.filter((s) => s.kind === 'example');

  it('every ```ts block is marked as an example to run or as types-only', () => {
    const unmarked = docPages().flatMap((page) =>
      blocks(page, 'ts')
        .filter((b) => marker(b.code) === undefined)
        .map((b) => `${b.page}:${b.line}`),
    );
    expect(unmarked, 'start each ```ts block with `// example: <name>` or `// types-only: <name>`').toEqual([]);
  });

  it('every example has its output asserted here, and every assertion has its example', () => {
    expect(examples.map((s) => s.key).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  it('samples import the entries by their published names, adapters from their subpaths', () => {
    for (const page of docPages()) {
      for (const b of blocks(page, 'ts')) {
        for (const m of b.code.matchAll(/from '([^']+)'/g))
          expect(m[1], `${b.page}:${b.line}`).toMatch(
            /^(oppfolgingsteam(\/[a-z-]+|\/rule-sets\/[a-z-]+)?|node:[a-z]+|json-rules-engine|xstate|zod)$/,
          );
        // What lives at a subpath is not imported from the root.
        const root = /import (?:type )?\{([^}]*)\} from 'oppfolgingsteam';/.exec(b.code)?.[1] ?? '';
        expect(root, `${b.page}:${b.line}`).not.toMatch(
          /\b(toCards|cdsResponse|personFrom\w+|to(RiskAssessment|Flags|CareTeam|FollowUpPlan)|startPathway|sendEvent|stratify|deriveFacts|builtinFacts)\b/,
        );
      }
    }
  });

  it.each(examples.map((s) => [s.key, s] as const))('%s runs and prints what the page says', (_key, s) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', s.file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    EXPECT[s.key]!(r.stdout);
  });

  it('all type-check under the project settings', () => {
    writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'], exclude: [] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(DIR, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(samples.length).toBeGreaterThanOrEqual(Object.keys(EXPECT).length);
    expect(r.stdout + r.stderr).toBe('');
  });
});
