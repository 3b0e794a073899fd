import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../../tsup.config.js';
import { ROOT } from '../support/helpers.js';

/**
 * The package's entries, read the way a host's editor reads them: the TypeScript checker lists what
 * each entry exports, values and types alike. The root stays small (what every host needs), each
 * adapter and tool lives at its own subpath, and the internal tables stay inside.
 */

const root = ROOT;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: { '*': Record<string, string[]> };
};

interface Exported {
  readonly name: string;
  readonly value: boolean;
}

function exportsOf(files: readonly string[]): Map<string, Exported[]> {
  const program = ts.createProgram(
    files.map((f) => resolve(root, f)),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      resolveJsonModule: true,
    },
  );
  const checker = program.getTypeChecker();
  const out = new Map<string, Exported[]>();
  for (const f of files) {
    const source = program.getSourceFile(resolve(root, f));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${f}: not a module`);
    out.set(
      f,
      checker.getExportsOfModule(module).map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const typeOnly = (s.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
        return { name: s.getName(), value: (target.flags & ts.SymbolFlags.Value) !== 0 && !typeOnly };
      }),
    );
  }
  return out;
}

describe('entries by purpose', () => {
  let exported: Map<string, Exported[]>;
  beforeAll(() => {
    exported = exportsOf(Object.values(ENTRIES));
  }, 120_000);

  it('package.json#exports and #typesVersions list exactly the entries tsup builds', () => {
    const subpaths = Object.keys(ENTRIES).filter((e) => e !== 'index');
    const codeExports = Object.keys(pkg.exports).filter((k) => typeof pkg.exports[k] === 'object');
    expect(codeExports.sort()).toEqual(['.', ...subpaths.map((s) => `./${s}`)].sort());
    for (const s of subpaths) {
      expect(pkg.exports[`./${s}`]).toEqual({
        import: { types: `./dist/${s}.d.ts`, default: `./dist/${s}.js` },
        require: { types: `./dist/${s}.d.cts`, default: `./dist/${s}.cjs` },
      });
    }
    expect(Object.keys(pkg.typesVersions['*']).sort()).toEqual([...subpaths].sort());
    for (const s of subpaths) expect(pkg.typesVersions['*'][s]).toEqual([`./dist/${s}.d.cts`]);
  });

  it('the root exports at most 60 names, values and types together', () => {
    const names = exported.get(ENTRIES.index)!;
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(60);
    // What every host needs is there.
    for (const n of [
      'Person',
      'PersonModel',
      'loadBundledRuleSet',
      'compileRuleSet',
      'evaluate',
      'explainDecision',
      'localizeIssue',
      'LIMITS',
    ]) {
      expect(names.map((e) => e.name)).toContain(n);
    }
  });

  it('adapters and tools are at their own subpaths, not at the root', () => {
    const rootNames = new Set(exported.get(ENTRIES.index)!.map((e) => e.name));
    const elsewhere: Record<string, string> = {
      toCards: 'cds-hooks',
      personFromBundle: 'fhir',
      toRiskAssessment: 'fhir',
      startPathway: 'pathway',
      registerOnJsonRulesEngine: 'json-rules-engine',
      runVectors: 'policy',
      stratify: 'population',
    };
    for (const [name, sub] of Object.entries(elsewhere)) {
      expect(rootNames.has(name), name).toBe(false);
      expect(
        exported.get(ENTRIES[sub as keyof typeof ENTRIES])!.map((e) => e.name),
        `${sub} exports ${name}`,
      ).toContain(name);
    }
  });

  it('each rule-set entry exports its loader and nothing else', () => {
    const ruleSetEntries = Object.keys(ENTRIES).filter((e) => e.startsWith('rule-sets/'));
    expect(ruleSetEntries).toHaveLength(8);
    for (const e of ruleSetEntries)
      expect(
        exported.get(ENTRIES[e as keyof typeof ENTRIES])!.map((x) => x.name),
        e,
      ).toEqual(['loadRuleSet']);
  });

  it('no entry exports the internal tables and helpers', () => {
    const internal = [
      'CDS_TEXTS',
      'FHIR_TEXTS',
      'summaryOf',
      'HL7_SYSTEMS',
      'V1_STATE_RANK',
      'issueCodes',
      'describeLeaf',
      'cdsInvariantIds',
      'makeIssue',
      'formatPath',
    ];
    for (const [file, names] of exported) {
      for (const n of internal)
        expect(
          names.map((e) => e.name),
          `${file} exports ${n}`,
        ).not.toContain(n);
    }
  });
});
