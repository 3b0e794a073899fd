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
