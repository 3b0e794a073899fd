import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.js';

/*
 * The core is pure: no clock, randomness, environment, console, file system or network, and no
 * `node:` imports, so it runs the same in a browser bundle and gives the same output every time.
 * Only the node edge (src/cli, src/node) may touch the platform.
 */
const EDGE = /^src\/(cli|node)\//;
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]node:/, 'node: import'],
  [/require\(['"]node:/, 'node: require'],
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without a date'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bprocess\./, 'process'],
  [/\bconsole\./, 'console'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bfetch\s*\(/, 'fetch'],
];

/*
 * Nothing anywhere in src/ (the CLI and node edge included) may turn data into code: no eval, no
 * Function constructor, no string timers, no vm or child processes, no import or require of a
 * computed name. Rule files, persons and options are data and can never run (issue 8, point 2).
 */
const NEVER: [RegExp, string][] = [
  [/\beval\s*\(/, 'eval'],
  [/\bFunction\s*\(/, 'Function constructor'],
  [/\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/, 'string timer'],
  [/from\s+['"](node:)?(vm|child_process)['"]/, 'vm or child_process import'],
  [/\b(import|require)\s*\(\s*[^'"`\s)]/, 'import or require of a computed name'],
  [/\bWebAssembly\b/, 'WebAssembly'],
];

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

function files(dir: string): string[] {
  return readdirSync(ROOT + dir).flatMap((f) => {
    const rel = `${dir}/${f}`;
    return statSync(ROOT + rel).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

/*
 * The one reviewed clock read: the CDS Hooks service's default `today`, the calendar date in
 * Europe/Oslo, read per call in one small file of the adapter. The core still gets its date as `asOf`,
 * and a host can pass `today` to replace the read.
 */
const CLOCK: Readonly<Record<string, readonly string[]>> = { 'src/adapters/cdsHooks/today.ts': ['new Date() without a date'] };

describe('pure core', () => {
  const core = files('src').filter((f) => !EDGE.test(f));
  it('finds the core files', () => expect(core.length).toBeGreaterThan(10));
  it('the clock read exception names a file that reads the clock', () => {
    for (const [f, what] of Object.entries(CLOCK)) {
      const text = stripComments(readFileSync(ROOT + f, 'utf8'));
      expect(FORBIDDEN.filter(([re]) => re.test(text)).map(([, w]) => w)).toEqual(what);
    }
  });
  for (const f of core) {
    it(f, () => {
      const text = stripComments(readFileSync(ROOT + f, 'utf8'));
      const hits = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
      expect(hits.filter((h) => !(CLOCK[f] ?? []).includes(h))).toEqual([]);
    });
  }
});

describe('no code from data, anywhere in src', () => {
  const all = files('src');
  it('scans every source file, the node edge included', () => expect(all).toContain('src/index.ts'));
  it('the patterns catch what they name', () => {
    const caught = (code: string) => NEVER.filter(([re]) => re.test(code)).map(([, what]) => what);
    expect(caught('eval(x)')).toEqual(['eval']);
    expect(caught('new Function("a", body)')).toEqual(['Function constructor']);
    expect(caught("setTimeout('run()', 1)")).toEqual(['string timer']);
    expect(caught("import { runInNewContext } from 'node:vm'")).toEqual(['vm or child_process import']);
    expect(caught('await import(pluginName)')).toEqual(['import or require of a computed name']);
    expect(caught("import('./x.js'); const f: Function | undefined = undefined;")).toEqual([]);
  });
  /*
   * The one reviewed exception: under tsx (development, tests, benchmarks) the stratify worker pool
   * starts a worker whose bootstrap imports tsx and the worker script by URLs the pool computes from
   * its own location, never from data. The built CLI starts the compiled worker directly.
   */
  const REVIEWED: Readonly<Record<string, readonly string[]>> = { 'src/node/stratifyPool.ts': ['import or require of a computed name'] };
  for (const f of all) {
    it(f, () => {
      const text = stripComments(readFileSync(ROOT + f, 'utf8'));
      const hits = NEVER.filter(([re]) => re.test(text)).map(([, what]) => what);
      expect(hits.filter((h) => !(REVIEWED[f] ?? []).includes(h))).toEqual([]);
    });
  }
});
