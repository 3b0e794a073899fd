import { expect } from 'vitest';
import { Lang, LIMITS, localizeIssue } from '../../src/index.js';
import type { ValidationIssue } from '../../src/index.js';
import { ADAPTER_ISSUE_MESSAGES } from '../support/helpers.js';

/*
 * What every fuzzed call must satisfy: it returns (never throws), leaves the built-in prototypes as
 * they were, and a failure is a typed error value whose issues each have a path, a known code and a
 * message that our own localizer reproduces.
 */

/** The prototypes an attacker would pollute: the ones every object, array and function inherits from, and their cousins. */
const PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Date.prototype', Date.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
  ['JSON', JSON],
];

/** A snapshot of every own property (with its descriptor) of the watched prototypes. */
export type ProtoSnapshot = ReadonlyMap<string, ReadonlyMap<PropertyKey, PropertyDescriptor>>;

export function protoSnapshot(): ProtoSnapshot {
  return new Map(
    PROTOTYPES.map(([name, proto]) => [name, new Map(Reflect.ownKeys(proto).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)!]))]),
  );
}

/** Fails when a property of a watched prototype was added, removed or changed since the snapshot, or a prototype was frozen or swapped. */
export function expectProtosUnchanged(before: ProtoSnapshot): void {
  const after = protoSnapshot();
  for (const [name, props] of before) {
    const now = after.get(name)!;
    const added = [...now.keys()].filter((k) => !props.has(k)).map(String);
    const removed = [...props.keys()].filter((k) => !now.has(k)).map(String);
    const changed = [...props.keys()]
      .filter((k) => now.has(k))
      .filter((k) => {
        const a = props.get(k)!;
        const b = now.get(k)!;
        return (
          a.value !== b.value ||
          a.get !== b.get ||
          a.set !== b.set ||
          a.writable !== b.writable ||
          a.enumerable !== b.enumerable ||
          a.configurable !== b.configurable
        );
      })
      .map(String);
    if (added.length + removed.length + changed.length > 0)
      throw new Error(`${name} was polluted: added ${added}, removed ${removed}, changed ${changed}`);
  }
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(Object.isExtensible(Object.prototype)).toBe(true);
}

/** The library's error tags; an entry point with its own errors (a pathway's) passes its tags. */
export const ERROR_TAGS: readonly string[] = ['InvalidPerson', 'InvalidRuleSet', 'InvalidOptions'];

/** How to check one call's result. */
export interface ResultCheck {
  /** Language the call was asked to write in. Default `nb`. */
  readonly lang?: Lang;
  /** A Right must serialise with JSON.stringify. */
  readonly json?: boolean;
  /** Allowed error tags. Default {@link ERROR_TAGS}. */
  readonly tags?: readonly string[];
  /** Tags of errors that carry a localized `message` (nb, nn, en) instead of located issues (a pathway's `NeedsMigration`). */
  readonly issueless?: readonly string[];
  /** A documented exception for programmer misuse (a date the host owns): only this type with this message may be thrown. */
  readonly throws?: { readonly type: new (...args: never[]) => Error; readonly message: RegExp };
}

/** Fails unless `issue` is well formed and its message is what the library writes for its code and path in `lang`. */
export function expectWellFormedIssue(issue: ValidationIssue, lang: Lang): void {
  expect(typeof issue.path).toBe('string');
  expect(Array.isArray(issue.segments)).toBe(true);
  expect(typeof issue.code).toBe('string');
  expect(typeof issue.message).toBe('string');
  expect(issue.message.length).toBeGreaterThan(0);
  // localizeIssue rebuilds path and message from code, segments and detail (an unknown code comes back
  // unchanged, with the empty message). The call's language comes first; fuzzed options may ask for another.
  const langs: Lang[] = [lang, ...Lang.options.filter((l) => l !== lang)];
  const again = langs.map((l) => localizeIssue<string>({ ...issue, message: '' }, l, ADAPTER_ISSUE_MESSAGES));
  expect(
    again.map((a) => a.message),
    `issue code ${issue.code} is not one the library knows, or its message is not the library's`,
  ).toContain(issue.message);
  expect(again[0]!.path).toBe(issue.path);
}

/**
 * Checks a result: an Either's Left must be a typed error (`_tag` and located issues) that
 * serialises; with `json`, a Right must serialise too (decisions are stored as audit records).
 */
export function expectTypedResult(result: unknown, check: ResultCheck = {}): void {
  const lang = check.lang ?? 'nb';
  if (typeof result !== 'object' || result === null || !('_tag' in result)) return;
  const r = result as { _tag: string; left?: unknown; right?: unknown };
  if (r._tag === 'Left') {
    const e = r.left as { _tag: string; issues: ValidationIssue[] };
    expect((check.tags ?? ERROR_TAGS).includes(e._tag), `unexpected error tag ${String(e._tag)}`).toBe(true);
    if (check.issueless?.includes(e._tag) && !Object.hasOwn(e, 'issues')) {
      const m = (e as { message?: Record<string, unknown> }).message;
      for (const l of Lang.options)
        expect(typeof m?.[l] === 'string' && (m[l] as string).length > 0, `${String(e._tag)} has no ${l} message`).toBe(true);
      expect(() => JSON.stringify(e)).not.toThrow();
      return;
    }
    expect(Array.isArray(e.issues)).toBe(true);
    expect(e.issues.length).toBeGreaterThan(0);
    // Bounded errors: at most LIMITS.issues issues, then one too_many_issues.
    expect(e.issues.length, `${String(e._tag)} has ${e.issues.length} issues`).toBeLessThanOrEqual(LIMITS.issues + 1);
    for (const i of e.issues) expectWellFormedIssue(i, lang);
    expect(() => JSON.stringify(e)).not.toThrow();
  } else if (r._tag === 'Right' && check.json) {
    expect(() => JSON.stringify(r.right)).not.toThrow();
  }
}

/** Runs `call` and applies every check above. */
export function expectSafeCall(call: () => unknown, check: ResultCheck = {}): unknown {
  const before = protoSnapshot();
  let result: unknown;
  try {
    result = call();
  } catch (err) {
    if (check.throws && err instanceof check.throws.type && check.throws.message.test(err.message)) {
      expectProtosUnchanged(before);
      return undefined;
    }
    throw new Error(`threw ${err instanceof Error ? `${err.constructor.name}: ${err.message.slice(0, 300)}` : typeof err}`);
  }
  expectProtosUnchanged(before);
  expectTypedResult(result, check);
  return result;
}
