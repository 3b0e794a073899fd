/*
 * Whether the browser test runs. It needs Chromium, which a fresh machine may not have: `npm ci &&
 * npm test` must still pass there, so outside CI the test is skipped with a notice saying how to
 * run it. In CI (`CI=true`, which .ci/run sets) the browser is required, and its absence fails.
 */

/** Where the test looks for Chromium: `$CHROMIUM` if set, else Debian's package. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>>): string {
  return env['CHROMIUM'] !== undefined && env['CHROMIUM'] !== '' ? env['CHROMIUM'] : '/usr/bin/chromium';
}

/** `run` with Chromium; without it `skip` outside CI and `fail` under `CI=true`. */
export function browserGate(env: Readonly<Record<string, string | undefined>>, chromiumExists: boolean): 'run' | 'skip' | 'fail' {
  if (chromiumExists) return 'run';
  return env['CI'] === 'true' ? 'fail' : 'skip';
}

/** The notice shown when the test is skipped (and the failure message under CI). */
export function browserNotice(path: string): string {
  return `Chromium was not found at ${path}, so the browser example is not tested. To run it: install Debian's chromium (apt-get install -y chromium) or point CHROMIUM at a Chromium binary, then run npx vitest run test/docs/browser.test.ts. Under CI=true (as .ci/run sets) this test is required.`;
}
