import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.js';

/*
 * The hand-made bugs of docs/mutation.md stay meaningful: each patch in scripts/mutants/ still
 * applies to the code it breaks (so `bash scripts/mutants/run.sh` tries the bug, not nothing), and
 * the document gives each one its result. Running them is not part of the suite: see the document.
 */

const patches = readdirSync(`${ROOT}scripts/mutants`).filter((f) => f.endsWith('.patch'));
const doc = readFileSync(`${ROOT}docs/mutation.md`, 'utf8');

describe('hand-made bugs', () => {
  it('are sixteen patches', () => expect(patches).toHaveLength(16));

  it.each(patches)('%s still applies to the code it breaks (when not, write it again against the new code)', (p) => {
    const r = spawnSync('git', ['apply', '--check', '-C1', `scripts/mutants/${p}`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it.each(patches)('%s has its row in docs/mutation.md', (p) => {
    expect(doc).toMatch(new RegExp(`\\| \`${p.replace('.patch', '').replace(/[-.]/g, '\\$&')}\` \\|`));
  });

  it('docs/mutation.md names every mutation target of stryker.config.mjs', () => {
    const config = readFileSync(`${ROOT}stryker.config.mjs`, 'utf8');
    const targets = [...config.slice(config.indexOf('const TARGETS'), config.indexOf('TARGETS.all')).matchAll(/^  ([a-z]+): \[/gm)].map(
      (m) => m[1]!,
    );
    expect(targets).toEqual(['engine', 'facts', 'pathway', 'adapters']);
    for (const t of targets) expect(doc).toContain(`npm run mutation -- ${t}`);
  });
});
