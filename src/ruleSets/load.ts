import * as E from 'fp-ts/lib/Either.js';
import type { CodeList } from '../facts/codeList.js';
import { compileCodeList } from '../facts/codeList.js';
import { builtinFactDefinitions, createFactRegistry } from '../facts/registry.js';
import type { FactRegistry } from '../facts/registry.js';
import type { FactDefinition } from '../facts/types.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import { compileRuleSet as compileWith } from '../engine/compile.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
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

/** The built-in facts (created on first use, so importing the module has no side effects). */
export function builtinFacts(): FactRegistry {
  return (defaultFacts ??= createFactRegistry(builtinFactDefinitions()));
}

/** Validates and compiles code-list files; all issues are returned, and none of the lists is kept on error. */
export function compileCodeLists(files: readonly unknown[], lang: Lang = 'nb'): E.Either<InvalidRuleSetError, ReadonlyMap<string, CodeList>> {
  const issues: ValidationIssue[] = [];
  const out = new Map<string, CodeList>();
  files.forEach((f, i) => {
    const r = CodeListFile.safeParse(f, { reportInput: true });
    if (!r.success) {
      issues.push(...fromZodIssues(r.error.issues, lang, ['codeLists', i]));
      return;
    }
    if (out.has(r.data.id)) issues.push(makeIssue('duplicate_id', ['codeLists', i, 'id'], lang, { name: r.data.id }));
    out.set(r.data.id, compileCodeList(r.data));
  });
  return issues.length > 0 ? E.left(invalidRuleSet(issues)) : E.right(out);
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
 */
export function compileRuleSet(input: unknown, options: RuleSetOptions = {}): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  const lang = options.lang ?? 'nb';
  let lists = bundledCodeLists();
  if (options.codeLists) {
    const r = compileCodeLists(options.codeLists, lang);
    if (E.isLeft(r)) return r;
    lists = r.right;
  }
  const facts = options.extraFacts?.length ? createFactRegistry([...builtinFacts().values(), ...options.extraFacts]) : builtinFacts();
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

/** Compiles one of the bundled rule sets by id. */
export function loadBundledRuleSet(id: string, options: RuleSetOptions = {}): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  const file = Object.prototype.hasOwnProperty.call(BUNDLED_RULE_SETS, id) ? BUNDLED_RULE_SETS[id] : undefined;
  if (file === undefined) return E.left(invalidRuleSet([makeIssue('invalid_value', ['id'], options.lang ?? 'nb', { allowed: bundledRuleSetIds() })]));
  return compileRuleSet(file, options);
}
