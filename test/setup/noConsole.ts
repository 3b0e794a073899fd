import { afterEach, beforeEach, vi } from 'vitest';

/*
 * The library must never write to the console (it runs inside vendors' systems with health data).
 * Any console call made while a test runs fails that test.
 */
const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods)
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void calls.push(`${m}: ${args.map(String).join(' ').slice(0, 200)}`));
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) throw new Error(`console was used during the test:\n${calls.join('\n')}`);
});
