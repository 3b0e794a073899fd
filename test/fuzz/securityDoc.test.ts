import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.js';

/*
 * SECURITY.md names, for each promise, the test that holds it. A promise whose test was renamed or
 * removed would stand unguarded while the document still claimed it; every file it names must exist.
 */

describe('SECURITY.md', () => {
  const doc = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');

  it('every test and script it names exists', () => {
    const named = [...new Set([...doc.matchAll(/\b((?:test|scripts)\/[\w./-]+\.(?:ts|sh))\b/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it('has a table of promises, each with the test that holds it', () => {
    const table = doc.slice(doc.indexOf('## Promises and the tests that hold them'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| promise') && !l.startsWith('| ---'));
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(row, row).toMatch(/\| [^|]*(test\/|npm run soak)[^|]*\|$/);
  });
});
