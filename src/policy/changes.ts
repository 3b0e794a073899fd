import * as E from '../util/either.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import type { CodeListFile, Parameter, Rule, RuleSetFile } from '../model/ruleSet.js';
import { canonicalJson } from '../util/sha256.js';
import { LANGS } from '../model/lang.js';

/*
 * What changed between two versions of a rule set or code list, as policy staff think of it: rules
 * added, removed and changed (and which of their fields), parameters with old and new values, named
 * conditions, and codes added to or removed from a list. Rules are matched by their stable id, so
 * moving a rule in the file is not a change.
 */

/** Whether something is new, gone, different or the same. */
export type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A parameter's change. */
export interface ParameterChange {
  readonly name: string;
  readonly status: ChangeStatus;
  readonly before?: Parameter['value'];
  readonly after?: Parameter['value'];
  /** Fields other than the value that changed (description, evidence, source, rationale). */
  readonly fields: readonly string[];
}

/** A rule's change. */
export interface RuleChange {
  readonly id: string;
  readonly status: ChangeStatus;
  /** Changed fields; texts per language, e.g. `conditions`, `text.nn`, `event`. */
  readonly fields: readonly string[];
  readonly before?: Rule;
  readonly after?: Rule;
}

/** A named condition's change. */
export interface NamedConditionChange {
  readonly name: string;
  readonly status: ChangeStatus;
}

/** The changes between two versions of one rule set; either side may be absent. */
export interface RuleSetChanges {
  readonly id: string;
  readonly status: ChangeStatus;
  readonly versionBefore?: string;
  readonly versionAfter?: string;
  /** Changed rule-set fields other than rules, parameters and conditions (title, validity, scoring …). */
  readonly fields: readonly string[];
  readonly parameters: readonly ParameterChange[];
  readonly conditions: readonly NamedConditionChange[];
  /** Only rules that were added, removed or changed. */
  readonly rules: readonly RuleChange[];
}

/** The changes between two versions of one code list. */
export interface CodeListChanges {
  readonly id: string;
  readonly status: ChangeStatus;
  readonly versionBefore?: string;
  readonly versionAfter?: string;
  /** Entries as `SYSTEM CODE` (with group and weight when set). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Changed fields other than the entries. */
  readonly fields: readonly string[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

const isLocalized = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'nb' in v && 'nn' in v;

/** Names the fields that differ between two objects; texts in three languages are compared per language. */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>, skip: readonly string[]): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  const out: string[] = [];
  for (const k of keys) {
    if (same(a[k], b[k])) continue;
    const x = a[k];
    const y = b[k];
    if (isLocalized(x) && isLocalized(y)) {
      for (const l of LANGS) if (!same(x[l], y[l])) out.push(`${k}.${l}`);
    } else out.push(k);
  }
  return out;
}

function status<T>(before: T | undefined, after: T | undefined, changed: boolean): ChangeStatus {
  return before === undefined ? 'added' : after === undefined ? 'removed' : changed ? 'changed' : 'unchanged';
}

/**
 * Compares two versions of a rule set. Pass `undefined` for a side where it does not exist. Both
 * undefined, or a side that is not a rule-set file, is an `InvalidRuleSet` error naming the side.
 */
export function compareRuleSets(
  before: RuleSetFile | undefined,
  after: RuleSetFile | undefined,
): E.Either<InvalidRuleSetError, RuleSetChanges> {
  return compared(before, after, compareRuleSetFiles);
}

/** Checks the two sides of a comparison, and runs it; a side that does not fit is named, never thrown on. */
function compared<F, C>(
  before: F | undefined,
  after: F | undefined,
  f: (before: F | undefined, after: F | undefined) => C,
): E.Either<InvalidRuleSetError, C> {
  const sides = { before, after } as const;
  for (const [name, side] of Object.entries(sides))
    if (side !== undefined && (typeof side !== 'object' || side === null || typeof (side as { id?: unknown }).id !== 'string'))
      return E.left(invalidRuleSet([makeIssue('invalid_type', [name], 'nb', { expected: '{ id, … } or undefined' })]));
  if (before === undefined && after === undefined) return E.left(invalidRuleSet([makeIssue('missing', ['after'], 'nb')]));
  try {
    return E.right(f(before, after));
  } catch {
    const bad = after !== undefined ? 'after' : 'before';
    return E.left(invalidRuleSet([makeIssue('invalid_shape', [bad], 'nb')]));
  }
}

function compareRuleSetFiles(before: RuleSetFile | undefined, after: RuleSetFile | undefined): RuleSetChanges {
  const id = (after?.id ?? before?.id)!;
  const b = before as unknown as Record<string, unknown> | undefined;
  const a = after as unknown as Record<string, unknown> | undefined;
  const fields = b && a ? changedFields(b, a, ['$schema', 'version', 'rules', 'parameters', 'conditions']) : [];

  const pb = before?.parameters ?? {};
  const pa = after?.parameters ?? {};
  const parameters: ParameterChange[] = [];
  for (const name of [...new Set([...Object.keys(pb), ...Object.keys(pa)])].sort()) {
    const x = pb[name];
    const y = pa[name];
    const other = x && y ? changedFields(x, y, ['value']) : [];
    const s = status(x, y, !same(x?.value, y?.value) || other.length > 0);
    if (s === 'unchanged') continue;
    parameters.push({ name, status: s, ...(x ? { before: x.value } : {}), ...(y ? { after: y.value } : {}), fields: other });
  }

  const cb = before?.conditions ?? {};
  const ca = after?.conditions ?? {};
  const conditions: NamedConditionChange[] = [];
  for (const name of [...new Set([...Object.keys(cb), ...Object.keys(ca)])].sort()) {
    const s = status(cb[name], ca[name], !same(cb[name], ca[name]));
    if (s !== 'unchanged') conditions.push({ name, status: s });
  }

  const rb = new Map((before?.rules ?? []).map((r) => [r.id, r]));
  const ra = new Map((after?.rules ?? []).map((r) => [r.id, r]));
  const order = [...(after?.rules ?? []).map((r) => r.id), ...(before?.rules ?? []).map((r) => r.id).filter((x) => !ra.has(x))];
  const rules: RuleChange[] = [];
  for (const rid of order) {
    const x = rb.get(rid);
    const y = ra.get(rid);
    const f = x && y ? changedFields(x, y, []) : [];
    const s = status(x, y, f.length > 0);
    if (s === 'unchanged') continue;
    rules.push({ id: rid, status: s, fields: f, ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) });
  }

  const changed = fields.length + parameters.length + conditions.length + rules.length > 0 || before?.version !== after?.version;
  return {
    id,
    status: status(before, after, changed),
    ...(before ? { versionBefore: before.version } : {}),
    ...(after ? { versionAfter: after.version } : {}),
    fields,
    parameters,
    conditions,
    rules,
  };
}

function entryLabel(e: CodeListFile['entries'][number]): string {
  const extra = [e.group, e.weight === undefined ? undefined : String(e.weight)].filter((x) => x !== undefined);
  return `${e.system} ${e.code}${extra.length ? ` [${extra.join(', ')}]` : ''}`;
}

/** Compares two versions of a code list. Both undefined, or a side that is not a code-list file, is an `InvalidRuleSet` error naming the side. */
export function compareCodeLists(
  before: CodeListFile | undefined,
  after: CodeListFile | undefined,
): E.Either<InvalidRuleSetError, CodeListChanges> {
  return compared(before, after, compareCodeListFiles);
}

function compareCodeListFiles(before: CodeListFile | undefined, after: CodeListFile | undefined): CodeListChanges {
  const id = (after?.id ?? before?.id)!;
  const eb = new Set((before?.entries ?? []).map(entryLabel));
  const ea = new Set((after?.entries ?? []).map(entryLabel));
  const added = [...ea].filter((x) => !eb.has(x));
  const removed = [...eb].filter((x) => !ea.has(x));
  const fields =
    before && after
      ? changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
          '$schema',
          'entries',
          'version',
        ])
      : [];
  return {
    id,
    status: status(before, after, added.length + removed.length + fields.length > 0),
    ...(before ? { versionBefore: before.version } : {}),
    ...(after ? { versionAfter: after.version } : {}),
    added,
    removed,
    fields,
  };
}
