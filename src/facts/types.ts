import type { z } from 'zod';
import type { LocalizedText } from '../model/lang.js';
import type { Person } from '../model/person.js';
import type { Evidence, SourceRef } from '../model/ruleSet.js';
import type { CodeList } from './codeList.js';

/** The type of a fact's value, used to check operators when a rule set is compiled. */
export type FactType = 'number' | 'boolean' | 'string' | 'date' | 'list' | 'object';

/** What a derived fact can read: the person, the date of evaluation and the code lists. */
export interface FactContext {
  readonly person: Person;
  /** The evaluation date, ISO `YYYY-MM-DD`. Facts never read the clock. */
  readonly asOf: string;
  /** `asOf` as days since 1970-01-01, precomputed once. */
  readonly asOfDay: number;
  /** Code lists by id. */
  readonly codeLists: ReadonlyMap<string, CodeList>;
}

/**
 * A named, documented, pure function of the person and `asOf`. Returning `undefined` means
 * *unknown*: the data needed to compute it is not present. It never means false or zero.
 */
export interface FactDefinition<P = unknown> {
  readonly name: string;
  readonly type: FactType;
  /** A short noun phrase for explanations, e.g. "antall innleggelser". */
  readonly label: LocalizedText;
  /**
   * The label a condition with `months` starts from, before the window is added ("antall fall" +
   * "siste 6 måneder"); `label` when absent. For a fact whose own label names its default window.
   */
  readonly windowedLabel?: LocalizedText;
  /** What the fact means and how it is computed, for the catalogue. */
  readonly description: LocalizedText;
  /** Parameters the fact takes in a condition's `params`, validated at compile time. */
  readonly params?: z.ZodType<P>;
  /** Code lists the fact reads; compiling fails when one is missing. */
  readonly codeLists?: readonly string[];
  readonly source?: SourceRef;
  readonly evidence?: Evidence;
  derive(ctx: FactContext, params: P): unknown;
}

/** Declares a fact with its parameter type inferred. */
export function defineFact<P = undefined>(def: FactDefinition<P>): FactDefinition<P> {
  return def;
}

/** The library's own fact definitions, by identity: a host's copy of one, or its own fact, is not in it. */
const builtins = /* @__PURE__ */ new WeakSet<object>();

/**
 * Declares one of the library's own facts (see {@link isBuiltinFact}). Its only effect is on the
 * definition it returns, so a call whose result is unused may be dropped: a bundle that compiles one
 * rule set keeps only the facts that rule set reads.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineBuiltinFact<P = undefined>(def: FactDefinition<P>): FactDefinition<P> {
  builtins.add(def);
  return def;
}

/**
 * Whether a definition is one of the library's own facts. Their string and list values are codes
 * and enumerated values (service kinds, statuses, ICD-10 and ICPC-2 groups), never free text or
 * dates from a record, so traces that show them may be kept and shared between calls; a host's own
 * facts may return anything, so only their numbers and booleans are.
 */
export function isBuiltinFact(def: FactDefinition<any> | undefined): boolean {
  return def !== undefined && builtins.has(def);
}
