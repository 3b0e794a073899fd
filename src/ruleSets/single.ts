import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import type { CodeList } from '../facts/codeList.js';
import { createFactRegistry } from '../facts/registry.js';
import type { FactDefinition } from '../facts/types.js';
import type { FactRegistry } from '../facts/registry.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { compileAgainst, compileCodeLists } from './load.js';
import type { RuleSetOptions } from './load.js';

/**
 * One bundled rule set with only what it reads: the facts its rules read and the code lists
 * those facts use. Each `oppfolgingsteam/rule-sets/<id>` entry makes one, so that a bundle of
 * `evaluate` and that entry holds that rule set alone. A test compiles every entry and checks that it
 * gives the rule set `loadBundledRuleSet` gives (same content hash, same decisions).
 */
export interface SingleRuleSet {
  /** The rule-set file, as parsed JSON (validated when compiled). */
  readonly file: unknown;
  /** The facts its rules read. */
  readonly facts: readonly FactDefinition<any>[];
  /** The code-list files those facts read. */
  readonly codeLists: readonly unknown[];
}

/** The `loadRuleSet` of a one-rule-set entry: compiles that rule set, as `loadBundledRuleSet(id, options)` does. */
export type RuleSetLoader = (options?: RuleSetOptions) => E.Either<InvalidRuleSetError, CompiledRuleSet>;

/** Makes the `loadRuleSet` of one entry; its facts and code lists are made on first use and kept. */
/* @__NO_SIDE_EFFECTS__ */
export function singleRuleSetLoader(entry: SingleRuleSet): RuleSetLoader {
  let facts: FactRegistry | undefined;
  let lists: ReadonlyMap<string, CodeList> | undefined;
  const defaultFacts = () => (facts ??= createFactRegistry(entry.facts));
  const defaultLists = () => {
    if (!lists) {
      const r = compileCodeLists(entry.codeLists);
      if (E.isLeft(r)) throw new Error('bundled code lists are invalid'); // caught by the test suite, never by users
      lists = r.right;
    }
    return lists;
  };
  return (options = {}) => compileAgainst(entry.file, options, defaultFacts, defaultLists);
}
