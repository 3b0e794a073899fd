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

/** The memo slots; `undefined` until first computed. */
interface Memo {
  /** Active diagnoses, `null` when the diagnoses are unknown. */
  active: Diagnosis[] | null | undefined;
  /** Entries of one code list matched by the active diagnoses, by list id. */
  matches: Map<string, readonly CodeListEntry[]> | undefined;
}

/** A context made by {@link factContext}: a {@link FactContext} with its memo. */
class MemoContext implements FactContext {
  /** @internal */
  readonly memo: Memo = { active: undefined, matches: undefined };
  constructor(
    readonly person: Person,
    readonly asOf: string,
    readonly asOfDay: number,
    readonly codeLists: ReadonlyMap<string, CodeList>,
  ) {}
}

/**
 * The context every evaluation derives its facts from. A context built elsewhere (a plain object a
 * host passes to a fact's `derive`) works too: the facts then compute what they share each time.
 *
 * @internal
 */
export function factContext(person: Person, asOf: string, asOfDay: number, codeLists: ReadonlyMap<string, CodeList>): FactContext {
  return new MemoContext(person, asOf, asOfDay, codeLists);
}

/** The memo of a context made by {@link factContext}, or `undefined` for any other context. */
export function memoOf(ctx: FactContext): Memo | undefined {
  return ctx instanceof MemoContext ? ctx.memo : undefined;
}
