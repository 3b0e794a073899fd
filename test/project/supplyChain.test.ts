import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.js';

/*
 * Supply chain (issue 8, point 6): runtime dependencies stay few and justified. Every package a user
 * installs with the library (dependencies, peer, optional and bundled dependencies) must be named,
 * with its reason, in the README's "Runtime dependencies" section, and the section names nothing
 * that is not one. `npm audit --omit=dev --audit-level=high` and scripts/check-package.sh (the
 * tarball holds no tests, fixtures or secrets) run in .ci/run.
 */
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown>;
const readme = readFileSync(`${ROOT}README.md`, 'utf8');

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

const runtime = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) =>
  Object.keys((pkg[k] as Record<string, string> | undefined) ?? {}),
);
const bundled = (pkg['bundleDependencies'] ?? pkg['bundledDependencies'] ?? []) as string[];

describe('runtime dependencies are justified in the README', () => {
  const text = section(readme, 'Runtime dependencies');

  it('the README has a "Runtime dependencies" section', () => expect(text.trim().length).toBeGreaterThan(0));

  it.each([...new Set([...runtime, ...bundled])])('%s is named in it with a reason', (name) => {
    const sentence = text.split(/(?<=[.;])\s/).find((s) => s.includes(`\`${name}\``));
    expect(sentence, `add a line for \`${name}\` to the README's "Runtime dependencies" section`).toBeDefined();
    // A reason: more words than the name alone.
    expect(
      sentence!
        .replace(`\`${name}\``, '')
        .replace(/[^\p{L}]+/gu, ' ')
        .trim()
        .split(' ').length,
    ).toBeGreaterThan(2);
  });

  it('it names no package that is not a runtime dependency', () => {
    const named = [...text.matchAll(/`((?:@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*)`/g)].map((m) => m[1]!);
    expect(named.filter((n) => !runtime.includes(n) && !bundled.includes(n))).toEqual([]);
  });

  it('the checks that guard the published package run in CI', () => {
    const ci = readFileSync(`${ROOT}.ci/run`, 'utf8');
    // The audit runs through scripts/audit.sh, which fails on high or critical advisories and says so
    // loudly when the registry refuses the audit endpoint.
    expect(ci).toMatch(/scripts\/audit\.sh/);
    expect(readFileSync(`${ROOT}scripts/audit.sh`, 'utf8')).toMatch(/npm audit --omit=dev/);
    expect(ci).toMatch(/npm run check:package/);
    expect(readFileSync(`${ROOT}scripts/check-package.sh`, 'utf8')).toMatch(/tests, fixtures or secrets/);
  });
});
