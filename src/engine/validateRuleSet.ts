import * as E from '../util/either.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { readInput } from '../model/inputShape.js';
import type { ValidationIssue } from '../model/issues.js';
import { formatPath, fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import type { Condition, Parameter, RuleSetFile } from '../model/ruleSet.js';
import { NamedConditions, Parameter as ParameterSchema, RuleSetFile as RuleSetFileSchema } from '../model/ruleSet.js';
import { nearestName } from '../util/suggest.js';
import { rawTooBig } from './conditionSize.js';
import { dedupe } from './issueLog.js';
import type { Seg } from './issueLog.js';

/*
 * The first step of compiling: the file and the host's options as data. The file is read once into
 * plain data, refused early when it is too big, and checked against the schema; parameter overrides
 * and shared named conditions are checked like the file. Everything after this step reads only what
 * it returns.
 */

/** A rule-set file the schema accepted, with what the host's options make of it. */
export interface ValidRuleSet {
  readonly file: RuleSetFile;
  /** Parameter values after host overrides. */
  readonly params: Record<string, Parameter['value']>;
  /** The host's shared named conditions (for the content hash). */
  readonly shared: Record<string, Condition>;
  /** Shared and local named conditions; a local one wins on a name clash. */
  readonly named: Record<string, Condition>;
  /** Problems in the host's options: they do not stop compiling, and fail it at the end. */
  readonly issues: readonly ValidationIssue[];
}

/** What {@link validateRuleSet} reads of the compile options. */
export interface ValidateOptions {
  readonly sharedConditions?: Readonly<Record<string, Condition>>;
  readonly parameters?: Readonly<Record<string, Parameter['value']>>;
}

/** Reads and checks a rule-set file and the host's options. A file the schema refuses is an error here. */
export function validateRuleSet(raw: unknown, options: ValidateOptions, lang: Lang): E.Either<InvalidRuleSetError, ValidRuleSet> {
  // Read once into plain data (a host's getter that throws is an `unreadable` issue); only the copy is read after.
  const read = readInput(raw, lang);
  if ('issue' in read) return E.left(invalidRuleSet([read.issue]));
  const input = read.value;
  // The schema takes microseconds per value: a file of 200,000 leaves would take seconds to be told
  // it is too big. The count the conditions step makes, on the raw input, refuses it first.
  const tooBig = rawTooBig(input, options.sharedConditions);
  if (tooBig) return E.left(invalidRuleSet([makeIssue('too_big', tooBig, lang, { maximum: LIMITS.conditionsPerRuleSet })]));
  const parsed = RuleSetFileSchema.safeParse(input, { reportInput: true });
  const idGuess =
    typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id.slice(0, 64)
      : undefined;
  if (!parsed.success)
    return E.left(invalidRuleSet(withLeafRoots(input, withMissingText(fromZodIssues(parsed.error.issues, lang), lang), lang), idGuess));
  const file = parsed.data;
  // A period that ends before it begins is one mistake in one field: said here, it stops the rule set
  // before every vector is refused for a date the period cannot hold.
  if (file.validTo !== undefined && file.validTo < file.validFrom)
    return E.left(invalidRuleSet([makeIssue('period_order', ['validTo'], lang, { from: file.validFrom, to: file.validTo })], file.id));

  const params: Record<string, Parameter['value']> = {};
  for (const [k, p] of Object.entries(file.parameters ?? {})) params[k] = p.value;
  const issues: ValidationIssue[] = [];
  // Host options often come from configuration files, so they are validated like the rule file itself.
  const overrides = hostRecord(options.parameters, 'parameters', lang, issues);
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (!Object.hasOwn(params, k)) {
      const suggestion = nearestName(k, Object.keys(params));
      issues.push(makeIssue('unknown_parameter', ['parameters', k], lang, suggestion ? { name: k, suggestion } : { name: k }));
      continue;
    }
    const r = ParameterSchema.shape.value.safeParse(v);
    if (r.success) params[k] = r.data;
    else issues.push(...fromZodIssues(r.error.issues, lang, ['parameters', k]));
  }
  let shared: Record<string, Condition> = {};
  const sharedInput = hostRecord(options.sharedConditions, 'sharedConditions', lang, issues);
  if (sharedInput !== undefined) {
    const r = NamedConditions.safeParse(sharedInput);
    if (r.success) shared = r.data;
    else issues.push(...fromZodIssues(r.error.issues, lang, ['sharedConditions']));
  }
  return E.right({ file, params, shared, named: { ...shared, ...(file.conditions ?? {}) }, issues });
}

/**
 * Checks that a host option is absent or a plain record within the input limits. Returns a plain copy
 * of it, or `undefined` after recording an issue (or when it is absent).
 */
function hostRecord(value: unknown, name: string, lang: Lang, issues: ValidationIssue[]): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  const read = readInput(value, lang, [name]);
  if ('issue' in read) {
    issues.push(read.issue);
    return undefined;
  }
  const copy = read.value;
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) {
    issues.push(makeIssue('invalid_type', [name], lang, { expected: 'object' }));
    return undefined;
  }
  return copy as Readonly<Record<string, unknown>>;
}

/** A missing `nb`/`nn`/`en` field is reported as a missing text, which is what policy staff need to hear. */
function withMissingText(issues: ValidationIssue[], lang: Lang): ValidationIssue[] {
  return dedupe(
    issues.map((i) => {
      const last = i.segments[i.segments.length - 1];
      if (i.code === 'missing' && (last === 'nb' || last === 'nn' || last === 'en'))
        return makeIssue('missing_text', i.segments.slice(0, -1), lang, { lang: last });
      return i;
    }),
  );
}

/** Whether a raw condition is a bare leaf: it names a fact or an operator and is no all/any/not/condition node. */
function isBareLeaf(c: unknown): boolean {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(c, k);
  return (has('fact') || has('operator')) && !has('all') && !has('any') && !has('not') && !has('condition');
}

/**
 * A bare leaf at the root of a rule's (or a named condition's) conditions fails the schema as "does
 * not match any of the allowed shapes", which does not say what to do. Such roots are found in the
 * raw input and reported as `leaf_root` instead, replacing the schema's shape issue at that path.
 */
function withLeafRoots(input: unknown, issues: ValidationIssue[], lang: Lang): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return issues;
  const roots: Seg[][] = [];
  const { rules, conditions } = input as { rules?: unknown; conditions?: unknown };
  if (Array.isArray(rules))
    rules.forEach((r, i) => {
      if (typeof r === 'object' && r !== null && isBareLeaf((r as { conditions?: unknown }).conditions))
        roots.push(['rules', i, 'conditions']);
    });
  if (typeof conditions === 'object' && conditions !== null && !Array.isArray(conditions))
    for (const [name, c] of Object.entries(conditions)) if (isBareLeaf(c)) roots.push(['conditions', name]);
  if (roots.length === 0) return issues;
  const at = new Set(roots.map((r) => formatPath(r)));
  return [...issues.filter((i) => !(i.code === 'invalid_shape' && at.has(i.path))), ...roots.map((r) => makeIssue('leaf_root', r, lang))];
}
