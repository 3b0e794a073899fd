import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

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
  [/\beval\s*\(/, 'eval'],
  [/\bnew Function\s*\(/, 'new Function'],
];

function files(dir: string): string[] {
  return readdirSync(ROOT + dir).flatMap((f) => {
    const rel = `${dir}/${f}`;
    return statSync(ROOT + rel).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('pure core', () => {
  const core = files('src').filter((f) => !EDGE.test(f));
  it('finds the core files', () => expect(core.length).toBeGreaterThan(10));
  for (const f of core) {
    it(f, () => {
      const text = readFileSync(ROOT + f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const hits = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
      expect(hits).toEqual([]);
    });
  }
});
