import type { CodeListEntry } from '../model/ruleSet.js';
import type { Diagnosis, Person } from '../model/person.js';
import type { CodeList } from './codeList.js';
import type { FactContext } from './types.js';

/*
 * Intermediate results that several facts of one evaluation share: the diagnoses active on `asOf`
 * and the code-list entries they match. They live on the evaluation's context object itself. They
 * used to sit in a WeakMap keyed by the context, and inserting one entry per evaluation cost more
 * than the facts it saved (about 1 µs a person, most of it in the garbage collector's ephemeron work).
 */

/** The memo slots; `undefined` until first computed, `null` when the data behind it is unknown. */
export interface Memo {
  /** Active diagnoses. */
  active: Diagnosis[] | null | undefined;
  /** Entries of a code list matched by the active diagnoses, by list (not id: contexts with other lists may share the memo). */
  matches: Map<CodeList, readonly CodeListEntry[]> | undefined;
  /** Age in whole years on `asOf`. */
  age: number | null | undefined;
  /** The encounters as columns, read by every count and stay fact. */
  encounters: EncounterTable | null | undefined;
}

/** Encounters as columns: day number, kind ({@link ENCOUNTER_KINDS} index) and length of stay (NaN when not given). */
export interface EncounterTable {
  readonly days: readonly number[];
  readonly kinds: readonly number[];
  readonly stays: readonly number[];
}

/** A fresh memo, to share between the contexts of one person and one `asOf`. */
export function newMemo(): Memo {
  return { active: undefined, matches: undefined, age: undefined, encounters: undefined };
}

/** A context made by {@link factContext}: a {@link FactContext} with its memo. */
class MemoContext implements FactContext {
  constructor(
    readonly person: Person,
    readonly asOf: string,
    readonly asOfDay: number,
    readonly codeLists: ReadonlyMap<string, CodeList>,
    /** @internal */
    readonly memo: Memo,
  ) {}
}

/**
 * The context every evaluation derives its facts from. A context built elsewhere (a plain object a
 * host passes to a fact's `derive`) works too: the facts then compute what they share each time.
 * Contexts of the same person and `asOf` may share one `memo` whatever their code lists.
 *
 * @internal
 */
export function factContext(
  person: Person,
  asOf: string,
  asOfDay: number,
  codeLists: ReadonlyMap<string, CodeList>,
  memo: Memo = newMemo(),
): FactContext {
  return new MemoContext(person, asOf, asOfDay, codeLists, memo);
}

/** The memo of a context made by {@link factContext}, or `undefined` for any other context. */
export function memoOf(ctx: FactContext): Memo | undefined {
  return ctx instanceof MemoContext ? ctx.memo : undefined;
}
