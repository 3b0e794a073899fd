import type { Truth } from '../engine/logic.js';
import type { ConditionTrace, RuleTrace } from '../engine/trace.js';
import { formatPath } from '../model/issues.js';
import type { Condition, RuleSetFile } from '../model/ruleSet.js';

/*
 * Condition coverage: for every condition node in a rule-set file, how often the test vectors saw it
 * true, false and unknown. A condition never seen false is never shown to matter; one never seen
 * unknown has no vector for missing data. The trace mirrors the condition tree (traced evaluation
 * visits every child), so walking both together gives each outcome its place in the file.
 */

/**
 * One condition node in a rule-set file. References to named conditions are not nodes of their own:
 * the named body is. Nor is a single-child `all` or `any` (the required wrapper around a one-leaf
 * rule root): it always has its child's outcome, so listing both would only repeat a line.
 */
export interface CoverageNode {
  /** JSON path into the rule-set file. */
  readonly segments: readonly (string | number)[];
  readonly path: string;
  readonly condition: Condition;
}

/** How often a node was seen with each outcome. */
export interface CoverageEntry extends CoverageNode {
  readonly seenTrue: number;
  readonly seenFalse: number;
  readonly seenUnknown: number;
}

/** Accumulates outcomes from decision traces. */
export interface CoverageCollector {
  /** Adds the traces of one decision. Traces of rules not in the file are ignored. */
  add(traces: readonly RuleTrace[]): void;
  /** Every node in file order, with its counts. */
  entries(): CoverageEntry[];
}

type Seg = string | number;

/** The child of a single-child `all` or `any`, which coverage sees through. */
function singleChild(c: Condition): { kind: 'all' | 'any'; child: Condition } | undefined {
  if ('all' in c && c.all.length === 1) return { kind: 'all', child: c.all[0]! };
  if ('any' in c && c.any.length === 1) return { kind: 'any', child: c.any[0]! };
  return undefined;
}

/** Every condition node of a rule-set file: the rules' conditions and the named conditions. */
export function coverageNodes(file: RuleSetFile): CoverageNode[] {
  const out: CoverageNode[] = [];
  const walk = (c: Condition, segs: Seg[]) => {
    if ('condition' in c) return;
    const single = singleChild(c);
    if (single) return walk(single.child, [...segs, single.kind, 0]);
    out.push({ segments: segs, path: formatPath(segs), condition: c });
    if ('all' in c) c.all.forEach((k, i) => walk(k, [...segs, 'all', i]));
    else if ('any' in c) c.any.forEach((k, i) => walk(k, [...segs, 'any', i]));
    else if ('not' in c) walk(c.not, [...segs, 'not']);
  };
  file.rules.forEach((r, i) => walk(r.conditions, ['rules', i, 'conditions']));
  for (const [name, c] of Object.entries(file.conditions ?? {})) walk(c, ['conditions', name]);
  return out;
}

/** Starts collecting coverage for a rule-set file. */
export function createCoverage(file: RuleSetFile): CoverageCollector {
  const nodes = coverageNodes(file);
  const counts = new Map<string, [number, number, number]>(nodes.map((n) => [n.path, [0, 0, 0]]));
  const ruleIndex = new Map(file.rules.map((r, i) => [r.id, i]));
  const named = file.conditions ?? {};
  const record = (segs: Seg[], outcome: Truth) => {
    const c = counts.get(formatPath(segs));
    if (c) c[outcome === true ? 0 : outcome === false ? 1 : 2]++;
  };
  const walk = (c: Condition, t: ConditionTrace, segs: Seg[]): void => {
    if ('condition' in c) {
      if (t.kind !== 'condition') return;
      const body = Object.prototype.hasOwnProperty.call(named, c.condition) ? named[c.condition] : undefined;
      // Shared conditions passed in by a host live outside the file: nothing to place.
      if (body !== undefined) walk(body, t.child, ['conditions', c.condition]);
      return;
    }
    const single = singleChild(c);
    if (single) {
      if (t.kind === single.kind && t.children[0]) walk(single.child, t.children[0], [...segs, single.kind, 0]);
      return;
    }
    record(segs, t.outcome);
    if ('all' in c || 'any' in c) {
      const kind = 'all' in c ? 'all' : 'any';
      const kids = 'all' in c ? c.all : c.any;
      if (t.kind !== kind) return;
      kids.forEach((k, i) => {
        const kt = t.children[i];
        if (kt) walk(k, kt, [...segs, kind, i]);
      });
    } else if ('not' in c) {
      if (t.kind === 'not') walk(c.not, t.child, [...segs, 'not']);
    }
  };
  return {
    add(traces) {
      for (const rt of traces) {
        const i = ruleIndex.get(rt.ruleId);
        if (i !== undefined) walk(file.rules[i]!.conditions, rt.conditions, ['rules', i, 'conditions']);
      }
    },
    entries() {
      return nodes.map((n) => {
        const [t, f, u] = counts.get(n.path)!;
        return { ...n, seenTrue: t, seenFalse: f, seenUnknown: u };
      });
    },
  };
}
