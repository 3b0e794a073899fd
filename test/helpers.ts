import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleSet } from '../src/index.js';
import { loadBundledRuleSet } from '../src/index.js';

/** Unwraps a Right or fails the test with the Left's content. */
export function right<L, R>(e: { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R }): R {
  if (e._tag === 'Left') throw new Error(`expected Right, got Left: ${JSON.stringify(e.left, null, 1).slice(0, 2000)}`);
  return e.right;
}

/** Unwraps a Left or fails the test. */
export function left<L, R>(e: { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R }): L {
  if (e._tag === 'Right') throw new Error('expected Left, got Right');
  return e.left;
}

/** A bundled rule set, compiled. */
export function ruleSet(id: string): CompiledRuleSet {
  return right(loadBundledRuleSet(id));
}

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Reads a JSON file relative to the repository root. */
export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(ROOT + rel, 'utf8'));
}

/** The example persons without their `$schema` key. */
export function examplePerson(name: string): Record<string, unknown> {
  const { $schema: _s, ...p } = readJson(`examples/persons/${name}.json`) as Record<string, unknown>;
  return p;
}

/** Test-vector files in `rules/`. */
export function vectorFiles(): string[] {
  return readdirSync(ROOT + 'rules').filter((f) => f.endsWith('.test.json'));
}
