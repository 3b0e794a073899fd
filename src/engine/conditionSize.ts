import { LIMITS } from '../model/limits.js';
import type { Condition } from '../model/ruleSet.js';
import type { Seg } from './issueLog.js';

/*
 * The size of a rule set as evaluation and the trace see it: leaves counted with every named
 * condition expanded at each reference. It is counted before anything is compiled, once on the raw
 * input (so a ten-megabyte file is refused before the schema reads it) and once on the parsed file
 * (rule by rule, so `too_big` names the rule where the limit is passed). A named condition's count
 * is kept by depth and name, so counting costs one visit per condition node and depth however often
 * the names are referenced: a small file whose named conditions refer to each other a hundred times
 * per level is counted in microseconds, instead of being expanded into millions of nodes first.
 */

const CAP = LIMITS.conditionsPerRuleSet + 1;

/** Counts a parsed file's leaves, rule by rule, with named conditions expanded. */
export class LeafCounter {
  private total = 0;
  /** Expanded leaf counts of named conditions, by depth and name. */
  private readonly byName = new Map<string, number>();

  constructor(private readonly named: Readonly<Record<string, Condition>>) {}

  /** Adds the leaves of `c` (a rule's conditions, or a named condition no rule reached); false once past the limit. */
  add(c: Condition, depth: number): boolean {
    this.total = Math.min(this.total + this.leaves(c, depth), CAP);
    return this.total <= LIMITS.conditionsPerRuleSet;
  }

  /**
   * Leaves under `c` at `depth`, capped just past the limit. Nothing below the depth limit is
   * counted: compiling stops there too (`too_deep`), and the cut bounds the recursion, cycles
   * included (a cycle is reported by the conditions step).
   */
  private leaves(c: Condition, depth: number): number {
    if (depth > LIMITS.conditionDepth) return 0;
    if ('all' in c || 'any' in c) {
      let n = 0;
      for (const k of 'all' in c ? c.all : c.any) {
        n = Math.min(n + this.leaves(k, depth + 1), CAP);
        if (n === CAP) break;
      }
      return n;
    }
    if ('not' in c) return this.leaves(c.not, depth + 1);
    if ('condition' in c) {
      const name = c.condition;
      const target = Object.hasOwn(this.named, name) ? this.named[name] : undefined;
      if (target === undefined) return 0;
      const key = `${depth}|${name}`;
      let n = this.byName.get(key);
      if (n === undefined) this.byName.set(key, (n = this.leaves(target, depth + 1)));
      return n;
    }
    return 1;
  }
}

/**
 * Counts, on the raw input before the schema has seen it, what {@link LeafCounter} counts on the
 * parsed file: each rule's leaves with named conditions expanded, then each named condition no rule
 * reached, expanded. For a file the schema accepts the two counts are the same; anything the schema
 * would refuse counts as nothing (or as one leaf), so a broken file is reported by the schema.
 * Returns the path where the count passes `conditionsPerRuleSet`, or `undefined`.
 */
export function rawTooBig(input: unknown, sharedInput: unknown): Seg[] | undefined {
  const record = (x: unknown): Record<string, unknown> | undefined =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
  const file = record(input);
  const rules = file?.['rules'];
  if (!file || !Array.isArray(rules)) return undefined;
  const own = record(file['conditions']) ?? {};
  // Host options are read with the same care later (validateRuleSet); a throwing getter here counts as nothing.
  let shared: Record<string, unknown> = {};
  try {
    shared = record(sharedInput) ?? {};
  } catch {
    shared = {};
  }
  const lookup = (name: string): unknown => (Object.hasOwn(own, name) ? own[name] : Object.hasOwn(shared, name) ? shared[name] : undefined);
  const memo = new Map<string, number>();
  const reached = new Set<string>();
  const count = (c: unknown, depth: number): number => {
    const o = record(c);
    if (!o || depth > LIMITS.conditionDepth) return 0;
    const list = Array.isArray(o['all']) ? o['all'] : Array.isArray(o['any']) ? o['any'] : undefined;
    if (list) {
      let n = 0;
      for (const k of list as unknown[]) {
        n = Math.min(n + count(k, depth + 1), CAP);
        if (n === CAP) break;
      }
      return n;
    }
    if (Object.hasOwn(o, 'not')) return count(o['not'], depth + 1);
    if (typeof o['condition'] === 'string') {
      const name = o['condition'];
      const target = lookup(name);
      if (target === undefined) return 0;
      reached.add(name);
      const key = `${depth}|${name}`;
      let n = memo.get(key);
      if (n === undefined) memo.set(key, (n = count(target, depth + 1)));
      return n;
    }
    return 1;
  };
  let total = 0;
  for (let i = 0; i < rules.length; i++) {
    total = Math.min(total + count(record(rules[i])?.['conditions'], 1), CAP);
    if (total === CAP) return ['rules', i, 'conditions'];
  }
  for (const [name, c] of Object.entries(own)) {
    if (reached.has(name)) continue;
    reached.add(name);
    total = Math.min(total + count(c, 1), CAP);
    if (total === CAP) return ['conditions', name];
  }
  return undefined;
}
