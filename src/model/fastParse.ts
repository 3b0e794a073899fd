import type { z } from 'zod';
import { LIMITS } from './limits.js';

/*
 * A fast path for validating a person, derived from the zod schema itself.
 *
 * zod validates a typical person record in 15-25 µs, which was half of what a chart opening costs.
 * Almost every record a host sends is valid, so the accept path is compiled once from the schema's
 * definition into plain closures: type tests for the handful of schema kinds the person model uses
 * (object, array, optional, string, number, boolean, enum, literal, union), and every check and
 * refinement run through zod's own check functions, so their semantics are zod's. It builds the
 * same output zod builds (keys in schema order, a key given as `undefined` kept as such).
 *
 * It is only ever a shortcut: whenever it is not sure (an issue, an unknown key, a value that is not
 * a plain object or array, anything over LIMITS, any schema kind it does not know), it gives up and
 * the caller runs the input shape check and zod as before, which alone produce error messages. So
 * an input it accepts is one zod accepts, with the same output; test/model/fastParse.test.ts checks that
 * on random and hostile persons.
 */

/** Gives up: the caller validates with zod. */
const GIVE_UP: unique symbol = Symbol('give up');
type Out = unknown;

/** Validation state of one call: the value budget LIMITS.inputValues sets for any input. */
interface Budget {
  values: number;
}

type Parse = (input: unknown, budget: Budget) => Out | typeof GIVE_UP;

/** The parts of zod's internal definition this reads (zod 4's `_zod.def`). */
interface ZodInternals {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly checks?: readonly ZodCheckInternals[];
      readonly shape?: Readonly<Record<string, ZodInternals>>;
      readonly catchall?: ZodInternals;
      readonly element?: ZodInternals;
      readonly innerType?: ZodInternals;
      readonly options?: readonly ZodInternals[];
      readonly entries?: Readonly<Record<string, unknown>>;
      readonly values?: readonly unknown[];
      readonly coerce?: boolean;
    };
  };
}
interface ZodCheckInternals {
  readonly _zod: { check(payload: { value: unknown; issues: unknown[] }): unknown };
}

/** Thrown while compiling when the schema uses a kind the fast path does not know. */
class Unsupported extends Error {}

/** A plain empty object made without an object literal, for the reason given where arrays are copied. */
function newObject(): Record<string, unknown> {
  return Object.create(Object.prototype) as Record<string, unknown>;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * One zod check as a predicate. The kinds the person model uses most are read from their definition
 * and tested directly; each is at least as strict as zod (a string over `maximum` UTF-16 units may
 * still fit zod's count of code points, and is given up on), so a value that passes here passes
 * zod's check. Any other check runs through zod's own check function.
 */
function predicate(c: ZodCheckInternals): (value: unknown) => boolean {
  const d = (c as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (d['check']) {
    case 'less_than':
      if (typeof d['value'] === 'number') {
        const max = d['value'];
        return d['inclusive'] ? (v) => typeof v === 'number' && v <= max : (v) => typeof v === 'number' && v < max;
      }
      break;
    case 'greater_than':
      if (typeof d['value'] === 'number') {
        const min = d['value'];
        return d['inclusive'] ? (v) => typeof v === 'number' && v >= min : (v) => typeof v === 'number' && v > min;
      }
      break;
    case 'number_format':
      if (d['format'] === 'safeint') return (v) => Number.isSafeInteger(v);
      break;
    case 'max_length':
      if (typeof d['maximum'] === 'number') {
        const max = d['maximum'];
        return (v) => (typeof v === 'string' || Array.isArray(v)) && v.length <= max;
      }
      break;
    case 'min_length':
      // Code points and units agree on "at least one"; longer minimums are left to zod.
      if (d['minimum'] === 0 || d['minimum'] === 1) {
        const min = d['minimum'];
        return (v) => (typeof v === 'string' || Array.isArray(v)) && v.length >= min;
      }
      break;
    case 'string_format': {
      const re = d['pattern'];
      if (d['format'] === 'regex' && re instanceof RegExp && !re.global && !re.sticky) return (v) => typeof v === 'string' && re.test(v);
      break;
    }
    case 'custom': {
      // `refine(fn)`: zod passes the value when `fn` returns a truthy, non-promise result.
      const fn = d['fn'];
      if (typeof fn === 'function') {
        return (v) => {
          const r: unknown = fn(v);
          return !(r instanceof Promise) && Boolean(r);
        };
      }
      break;
    }
  }
  // Everything else (superRefine among them): zod's own check, passing when it adds no issue.
  return (value) => {
    const payload: { value: unknown; issues: unknown[] } = { value, issues: [] };
    const r = c._zod.check(payload);
    return !(r instanceof Promise) && payload.issues.length === 0 && payload.value === value;
  };
}

/** All checks of a schema as one predicate, or `undefined` when it has none. */
function checker(checks: readonly ZodCheckInternals[] | undefined): ((value: unknown) => boolean) | undefined {
  if (checks === undefined || checks.length === 0) return undefined;
  const ps = checks.map(predicate);
  if (ps.length === 1) return ps[0];
  return (value) => {
    for (let i = 0; i < ps.length; i++) if (!ps[i]!(value)) return false;
    return true;
  };
}

function compile(schema: ZodInternals): Parse {
  const def = schema._zod.def;
  if (def.coerce) throw new Unsupported('coerce');
  const check = checker(def.checks);
  const checked = (p: Parse): Parse =>
    check === undefined
      ? p
      : (input, budget) => {
          const out = p(input, budget);
          return out === GIVE_UP || !check(out) ? GIVE_UP : out;
        };
  switch (def.type) {
    case 'string':
      return checked((v, b) =>
        typeof v === 'string' && v.length <= LIMITS.stringLength && ++b.values <= LIMITS.inputValues ? v : GIVE_UP,
      );
    case 'number':
      return checked((v, b) => (typeof v === 'number' && Number.isFinite(v) && ++b.values <= LIMITS.inputValues ? v : GIVE_UP));
    case 'boolean':
      return checked((v, b) => (typeof v === 'boolean' && ++b.values <= LIMITS.inputValues ? v : GIVE_UP));
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return checked((v, b) =>
        (typeof v === 'string' || typeof v === 'number') && allowed.has(v) && ++b.values <= LIMITS.inputValues ? v : GIVE_UP,
      );
    }
    case 'literal': {
      const allowed = def.values ?? [];
      return checked((v, b) =>
        (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
        allowed.includes(v) &&
        ++b.values <= LIMITS.inputValues
          ? v
          : GIVE_UP,
      );
    }
    case 'optional': {
      if (def.innerType === undefined) throw new Unsupported('optional');
      const inner = compile(def.innerType);
      return checked((v, b) => (v === undefined ? (++b.values <= LIMITS.inputValues ? undefined : GIVE_UP) : inner(v, b)));
    }
    case 'union': {
      // Unions of literals only: there, giving up on an option means the option rejects the value, so
      // trying the next one finds the option zod's "first that succeeds" finds. (For other options a
      // give-up may be an option zod accepts, and a later option would then give a different output.)
      const opts = def.options ?? [];
      if (opts.length === 0 || opts.some((o) => o._zod.def.type !== 'literal')) throw new Unsupported('union');
      const options = opts.map(compile);
      return checked((v, b) => {
        for (const o of options) {
          const before = b.values;
          const out = o(v, b);
          if (out !== GIVE_UP) return out;
          b.values = before;
        }
        return GIVE_UP;
      });
    }
    case 'array': {
      if (def.element === undefined) throw new Unsupported('array');
      const element = compile(def.element);
      return checked((v, b) => {
        if (!Array.isArray(v) || v.length > LIMITS.inputValues - b.values - 1) return GIVE_UP;
        b.values++;
        // Allocated by a builtin (slice), not a literal: V8 tracks literal sites and, seeing a
        // person's parts survive while it is evaluated, starts allocating them in the old generation,
        // which cost 45 MiB of peak memory in a streaming run. The elements are overwritten below.
        const out: unknown[] = v.slice();
        for (let i = 0; i < v.length; i++) {
          const x = element(v[i], b);
          if (x === GIVE_UP) return GIVE_UP;
          out[i] = x;
        }
        return out;
      });
    }
    case 'object': {
      // Strict objects only: an unknown key is zod's to report.
      if (def.shape === undefined || def.catchall?._zod.def.type !== 'never') throw new Unsupported('object');
      const keys = Object.keys(def.shape);
      // zod tests presence with `in`, which sees Object.prototype; own properties agree with it only
      // for keys that are not on Object.prototype (and zod skips `__proto__`).
      if (keys.some((k) => k in Object.prototype || k === '__proto__') || Object.getOwnPropertySymbols(def.shape).length > 0)
        throw new Unsupported('object keys');
      if (keys.length > 31) throw new Unsupported('object with more than 31 keys');
      const fields = keys.map((k) => compile(def.shape![k]!));
      const position = new Map(keys.map((k, i) => [k, i]));
      // Bit i stands for keys[i]: the required ones, and all of them.
      const required = fields.reduce((m, f, i) => (f(undefined, { values: 0 }) === GIVE_UP ? m | (1 << i) : m), 0);
      const all = keys.length === 31 ? 0x7fffffff : (1 << keys.length) - 1;
      return checked((v, b) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v) || !isPlainObject(v) || ++b.values > LIMITS.inputValues) return GIVE_UP;
        const input = v as Record<string, unknown>;
        // Walks the input's own enumerable keys, which zod's `for…in` sees too: an unknown one is an
        // issue for zod to report. zod's output has the schema's key order: keys given in that order
        // (as JSON from most hosts) go straight into the output, others are put in order at the end.
        let out: Record<string, unknown> = newObject();
        let vals: unknown[] | undefined;
        let last = -1;
        let seen = 0;
        for (const k in input) {
          const i = position.get(k);
          if (i === undefined || (seen & (1 << i)) !== 0 || !Object.hasOwn(input, k)) return GIVE_UP;
          const x = fields[i]!(input[k], b);
          if (x === GIVE_UP) return GIVE_UP;
          if (vals === undefined && i < last) {
            vals = new Array(keys.length);
            for (let j = 0; j < keys.length; j++) if ((seen & (1 << j)) !== 0) vals[j] = out[keys[j]!];
          }
          if (vals === undefined) out[k] = x;
          else vals[i] = x;
          last = i;
          seen |= 1 << i;
        }
        if (vals !== undefined) {
          out = newObject();
          for (let j = 0; j < keys.length; j++) if ((seen & (1 << j)) !== 0) out[keys[j]!] = vals[j];
        }
        // A required field that is absent is an issue: zod's to report.
        if ((seen & required) !== required) return GIVE_UP;
        // zod tests presence with `in`, so it also reads a known key that is not enumerable (own, or
        // inherited from a changed Object.prototype): give up when an absent key is there after all.
        // A person's objects lack a few optional keys each; testing those costs less than listing
        // every own property name.
        if (seen !== all) for (let j = 0; j < keys.length; j++) if ((seen & (1 << j)) === 0 && keys[j]! in input) return GIVE_UP;
        return out;
      });
    }
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * Compiles the fast path of a schema: a function that returns zod's output for an input zod accepts,
 * or `undefined` when the caller must validate with zod. Returns `undefined` when the schema (or the
 * installed zod) uses anything the fast path does not know, so that it is never guessed at.
 */
export function compileFastParse(schema: z.ZodType): ((input: unknown) => unknown) | undefined {
  let parse: Parse;
  try {
    parse = compile(schema as unknown as ZodInternals);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof TypeError) return undefined;
    throw e;
  }
  return (input) => {
    const out = parse(input, { values: 0 });
    return out === GIVE_UP ? undefined : out;
  };
}
