import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserGate, browserNotice, chromiumPath } from '../support/browserGate.js';
import { ROOT } from '../support/helpers.js';

/*
 * The README's two commands (`npm ci`, `npm test`) must pass on a fresh machine, which may have no
 * Chromium: there the browser test is skipped with a notice that says how to run it. Under CI=true
 * (.ci/run) it is required, and a missing browser fails the run.
 */

/** Runs the browser test file in its own vitest, with Chromium pointed at nothing. */
function browserTestWithout(env: Record<string, string | undefined>, only?: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && !k.startsWith('VITEST')));
  return spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/docs/browser.test.ts', ...(only ? ['-t', only] : [])],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...clean, CHROMIUM: '/nonexistent/chromium', NO_COLOR: '1', ...env },
    },
  );
}

describe('a fresh machine without Chromium', () => {
  it('the gate: run with Chromium; without it, skip outside CI and fail under CI=true', () => {
    expect(browserGate({}, true)).toBe('run');
    expect(browserGate({ CI: 'true' }, true)).toBe('run');
    expect(browserGate({}, false)).toBe('skip');
    expect(browserGate({ CI: 'false' }, false)).toBe('skip');
    expect(browserGate({ CI: 'true' }, false)).toBe('fail');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM: '/opt/c' })).toBe('/opt/c');
    expect(browserNotice('/x')).toContain('npx vitest run test/docs/browser.test.ts');
  });

  it('outside CI the browser test passes as skipped, and says how to run it', { timeout: 150_000 }, () => {
    const r = browserTestWithout({});
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('[browser test skipped] Chromium was not found at /nonexistent/chromium');
    expect(r.stdout + r.stderr).toContain('then run npx vitest run test/docs/browser.test.ts');
  });

  it('under CI=true the missing browser fails the run', { timeout: 150_000 }, () => {
    // Only the test that needs the browser (the page's type check is slow and passes without one).
    const r = browserTestWithout({ CI: 'true' }, 'shows the same cards');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('Chromium was not found at /nonexistent/chromium');
  });
});
