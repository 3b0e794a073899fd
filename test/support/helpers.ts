import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleSet } from '../../src/index.js';
import { loadBundledRuleSet } from '../../src/index.js';
import { CDS_HOOKS_ISSUE_MESSAGES } from '../../src/adapters/cdsHooks/index.js';
import { FHIR_ISSUE_MESSAGES } from '../../src/adapters/fhir/index.js';

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

/** The issue messages of every adapter in one table, so that a test can re-render an issue from any entry with `localizeIssue`. */
export const ADAPTER_ISSUE_MESSAGES = {
  nb: { ...FHIR_ISSUE_MESSAGES.nb, ...CDS_HOOKS_ISSUE_MESSAGES.nb },
  nn: { ...FHIR_ISSUE_MESSAGES.nn, ...CDS_HOOKS_ISSUE_MESSAGES.nn },
  en: { ...FHIR_ISSUE_MESSAGES.en, ...CDS_HOOKS_ISSUE_MESSAGES.en },
};

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
