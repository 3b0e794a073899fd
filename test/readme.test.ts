import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../tsup.config.js';
import { ROOT } from './helpers.js';

/*
 * The README's CDS Hooks and FHIR examples are what a vendor copies, so they must run and type-check
 * as written. Code blocks marked `// readme-example: <name>` are joined per name, `'oppfolgingsteam'`
 * and its subpaths are pointed at the source, and each example runs in a child process (it logs to the console).
 */

const DIR = join(ROOT, '.tmp/readme');

/** Points `'oppfolgingsteam'` and each `'oppfolgingsteam/<subpath>'` at the entry's source, as the build maps them. */
function pointAtSource(code: string): string {
  return code.replace(/from 'oppfolgingsteam(?:\/([a-z-]+))?'/g, (whole, sub: string | undefined) => {
    const entry = ENTRIES[(sub ?? 'index') as keyof typeof ENTRIES];
    if (entry === undefined) throw new Error(`the README imports an entry that does not exist: ${whole}`);
    return `from '${join(ROOT, entry.replace(/\.ts$/, '.js'))}'`;
  });
}

function examples(): Map<string, string> {
  const md = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of md.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const code = m[1]!;
    const name = /^\/\/ readme-example: ([a-z-]+)/.exec(code)?.[1];
    if (name) out.set(name, `${out.get(name) ?? ''}${code}\n`);
  }
  return out;
}

describe('README examples', () => {
  const all = examples();
  mkdirSync(DIR, { recursive: true });
  const files = new Map<string, string>();
  for (const [name, code] of all) {
    const file = join(DIR, `readme-${name}.ts`);
    writeFileSync(file, pointAtSource(code));
    files.set(name, file);
  }

  it('has the chart example, the vendor example (bundle → cards → FHIR), the service example and the pathway example', () => {
    expect([...all.keys()].sort()).toEqual(['chart', 'pathway', 'service', 'vendor']);
  });

  it('the pathway example runs: four calls, then two writers of one stored envelope', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', files.get('pathway')!], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^offer 1 \[/);
    expect(r.stdout).toContain("kind: 'offer-answer'");
    expect(r.stdout).toContain("due: '2026-11-17'");
    expect(r.stdout).toContain('daysOverdue: 3');
    expect(lines.slice(-3)).toEqual(['A saved: true', 'B saved: false', 'StaleRevision']);
  });

  it('the vendor example runs: cards from a FHIR bundle, FHIR from an accepted suggestion', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', files.get('vendor')!], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"summary": "Vurder strukturert tverrfaglig oppfølging"');
    expect(r.stdout).toContain("resourceType: 'Task'");
    expect(r.stdout).toContain("resourceType: 'RiskAssessment'");
    expect(r.stdout).toContain("resourceType: 'CareTeam'");
    expect(r.stdout).toContain("type: 'transaction'");
  });

  it('the chart example runs: every bundled rule set on Klara in one call', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', files.get('chart')!], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^identification: \d+ prompts, \d+ data needed$/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(8);
  });

  it('the service example runs', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', files.get('service')!], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("hook: 'patient-view'");
    expect(r.stdout).toContain('status: 200');
  });

  it('all type-check under the project settings', () => {
    writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['readme-*.ts'], exclude: [] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(DIR, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
  });
});
