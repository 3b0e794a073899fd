import * as E from 'fp-ts/lib/Either.js';
import type { RuleSetOptions } from '../ruleSets/load.js';
import { compileRuleSet } from '../ruleSets/load.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { checkInputShape } from '../model/inputShape.js';
import { fromZodIssues } from '../model/issues.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { RuleSetFile } from '../model/ruleSet.js';
import type { TestVector } from '../model/vectors.js';
import { TestVectorFile } from '../model/vectors.js';
import type { CompiledRuleSet } from './compile.js';
import type { Decision } from './decision.js';
import { evaluate, evaluateFacts } from './evaluate.js';
import type { Truth } from './logic.js';

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
  const shape = checkInputShape(input, lang);
  if (shape) return E.left(invalidRuleSet([shape]));
  const r = TestVectorFile.safeParse(input, { reportInput: true });
  return r.success ? E.right(r.data) : E.left(invalidRuleSet(fromZodIssues(r.error.issues, lang)));
}

function outcomeName(t: Truth | undefined): string {
  return t === undefined ? 'missing' : t === 'unknown' ? 'unknown' : t ? 'fired' : 'notFired';
}

/**
 * Runs one vector. Vectors with `parameters` compile their own variant of the rule set, so
 * `file` (the rule set's source) is needed for those.
 */
export function runVector(ruleSet: CompiledRuleSet, vector: TestVector, options: RuleSetOptions & { file?: RuleSetFile } = {}): VectorResult {
  let rs = ruleSet;
  if (vector.parameters) {
    const c = compileRuleSet(options.file ?? ruleSet.file, { ...options, parameters: { ...(options.parameters ?? {}), ...vector.parameters } });
    if (E.isLeft(c)) return { name: vector.name, passed: false, mismatches: [], issues: c.left.issues };
    rs = c.right;
  }
  const lang = options.lang ?? 'nb';
  const r = vector.person !== undefined ? evaluate(rs, vector.person, { asOf: vector.asOf, lang }) : evaluateFacts(rs, vector.facts ?? {}, { asOf: vector.asOf, lang });
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
  for (const f of vector.expect.findings ?? []) if (!findings.has(f)) mismatches.push({ expected: `finding ${f}`, actual: [...findings].join(', ') || '—' });
  if (vector.expect.tier !== undefined && d.score?.tier !== vector.expect.tier) mismatches.push({ expected: `tier ${vector.expect.tier}`, actual: `tier ${d.score?.tier ?? '—'}` });
  if (vector.expect.points !== undefined && d.score?.points !== vector.expect.points) mismatches.push({ expected: `points ${vector.expect.points}`, actual: `points ${d.score?.points ?? '—'}` });
  return { name: vector.name, passed: mismatches.length === 0, mismatches, decision: d };
}

/** Runs every vector in a file. */
export function runVectors(ruleSet: CompiledRuleSet, file: TestVectorFile, options: RuleSetOptions = {}): VectorResult[] {
  return file.vectors.map((v) => runVector(ruleSet, v, { ...options, file: ruleSet.file }));
}
