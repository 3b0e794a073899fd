import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateCdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { right, ROOT } from '../support/helpers.js';

/*
 * The Node EPJ example runs as a user would run it, and prints cards that are a valid CDS Hooks
 * response. It runs in a child process because it writes to the console, which the library never does.
 */

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/node-epj/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr.replace(/.*nodedir.*\n?/g, '')).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('examples/node-epj', () => {
  it('prints cards, what was not used, and the accepted suggestion for every example record', () => {
    const out = run('--lang', 'en');
    for (const name of ['KLARA', 'MORTEN', 'KASPER', 'NORA']) expect(out).toContain(name);
    expect(out).toContain('[WARNING] Consider structured interdisciplinary follow-up');
    expect(out).toContain('Not used from the record');
    expect(out).toContain('Accepted: «Create a task: assess the need for a follow-up team» creates Task');
    expect(out).toMatch(/Stored feedback: \{"cardUuid":"[0-9a-f-]{36}","cardKind":"prompt","ruleSetId":"identification"/);
  });

  it('--json prints a valid CDS Hooks response', () => {
    const res = right(validateCdsResponse(JSON.parse(run('klara', '--json'))));
    expect(res.cards.length).toBeGreaterThan(0);
  });
});
