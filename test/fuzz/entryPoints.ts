import * as E from 'fp-ts/lib/Either.js';
import { Engine } from 'json-rules-engine';
import { readFileSync } from 'node:fs';
import {
  builtinFacts,
  bundledCodeLists,
  compileCodeLists,
  deriveFacts,
  parseJsonText,
  parseVectorFile,
  runVectors,
} from '../../src/policy/index.js';
import {
  compileRuleSet,
  evaluate,
  evaluateAll,
  evaluateFacts,
  explainDecision,
  explainRule,
  loadBundledRuleSet,
  localizeIssue,
  parsePerson,
  validateNationalId,
} from '../../src/index.js';
import { describeLeaf } from '../../src/explain/why.js';
import { registerOnJsonRulesEngine, safePathResolver, toJsonRulesEngineRules } from '../../src/adapters/jsonRulesEngine.js';
import type { CompiledRuleSet, EvaluateOptions, FactTrace, RuleSetOptions, RuleTrace, ValidationIssue } from '../../src/index.js';
import { ROOT, examplePerson, readJson, right } from '../support/helpers.js';
import type { ResultCheck } from './guard.js';
import { ADAPTER_ENTRY_POINTS } from './adapterEntryPoints.js';
import { PATHWAY_ENTRY_POINTS } from './pathwayEntryPoints.js';

/*
 * Every public entry point that takes untrusted input, as one row each: a name, a valid input to
 * mutate (optional), and how to call it with one fuzzed value. test/fuzz/entryPoints.test.ts feeds
 * each row every kind of hostile input and checks that the call returns, pollutes no prototype and
 * fails only with typed errors. Adding an entry point (a pathway restore, a CDS Hooks request, a
 * CLI command's core) is one more row here.
 */

/** One fuzzed entry point, and how its results are checked. */
export interface EntryPoint extends ResultCheck {
  readonly name: string;
  /** A valid input; the fuzzer also breaks it in one to three places. */
  readonly base?: unknown;
  /** Calls the entry point with one fuzzed value. */
  readonly call: (input: unknown) => unknown;
  /** Relative cost: the number of runs per input kind is divided by it. Default 1. */
  readonly cost?: number;
  /**
   * What a getter or proxy trap that throws in the input does. Default `typed`: the call returns a
   * typed error (`unreadable` at the path), because the input is data a host may pass as a live
   * object (an ORM entity, a reactive proxy). `host`: the input is the host's own code (options) or a
   * stored record read back with JSON.parse, documented as plain data; the host's own error
   * propagates unchanged (SECURITY.md, "Plain data").
   */
  readonly accessors?: 'typed' | 'host';
}

export const AS_OF = '2026-11-23';
export const identification: CompiledRuleSet = right(loadBundledRuleSet('identification'));
export const klara = examplePerson('klara');
const ruleSetJson = readJson('rules/identification.json');
const ruleSetText = readFileSync(`${ROOT}rules/identification.json`, 'utf8');
const vectorFile = readJson('rules/identification.test.json') as { vectors: unknown[] };
const smallVectorFile = { ...vectorFile, vectors: vectorFile.vectors.slice(0, 3) };
const codeListFiles = ['chronic-conditions', 'mental-health-substance', 'charlson'].map((id) => readJson(`rules/code-lists/${id}.json`));
const klaraFacts = deriveFacts(right(parsePerson(klara)), AS_OF, builtinFacts(), bundledCodeLists());
const klaraDecision = JSON.parse(JSON.stringify(right(evaluate(identification, klara, { asOf: AS_OF })))) as { trace: RuleTrace[] };
const anIssue: ValidationIssue = (parsePerson({ birthDate: 1 }) as E.Left<{ issues: readonly ValidationIssue[] }>).left.issues[0]!;
const firstLeaf = (t: RuleTrace): FactTrace => {
  let n = t.conditions;
  while (n.kind !== 'fact') n = n.kind === 'all' || n.kind === 'any' ? n.children[0]! : (n as { child: typeof n }).child;
  return n;
};

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'parsePerson', base: klara, call: (x) => parsePerson(x), json: true },
  { name: 'parsePerson (lang)', accessors: 'host', base: 'nn', call: (x) => parsePerson({ birthDate: 5 }, x as 'nb') },
  { name: 'evaluate (person)', base: klara, call: (x) => evaluate(identification, x, { asOf: AS_OF }), json: true },
  {
    name: 'evaluate (person, redacted)',
    base: klara,
    call: (x) => evaluate(identification, x, { asOf: AS_OF, trace: 'redacted', lang: 'nn' }),
    json: true,
  },
  {
    name: 'evaluate (options)',
    accessors: 'host',
    base: { asOf: AS_OF, lang: 'en', trace: 'none' },
    call: (x) => evaluate(identification, klara, x as EvaluateOptions),
    json: true,
  },
  { name: 'evaluateAll (person)', base: klara, call: (x) => evaluateAll([identification, identification], x, { asOf: AS_OF }), json: true },
  {
    name: 'evaluateAll (options)',
    accessors: 'host',
    base: { asOf: AS_OF, lang: 'nn', trace: 'redacted' },
    call: (x) => evaluateAll([identification], klara, x as EvaluateOptions),
    json: true,
  },
  {
    name: 'evaluateFacts (facts)',
    base: klaraFacts,
    call: (x) => evaluateFacts(identification, x as Record<string, unknown>, { asOf: AS_OF }),
    json: true,
  },
  {
    name: 'evaluateFacts (options)',
    accessors: 'host',
    base: { asOf: AS_OF, trace: 'redacted' },
    call: (x) => evaluateFacts(identification, klaraFacts, x as EvaluateOptions),
    json: true,
  },
  {
    name: 'deriveFacts (via parsePerson)',
    base: klara,
    call: (x) => E.map((p: Parameters<typeof deriveFacts>[0]) => deriveFacts(p, AS_OF, builtinFacts(), bundledCodeLists()))(parsePerson(x)),
    json: true,
  },
  { name: 'compileRuleSet (file)', base: ruleSetJson, call: (x) => compileRuleSet(x), cost: 3 },
  {
    name: 'compileRuleSet (options)',
    accessors: 'host',
    base: {
      lang: 'en',
      parameters: { medicationReviewThreshold: 12 },
      sharedConditions: { extra: { all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] } },
    },
    call: (x) => compileRuleSet(ruleSetJson, x as RuleSetOptions),
    cost: 3,
  },
  { name: 'compileCodeLists', base: codeListFiles, call: (x) => compileCodeLists(x as unknown[]), cost: 2 },
  { name: 'loadBundledRuleSet (id)', accessors: 'host', base: 'identification', call: (x) => loadBundledRuleSet(x as string), cost: 3 },
  { name: 'parseVectorFile', base: smallVectorFile, call: (x) => parseVectorFile(x), json: true },
  {
    name: 'runVectors (parsed file)',
    base: smallVectorFile,
    call: (x) => E.map((f: Parameters<typeof runVectors>[1]) => runVectors(identification, f))(parseVectorFile(x)),
    json: true,
    cost: 2,
  },
  { name: 'parseJsonText', base: ruleSetText, call: (x) => parseJsonText(x as string) },
  { name: 'parseJsonText (text of hostile JSON)', base: klara, call: (x) => parseJsonText(safeStringify(x)) },
  { name: 'validateNationalId', base: '02835110039', call: (x) => validateNationalId(x as string) },
  {
    name: 'explainDecision (stored decision)',
    accessors: 'host',
    base: klaraDecision,
    call: (x) => explainDecision(x as never, { ruleSet: identification }),
  },
  {
    name: 'explainDecision (fresh decision)',
    base: klara,
    call: (x) =>
      E.map((d: Parameters<typeof explainDecision>[0]) => explainDecision(d, { ruleSet: identification, lang: 'en' }))(
        evaluate(identification, x, { asOf: AS_OF }),
      ),
  },
  {
    name: 'explainRule',
    accessors: 'host',
    base: klaraDecision.trace[0],
    call: (x) => explainRule(x as RuleTrace, { lang: 'nn', ruleSet: identification }),
  },
  {
    name: 'describeLeaf',
    accessors: 'host',
    base: firstLeaf(klaraDecision.trace[0]!),
    call: (x) => describeLeaf(x as FactTrace, 'en', identification),
  },
  { name: 'localizeIssue', accessors: 'host', base: anIssue, call: (x) => localizeIssue(x as ValidationIssue, 'en') },
  { name: 'toJsonRulesEngineRules (compiled)', base: ruleSetJson, call: (x) => E.map(toJsonRulesEngineRules)(compileRuleSet(x)), cost: 3 },
  {
    name: 'registerOnJsonRulesEngine (compiled)',
    base: ruleSetJson,
    call: (x) =>
      E.map((rs: CompiledRuleSet) => {
        const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
        registerOnJsonRulesEngine(engine as never, { ruleSet: rs, facts: builtinFacts(), asOf: AS_OF });
        return rs.rules.length;
      })(compileRuleSet(x)),
    cost: 3,
  },
  { name: 'safePathResolver (value)', accessors: 'host', base: { a: { b: [1, 2] } }, call: (x) => safePathResolver(x, '$.a.b[1]') },
  { name: 'safePathResolver (path)', accessors: 'host', base: '$.a.b[0]', call: (x) => safePathResolver({ a: { b: [1] } }, x as string) },
  // The pathway (test/fuzz/pathwayEntryPoints.ts), the CDS Hooks and FHIR adapters and population mode (test/fuzz/adapterEntryPoints.ts).
  ...PATHWAY_ENTRY_POINTS,
  ...ADAPTER_ENTRY_POINTS,
];

/** JSON text for any value: what a client could send. Values JSON cannot hold become text that fails to parse. */
function safeStringify(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return '{"truncated": [1, 2';
  }
}
