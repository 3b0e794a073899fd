import fc from 'fast-check';

/*
 * Generators of hostile input. Each is bounded so that a property run stays cheap on two cores:
 * the expensive shapes (10,000 levels of nesting, 1 MB strings, a million-element array) are built
 * once and picked from, not generated anew each run.
 */

/** Keys that reach or shadow a prototype when a library assigns them naively. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

/** An object with the given own keys, made by JSON.parse so that `__proto__` is an own key, as it is in parsed request bodies. */
export function withOwnKeys(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const text = (v: unknown) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null'; // BigInt and cycles have no JSON form
    }
  };
  return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${text(v)}`).join(',')}}`) as Record<string, unknown>;
}

const MB = 1_000_000;

/** Strings that trip naive code: lone surrogates, direction overrides, zero-width characters, NUL, and look-alike dates and digits. */
export const ODD_STRINGS: readonly string[] = [
  '',
  '\u0000',
  'K77\u0000',
  '\uD800',
  '\uDFFF\uD800',
  'a\uD83D',
  '\u202Eevil\u202C',
  '\u200B',
  '\uFEFFK77',
  'K\u200D77',
  'ﬁ',
  'İ',
  '٠١٢٣٤٥٦٧٨٩٠',
  '１２３４５６７８９０１',
  '2023-02-30',
  '2025-13-01',
  '0000-00-00',
  '-0001-01-01',
  '+275760-09-13',
  '2024-02-29T00:00:00Z',
  ' 2024-01-01',
  '2024-01-01\n',
  '9999-12-31',
  '1e3',
  'NaN',
  'Infinity',
  '-0',
  '$..x',
  '$[?(@.x)]',
  '$.__proto__.polluted',
  '$.constructor.prototype',
  '{{7*7}}',
  '${process.exit()}',
  "'; DROP TABLE persons; --",
  '__proto__',
  'constructor',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'Ola Nordmann 13118012345 har HIV',
];

/** Very long strings (1 MB), built once. */
export const LONG_STRINGS: readonly string[] = [
  'x'.repeat(MB),
  'K'.repeat(MB),
  '9'.repeat(MB),
  '\uD800'.repeat(MB / 2),
  '2024-01-01'.repeat(MB / 10),
  '$' + '.a'.repeat(MB / 2),
  'A' + '0'.repeat(MB),
];

/** Odd numbers: NaN, ±Infinity, -0, beyond-safe integers and denormals. */
export const ODD_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  0.1 + 0.2,
  2 ** 31,
  -1,
];

/** A string: random (any UTF-16 unit, lone surrogates included), odd, or 1 MB long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u200B', 'a', '.', '-', '0', 'Z'),
      maxLength: 30,
    }),
  },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) },
);

/** A scalar of any kind, odd ones included. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...ODD_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
);

/** Anything fast-check can make: boxed values, null-prototype objects, Maps, Sets, Dates, typed and sparse arrays, BigInt. */
export const anythingHostile: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTO_KEYS)),
  values: [hostileScalar],
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withBigInt: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
});

/** Any JSON value (what a parsed request body can hold). */
export const jsonHostile: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 5 });

/** Objects with own prototype-reaching keys, at the top and nested, as JSON.parse makes them. */
export const protoKeyed: fc.Arbitrary<unknown> = fc
  .array(
    fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: 'yes', toString: 'x' }))),
    { minLength: 1, maxLength: 4 },
  )
  .chain((entries) =>
    fc.oneof(
      fc.constant(withOwnKeys(entries)),
      fc.constant(withOwnKeys([['a', withOwnKeys(entries)]])),
      fc.constant([withOwnKeys(entries)]),
    ),
  );

/** Builds nesting without recursion (the builder must not be the thing that overflows). */
export function nest(depth: number, kind: 'array' | 'object' | 'mixed', leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' || (kind === 'mixed' && i % 2 === 0) ? [v] : { a: v };
  // fast-check prints a failing input recursively; name the shape instead (a symbol key: invisible to Object.keys and zod).
  if (depth > 0) Object.defineProperty(v, fc.toStringMethod, { value: () => `nest(${depth}, '${kind}')`, enumerable: false });
  return v;
}

/** Deep nesting up to 10,000 levels, a few shapes, built once. */
export const DEEP_VALUES: readonly unknown[] = [65, 1_000, 10_000].flatMap((d) => [nest(d, 'array'), nest(d, 'object'), nest(d, 'mixed')]);

/** Deep nesting, random depth (bounded) or one of the prebuilt 10,000-level shapes. */
export const deepValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 50, max: 300 }), fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>)
    .map(([d, k]) => nest(d, k)),
  fc.constantFrom(...DEEP_VALUES),
);

/** Huge inputs, built once: beyond the value budget, sparse with an absurd length, and long lists of junk. */
export const HUGE_VALUES: readonly unknown[] = [
  new Array(1_000_001).fill(0),
  // eslint-disable-next-line no-sparse-arrays
  new Array(2 ** 32 - 1),
  Array.from({ length: 20_000 }, () => ({})),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
];

/** Every path (as key lists) in a JSON value, breadth-first, capped so huge bases stay cheap. */
function pathsOf(value: unknown, cap = 5_000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [unknown, (string | number)[]][] = [[value, []]];
  while (queue.length > 0 && out.length < cap) {
    const [v, p] = queue.shift()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => queue.push([x, [...p, i]]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) queue.push([x, [...p, k]]);
  }
  return out;
}

/** A replacement value for one spot in a valid input: wrong types, odd scalars, proto keys, deep nesting. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: protoKeyed },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true, withMap: true, withDate: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 80 }).map((d) => nest(d, 'mixed')) },
);

type Edit = {
  readonly at: number;
  readonly kind: 'replace' | 'delete' | 'add' | 'protoKey';
  readonly value: unknown;
  readonly key: string;
};

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add', 'protoKey') as fc.Arbitrary<Edit['kind']>,
  value: replacement,
  key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...PROTO_KEYS)),
});

function applyEdit(root: unknown, paths: readonly (string | number)[][], e: Edit): unknown {
  const path = paths[e.at % paths.length]!;
  if (path.length === 0) return e.kind === 'delete' ? undefined : e.value;
  let parent = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  switch (e.kind) {
    case 'replace':
      parent[last] = e.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add':
      if (Array.isArray(target)) target.push(e.value);
      else if (typeof target === 'object' && target !== null) (target as Record<string, unknown>)[e.key] = e.value;
      else parent[last] = e.value;
      break;
    case 'protoKey':
      // An own `__proto__` (or `constructor`) key next to the real ones, as JSON.parse produces.
      if (typeof target === 'object' && target !== null && !Array.isArray(target))
        parent[last] = withOwnKeys([...Object.entries(target), [e.key, e.value]]);
      else parent[last] = withOwnKeys([[e.key, e.value]]);
      break;
  }
  return root;
}

/** A valid input with one to three random spots broken: replaced by a hostile value, deleted, extended, or given an own proto key. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const json = JSON.stringify(base);
  const paths = pathsOf(base);
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let root: unknown = JSON.parse(json);
    for (const e of edits)
      root = applyEdit(
        root,
        paths.filter((p) => reachable(root, p)),
        e,
      );
    return root;
  });
}

function isPlainContainer(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function reachable(root: unknown, path: readonly (string | number)[]): boolean {
  let cur = root;
  for (const seg of path) {
    // Only arrays and plain records are walked into: an earlier edit may have put a boxed string there, whose
    // index keys are own but read-only.
    if (!isPlainContainer(cur) || !Object.hasOwn(cur, seg)) return false;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return true;
}

/** Every kind of hostile input, for an entry point that takes one untrusted value. */
export function hostileInputs(base?: unknown): { readonly name: string; readonly arb: fc.Arbitrary<unknown> }[] {
  return [
    { name: 'anything', arb: anythingHostile },
    { name: 'json', arb: jsonHostile },
    { name: 'proto keys', arb: protoKeyed },
    { name: 'deep', arb: deepValue },
    { name: 'strings', arb: hostileString },
    ...(base === undefined ? [] : [{ name: 'mutated', arb: mutated(base) }]),
  ];
}

/** What a trap in {@link accessorTraps} throws: the host's own error, which the library must never let escape as anything else. */
export class TrapError extends Error {
  constructor() {
    super('a getter of the host threw');
  }
}

const trap = (): never => {
  throw new TrapError();
};

/** Names the shape for fast-check's printer without going through the trap. */
const printer = (name: string) => () => name;

/** How a container is made hostile. */
type TrapKind =
  | 'getter'
  | 'getter-second-read'
  | 'proxy-get'
  | 'proxy-keys'
  | 'proxy-prototype'
  | 'proxy-descriptor'
  | 'proxy-get-second-read'
  | 'revoked';
const TRAP_KINDS: readonly TrapKind[] = [
  'getter',
  'getter-second-read',
  'proxy-get',
  'proxy-keys',
  'proxy-prototype',
  'proxy-descriptor',
  'proxy-get-second-read',
  'revoked',
];

/**
 * A container (object or array) with one of its keys, or the whole of it, guarded by a getter or a
 * proxy trap that throws a {@link TrapError}: always, or only from the second read on (an ORM entity
 * whose session closed, a reactive proxy), so that reading once and then again fails only the second
 * time. A revoked proxy throws on any operation.
 */
export function trapped(target: object, kind: TrapKind, key: string | undefined): object {
  const name = `trapped(${kind}${key === undefined ? '' : `, ${key}`})`;
  if (kind === 'getter' || kind === 'getter-second-read') {
    const k = key ?? 'x';
    const value: unknown = (target as Record<string, unknown>)[k];
    let reads = 0;
    Object.defineProperty(target, k, {
      enumerable: true,
      configurable: true,
      get: () => (kind === 'getter' || ++reads > 1 ? trap() : value),
    });
    Object.defineProperty(target, fc.toStringMethod, { value: printer(name), enumerable: false });
    return target;
  }
  if (kind === 'revoked') {
    const r = Proxy.revocable(target, {});
    r.revoke();
    return r.proxy;
  }
  let reads = 0;
  const guarded = (p: string | symbol) => typeof p === 'string' && (key === undefined || p === key);
  const handler: ProxyHandler<object> = {
    get: (t, p, r) => {
      if (p === fc.toStringMethod) return printer(name);
      if ((kind === 'proxy-get' || kind === 'proxy-get-second-read') && guarded(p) && (kind === 'proxy-get' || ++reads > 1)) return trap();
      return Reflect.get(t, p, r);
    },
  };
  if (kind === 'proxy-keys') handler.ownKeys = () => trap();
  if (kind === 'proxy-prototype') handler.getPrototypeOf = () => trap();
  if (kind === 'proxy-descriptor')
    handler.getOwnPropertyDescriptor = (t, p) => (guarded(p) ? trap() : Reflect.getOwnPropertyDescriptor(t, p));
  return new Proxy(target, handler);
}

/**
 * A valid input (or any JSON value) with a trap somewhere: at the root, or on one container inside
 * it, guarding one of its keys or all of them. What a host passes when its record is an ORM entity
 * or a reactive proxy rather than plain data. Generated as a function that builds a fresh one, since
 * fast-check itself must not touch a trap (and a trap that fires on the second read must start anew).
 */
export function accessorTraps(base?: unknown): fc.Arbitrary<() => unknown> {
  const source: fc.Arbitrary<unknown> = base === undefined ? fc.jsonValue({ maxDepth: 3 }) : fc.constant(base);
  return fc.tuple(source, fc.nat(), fc.constantFrom(...TRAP_KINDS), fc.nat(), fc.boolean()).map(([b, at, kind, keyAt, wholeContainer]) => {
    const make = () => buildTrap(b, at, kind, keyAt, wholeContainer);
    Object.defineProperty(make, fc.toStringMethod, {
      value: () => `trap(${kind}, at ${at}, key ${keyAt}${wholeContainer ? ', whole container' : ''})`,
    });
    return make;
  });
}

function buildTrap(b: unknown, at: number, kind: TrapKind, keyAt: number, wholeContainer: boolean): unknown {
  {
    const root: unknown = JSON.parse(JSON.stringify(b ?? null));
    const containers = pathsOf(root).filter((p) => {
      const v = p.reduce<unknown>((o, s) => (o as Record<string | number, unknown>)[s], root);
      return typeof v === 'object' && v !== null;
    });
    if (containers.length === 0) return trapped({ x: root }, kind, 'x');
    const path = containers[at % containers.length]!;
    const target = path.reduce<unknown>((o, s) => (o as Record<string | number, unknown>)[s], root) as object;
    const keys = Object.keys(target);
    const key = wholeContainer || keys.length === 0 ? undefined : keys[keyAt % keys.length];
    const guarded = trapped(target, kind, key);
    if (path.length === 0) return guarded;
    const parent = path.slice(0, -1).reduce<unknown>((o, s) => (o as Record<string | number, unknown>)[s], root) as Record<
      string | number,
      unknown
    >;
    parent[path[path.length - 1]!] = guarded;
    return root;
  }
}
