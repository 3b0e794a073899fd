import * as E from '../util/either.js';
import type { CodeList } from '../facts/codeList.js';
import { codeListIndexSize, compileCodeList } from '../facts/codeList.js';
import { builtinFactDefinitions, createFactRegistry } from '../facts/registry.js';
import type { FactRegistry } from '../facts/registry.js';
import type { FactDefinition } from '../facts/types.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import { compileRuleSet as compileWith } from '../engine/compile.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { readInput } from '../model/inputShape.js';
import { capIssues, fromZodIssues, makeIssue } from '../model/issues.js';
import { LIMITS } from '../model/limits.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import type { Condition, Parameter } from '../model/ruleSet.js';
import { CodeListFile } from '../model/ruleSet.js';
import { BUNDLED_CODE_LISTS, BUNDLED_RULE_SETS } from './bundled.js';

/** Options for {@link compileRuleSet}; every field has a default. */
export interface RuleSetOptions {
  /** Code-list files to use instead of the bundled ones (validated here). */
  readonly codeLists?: readonly unknown[];
  /** Extra derived facts, added to the built-in ones. */
  readonly extraFacts?: readonly FactDefinition<any>[];
  /** Overrides of parameter defaults, e.g. `{ highRiskCutOff: 12 }`. */
  readonly parameters?: Readonly<Record<string, Parameter['value']>>;
  /** Named conditions shared across rule sets. */
  readonly sharedConditions?: Readonly<Record<string, Condition>>;
  /** Language of the issue messages. Default `nb`. */
  readonly lang?: Lang;
}

let defaultFacts: FactRegistry | undefined;
let defaultLists: ReadonlyMap<string, CodeList> | undefined;
/** The bundled rule sets compiled with the default options, by id: compiled once per process, on first use. */
const bundledCompiled = new Map<string, CompiledRuleSet>();

/** The built-in facts (created on first use, so importing the module has no side effects). */
export function builtinFacts(): FactRegistry {
  return (defaultFacts ??= createFactRegistry(builtinFactDefinitions()));
}

/**
 * Validates and compiles code-list files; all issues are returned, and none of the lists is kept on
 * error. A list may hold at most `LIMITS.codeListEntries` entries and expand to at most
 * `LIMITS.codeListIndexKeys` index keys, so that matching stays cheap whatever the file says.
 */
export function compileCodeLists(
  input: readonly unknown[],
  lang: Lang = 'nb',
): E.Either<InvalidRuleSetError, ReadonlyMap<string, CodeList>> {
  // One read of the whole list bounds the total work (and refuses a sparse array of absurd length
  // before it is walked); what follows reads the plain copy, never the host's objects again.
  const read = readInput(input, lang, ['codeLists']);
  if ('issue' in read) return E.left(invalidRuleSet([read.issue]));
  const files = read.value;
  if (!Array.isArray(files)) return E.left(invalidRuleSet([makeIssue('invalid_type', ['codeLists'], lang, { expected: 'array' })]));
  const issues: ValidationIssue[] = [];
  const out = new Map<string, CodeList>();
  // Stop once there are more issues than an error shows: a million broken files need not all be parsed.
  for (let i = 0; i < files.length && issues.length <= LIMITS.issues; i++) {
    const r = CodeListFile.safeParse(files[i], { reportInput: true });
    if (!r.success) {
      issues.push(...fromZodIssues(r.error.issues, lang, ['codeLists', i]));
      continue;
    }
    if (codeListIndexSize(r.data) > LIMITS.codeListIndexKeys) {
      issues.push(makeIssue('too_big', ['codeLists', i, 'entries'], lang, { maximum: LIMITS.codeListIndexKeys }));
      continue;
    }
    if (out.has(r.data.id)) issues.push(makeIssue('duplicate_id', ['codeLists', i, 'id'], lang, { name: r.data.id }));
    out.set(r.data.id, compileCodeList(r.data));
  }
  return issues.length > 0 ? E.left(invalidRuleSet(capIssues(issues, lang))) : E.right(out);
}

/** The bundled code lists, compiled once. */
export function bundledCodeLists(): ReadonlyMap<string, CodeList> {
  if (!defaultLists) {
    const r = compileCodeLists(BUNDLED_CODE_LISTS);
    if (E.isLeft(r)) throw new Error('bundled code lists are invalid'); // caught by the test suite, never by users
    defaultLists = r.right;
  }
  return defaultLists;
}

/**
 * Validates and compiles a rule-set file (parsed JSON). Uses the built-in facts and bundled code lists
 * unless told otherwise. A rule set with any issue is rejected whole, with every issue located.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { compileRuleSet } from 'oppfolgingsteam';
 *
 * const json = JSON.parse(readFileSync('rules/identification.json', 'utf8'));
 * const r = compileRuleSet(json, { parameters: { highRiskCutOff: 12 } }); // a local threshold
 * if (r._tag === 'Left') for (const i of r.left.issues) console.log(i.path, i.message);
 * ```
 */
export function compileRuleSet(input: unknown, options: RuleSetOptions = {}): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  return compileAgainst(input, options, builtinFacts, bundledCodeLists);
}

/**
 * {@link compileRuleSet} with the facts and code lists to use when the options name none, given as
 * functions so that they are made only when used: one rule set's entry passes the few it needs.
 */
export function compileAgainst(
  input: unknown,
  options: RuleSetOptions,
  defaultFacts: () => FactRegistry,
  defaultCodeLists: () => ReadonlyMap<string, CodeList>,
): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  if (typeof options !== 'object' || options === null)
    return E.left(invalidRuleSet([makeIssue('invalid_type', ['options'], 'nb', { expected: 'object' })]));
  const lang = options.lang ?? 'nb';
  let lists: ReadonlyMap<string, CodeList>;
  if (options.codeLists) {
    const r = compileCodeLists(options.codeLists, lang);
    if (E.isLeft(r)) return r;
    lists = r.right;
  } else lists = defaultCodeLists();
  const facts = options.extraFacts?.length ? createFactRegistry([...defaultFacts().values(), ...options.extraFacts]) : defaultFacts();
  return compileWith(input, {
    facts,
    codeLists: lists,
    lang,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.sharedConditions ? { sharedConditions: options.sharedConditions } : {}),
  });
}

/** Ids of the rule sets shipped with the library. */
export function bundledRuleSetIds(): string[] {
  return Object.keys(BUNDLED_RULE_SETS);
}

/**
 * Compiles one of the bundled rule sets by id ({@link bundledRuleSetIds} lists them). Compile once, at
 * start-up, and reuse the result for every evaluation. With the default options (or only `lang`)
 * the rule set is compiled once per process and the same frozen object is returned on every call,
 * so that a pathway guard naming a bundled rule set uses the one the host loaded at start-up.
 *
 * @example
 * ```ts
 * const ruleSet = loadBundledRuleSet('identification');
 * if (ruleSet._tag === 'Left') throw new Error('rule set invalid');
 * ```
 */
export function loadBundledRuleSet(id: string, options: RuleSetOptions = {}): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  // A non-string id would be coerced to a property key, which can throw (an object without a prototype) or recurse (nested arrays).
  if (typeof options !== 'object' || options === null)
    return E.left(invalidRuleSet([makeIssue('invalid_type', ['options'], 'nb', { expected: 'object' })]));
  const file = typeof id === 'string' && Object.hasOwn(BUNDLED_RULE_SETS, id) ? BUNDLED_RULE_SETS[id] : undefined;
  if (file === undefined)
    return E.left(invalidRuleSet([makeIssue('invalid_value', ['id'], resolveLang(options.lang), { allowed: bundledRuleSetIds() })]));
  // `lang` words the issues only; any other option makes a rule set of its own, compiled afresh.
  const plain =
    typeof options === 'object' &&
    options !== null &&
    options.codeLists === undefined &&
    options.extraFacts === undefined &&
    options.parameters === undefined &&
    options.sharedConditions === undefined;
  const known = plain ? bundledCompiled.get(id) : undefined;
  if (known) return E.right(known);
  const r = compileRuleSet(file, options);
  if (plain && E.isRight(r)) bundledCompiled.set(id, r.right);
  return r;
}
