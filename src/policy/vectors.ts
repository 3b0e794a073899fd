import * as E from '../util/either.js';
import type { RuleSetOptions } from '../ruleSets/load.js';
import { compileRuleSet } from '../ruleSets/load.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { readInput } from '../model/inputShape.js';
import { fromZodIssues } from '../model/issues.js';
import { canonicalJson } from '../util/sha256.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { RuleSetFile } from '../model/ruleSet.js';
import type { TestVector } from '../model/vectors.js';
import { TestVectorFile } from '../model/vectors.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import type { Decision } from '../engine/decision.js';
import { evaluate, evaluateFacts } from '../engine/evaluate.js';
import { inForceOn, withoutPeriod } from '../ruleSets/versions.js';
import type { Truth } from '../engine/logic.js';

/** One mismatch between a vector's expectation and what the rules did. */
export interface VectorMismatch {
  readonly ruleId?: string;
  readonly expected: string;
  readonly actual: string;
}

/** The result of one vector. */
export interface VectorResult {
  readonly name: string;
  readonly passed: boolean;
  readonly mismatches: readonly VectorMismatch[];
  /** The decision, for explaining failures; absent when the input itself was invalid. */
  readonly decision?: Decision;
  /** Input problems (an invalid person or facts object). */
  readonly issues?: readonly ValidationIssue[];
}

/** Validates a parsed test-vector file (within `LIMITS`: at most `vectorsPerFile` vectors). */
export function parseVectorFile(input: unknown, lang: Lang = 'nb'): E.Either<InvalidRuleSetError, TestVectorFile> {
  const read = readInput(input, lang);
  if ('issue' in read) return E.left(invalidRuleSet([read.issue]));
  const r = TestVectorFile.safeParse(read.value, { reportInput: true });
  return r.success ? E.right(r.data) : E.left(invalidRuleSet(fromZodIssues(r.error.issues, lang)));
}

function outcomeName(t: Truth | undefined): string {
  return t === undefined ? 'missing' : t === 'unknown' ? 'unknown' : t ? 'fired' : 'notFired';
}

/** Rule-set variants by the parameter values of the vectors that need them (see {@link runVectors}). */
type Variants = Map<string, E.Either<InvalidRuleSetError, CompiledRuleSet>>;

/**
 * The rule set a vector runs against: `ruleSet` itself, unless the vector's `parameters` change a
 * parameter's value, in which case the variant with those values, compiled once per distinct set of
 * values when `variants` is given. A vector with `parameters: {}`, or with the values the rule set
 * already has, runs against `ruleSet` without compiling anything.
 */
function ruleSetFor(
  ruleSet: CompiledRuleSet,
  vector: TestVector,
  options: RuleSetOptions & { file?: RuleSetFile },
  variants?: Variants,
): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  if (!vector.parameters) return E.right(ruleSet);
  const file = options.file ?? ruleSet.file;
  const parameters = { ...(options.parameters ?? {}), ...vector.parameters };
  // The values the variant would resolve to, for parameters the file declares (others fail to compile).
  const resolved: Record<string, unknown> = { ...ruleSet.parameters };
  let declared = file === ruleSet.file;
  for (const [k, v] of Object.entries(parameters)) {
    if (!Object.hasOwn(resolved, k)) declared = false;
    resolved[k] = v;
  }
  if (declared && canonicalJson(resolved) === canonicalJson(ruleSet.parameters)) return E.right(ruleSet);
  const key = canonicalJson(parameters);
  const known = variants?.get(key);
  if (known) return known;
  const c = compileRuleSet(file, { ...options, parameters });
  variants?.set(key, c);
  return c;
}

/**
 * Runs one vector. A vector without `asOf` runs on the rule set's `validFrom`; one dated outside its
 * period runs on its own date all the same. Vectors with `parameters` that change a value compile their own variant of the
 * rule set, so `file` (the rule set's source) is needed for those.
 */
export function runVector(
  ruleSet: CompiledRuleSet,
  vector: TestVector,
  options: RuleSetOptions & { file?: RuleSetFile } = {},
): VectorResult {
  return runOne(ruleSet, vector, options);
}

function runOne(
  ruleSet: CompiledRuleSet,
  vector: TestVector,
  options: RuleSetOptions & { file?: RuleSetFile },
  variants?: Variants,
): VectorResult {
  const c = ruleSetFor(ruleSet, vector, options, variants);
  if (E.isLeft(c)) return { name: vector.name, passed: false, mismatches: [], issues: c.left.issues };
  const asOf = vector.asOf ?? c.right.validFrom;
  // A vector's date belongs to its scenario (ages and time windows count from it): moving it into the
  // period would change what the vector says, so a date outside the period is kept as written.
  const rs = inForceOn(c.right, asOf) ? c.right : withoutPeriod(c.right);
  const lang = options.lang ?? 'nb';
  const r =
    vector.person !== undefined ? evaluate(rs, vector.person, { asOf, lang }) : evaluateFacts(rs, vector.facts ?? {}, { asOf, lang });
  if (E.isLeft(r)) return { name: vector.name, passed: false, mismatches: [], issues: r.left.issues };
  const d = r.right;
  const by = new Map(d.outcomes.map((o) => [o.ruleId, o.outcome]));
  const mismatches: VectorMismatch[] = [];
  const check = (ids: readonly string[] | undefined, want: Truth) => {
    for (const id of ids ?? []) {
      const got = by.get(id);
      if (got !== want) mismatches.push({ ruleId: id, expected: outcomeName(want), actual: outcomeName(got) });
    }
  };
  check(vector.expect.fired, true);
  check(vector.expect.notFired, false);
  check(vector.expect.unknown, 'unknown');
  const findingOf = (f: (typeof d.findings)[number]) => {
    const v = f.params['finding'];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : f.type;
  };
  const findings = new Set(d.findings.map(findingOf));
  for (const f of vector.expect.findings ?? [])
    if (!findings.has(f)) mismatches.push({ expected: `finding ${f}`, actual: [...findings].join(', ') || '—' });
  if (vector.expect.tier !== undefined && d.score?.tier !== vector.expect.tier)
    mismatches.push({ expected: `tier ${vector.expect.tier}`, actual: `tier ${d.score?.tier ?? '—'}` });
  if (vector.expect.points !== undefined && d.score?.points !== vector.expect.points)
    mismatches.push({ expected: `points ${vector.expect.points}`, actual: `points ${d.score?.points ?? '—'}` });
  return { name: vector.name, passed: mismatches.length === 0, mismatches, decision: d };
}

/**
 * Runs every vector in a file. Vectors that set the same parameter values share one compiled variant
 * of the rule set: twenty vectors on a large rule set cost one compile per distinct set of values,
 * not one each.
 */
export function runVectors(ruleSet: CompiledRuleSet, file: TestVectorFile, options: RuleSetOptions = {}): VectorResult[] {
  const variants: Variants = new Map();
  const opts = { ...options, file: ruleSet.file };
  return file.vectors.map((v) => runOne(ruleSet, v, opts, variants));
}
