import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers.js';

/*
 * The architecture check (`npm run lint:deps`, .dependency-cruiser.cjs) is only worth having if it
 * fails when the shape is broken. These tests run dependency-cruiser's own API with the project's
 * rules, first over small trees laid out like src/ with one bad import each, then over the real src/.
 */

const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

interface Violation {
  rule: string;
  from: string;
  to: string;
}

async function check(baseDir: string): Promise<Violation[]> {
  const { tsConfig: _ts, exclude: _ex, ...options } = config.options ?? {};
  const result = await cruise(
    ['src'],
    {
      ...options,
      baseDir,
      exclude: { path: ['node_modules'] },
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
    },
    { extensions: ['.ts', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } },
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** A small tree shaped like src/ that follows every rule, so one added file isolates one violation. */
const CLEAN: Record<string, string> = {
  'src/util/dates.ts': 'export const day = 1;',
  'src/model/person.ts': "import { day } from '../util/dates.js';\nexport const person = day;",
  'src/facts/age.ts': "import { person } from '../model/person.js';\nexport const age = person;",
  'src/engine/run.ts': "import { age } from '../facts/age.js';\nexport const run = age;",
  'src/explain/why.ts': "import { run } from '../engine/run.js';\nexport const why = run;",
  'src/ruleSets/bundled.ts': "import { run } from '../engine/run.js';\nexport const bundled = run;",
  'src/pathway/machine.ts':
    "import { why } from '../explain/why.js';\nimport { bundled } from '../ruleSets/bundled.js';\nexport const machine = why + bundled;",
  'src/adapters/fhir/model/types.ts': 'export type Coding = { code: string };',
  'src/adapters/fhir/in.ts':
    "import type { Coding } from './model/types.js';\nimport { person } from '../../model/person.js';\nexport const fromFhir = (c: Coding) => c.code + person;",
  'src/adapters/cdsHooks/cards.ts':
    "import type { Coding } from '../fhir/model/types.js';\nimport { why } from '../../explain/why.js';\nexport const card = (c: Coding) => c.code + why;",
  'src/adapters/jsonRulesEngine.ts': "import { run } from '../engine/run.js';\nexport const bridge = run;",
  'src/cli/main.ts':
    "import { readFileSync } from 'node:fs';\nimport { fromFhir } from '../adapters/fhir/in.js';\nimport { machine } from '../pathway/machine.js';\nexport const main = () => [readFileSync, fromFhir, machine];",
  'src/index.ts': "export { run } from './engine/run.js';\nexport { card } from './adapters/cdsHooks/cards.js';",
  'src/services/cdsService.ts':
    "import { card } from '../adapters/cdsHooks/cards.js';\nimport { fromFhir } from '../adapters/fhir/in.js';\nimport { bundled } from '../ruleSets/bundled.js';\nexport const service = [card, fromFhir, bundled];",
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'architecture-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const rules = (violations: Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();

describe('the architecture check', () => {
  it('passes a tree that keeps the shape', async () => {
    expect(await check(tree({}))).toEqual([]);
  });

  it('fails when a core file imports an adapter, naming the rule and both files', async () => {
    const found = await check(
      tree({ 'src/policy/leak.ts': "import { fromFhir } from '../adapters/fhir/in.js';\nexport const leak = fromFhir;" }),
    );
    expect(found).toEqual([{ rule: 'core-not-to-adapter', from: 'src/policy/leak.ts', to: 'src/adapters/fhir/in.ts' }]);
  });

  it.each([
    [
      'an adapter from the engine',
      { 'src/engine/leak.ts': "import { card } from '../adapters/cdsHooks/cards.js';\nexport const l = card;" },
      ['core-not-to-adapter', 'engine-not-upward', 'no-folder-cycles'],
    ],
    [
      'a node builtin in the core',
      { 'src/facts/clock.ts': "import { hostname } from 'node:os';\nexport const h = hostname;" },
      ['pure-no-node-builtins'],
    ],
    [
      'a bare node builtin in an adapter',
      { 'src/adapters/fhir/file.ts': "import { readFileSync } from 'fs';\nexport const r = readFileSync;" },
      ['pure-no-node-builtins'],
    ],
    [
      'the node edge from the core',
      { 'src/pathway/cli.ts': "import { main } from '../cli/main.js';\nexport const m = main;" },
      ['core-not-to-node-edge', 'no-folder-cycles'],
    ],
    [
      'the node edge from an adapter',
      { 'src/adapters/jsonRulesEngine.ts': "import { main } from './../cli/main.js';\nexport const bridge = main;" },
      ['adapter-not-to-node-edge', 'adapter-uses-only-the-core-below'],
    ],
    [
      'one adapter from another',
      { 'src/adapters/jsonRulesEngine.ts': "import { fromFhir } from './fhir/in.js';\nexport const bridge = fromFhir;" },
      ['adapter-not-to-other-adapter'],
    ],
    [
      'CDS Hooks beyond the FHIR types',
      { 'src/adapters/cdsHooks/more.ts': "import { fromFhir } from '../fhir/in.js';\nexport const more = fromFhir;" },
      ['cdsHooks-uses-only-fhir-types'],
    ],
    [
      'a service from an adapter',
      { 'src/adapters/cdsHooks/up.ts': "import { service } from '../../services/cdsService.js';\nexport const u = service;" },
      ['adapter-uses-only-the-core-below', 'core-and-adapters-not-to-services', 'no-folder-cycles'],
    ],
    [
      'the node edge from a service',
      { 'src/services/files.ts': "import { main } from '../cli/main.js';\nexport const f = main;" },
      ['services-not-to-node-edge'],
    ],
    [
      'a node builtin in a service',
      { 'src/services/clock.ts': "import { hostname } from 'node:os';\nexport const h = hostname;" },
      ['pure-no-node-builtins'],
    ],
    [
      'an adapter reaching past the core it may use',
      { 'src/adapters/fhir/bundle.ts': "import { bundled } from '../../ruleSets/bundled.js';\nexport const b = bundled;" },
      ['adapter-uses-only-the-core-below'],
    ],
    [
      'the engine from the model',
      { 'src/model/shortcut.ts': "import { run } from '../engine/run.js';\nexport const s = run;" },
      ['model-imports-only-util', 'no-folder-cycles'],
    ],
    [
      'a cycle of modules in one folder',
      {
        'src/util/a.ts': "import { b } from './b.js';\nexport const a = () => b;",
        'src/util/b.ts': "import { a } from './a.js';\nexport const b = () => a;",
      },
      ['no-module-cycles'],
    ],
    [
      'the engine from the facts',
      { 'src/facts/peek.ts': "import { run } from '../engine/run.js';\nexport const p = run;" },
      ['facts-not-upward', 'no-folder-cycles'],
    ],
    [
      'explain from the engine',
      { 'src/engine/say.ts': "import { why } from '../explain/why.js';\nexport const s = why;" },
      ['engine-not-upward', 'no-folder-cycles'],
    ],
    [
      'rule sets from the engine',
      { 'src/engine/load.ts': "import { bundled } from '../ruleSets/bundled.js';\nexport const l = bundled;" },
      ['engine-not-upward', 'no-folder-cycles'],
    ],
    [
      'the pathway from explain',
      { 'src/explain/state.ts': "import { machine } from '../pathway/machine.js';\nexport const s = machine;" },
      ['explain-not-upward', 'no-folder-cycles', 'pathway-only-from-its-entry'],
    ],
    [
      'the model from util',
      { 'src/util/named.ts': "import { person } from '../model/person.js';\nexport const n = person;" },
      ['no-folder-cycles', 'util-is-the-floor'],
    ],
    [
      'the root barrel from inside',
      { 'src/policy/all.ts': "import { run } from '../index.js';\nexport const a = run;" },
      ['no-root-barrel-inside'],
    ],
  ] as const)('fails on %s', async (_what, extra, expected) => {
    expect(rules(await check(tree(extra)))).toEqual(expected);
  });
});

describe('the real src/', () => {
  it('keeps the shape', async () => {
    expect(await check(ROOT)).toEqual([]);
  }, 60_000);
});
