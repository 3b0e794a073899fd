import type { Truth } from './logic.js';

/**
 * The trace: per rule and per condition, the fact value seen, the operator, the compared value and
 * the outcome (brief, decision 3). It is plain JSON so hosts can store it as an audit record.
 */

/** A leaf condition's trace. */
export interface FactTrace {
  readonly kind: 'fact';
  readonly fact: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly path?: string;
  readonly operator: string;
  /** The compared value: the rule's constant, the parameter's value, a code-list id, or the other fact's value. */
  readonly value: unknown;
  /** Set when the compared value came from another fact. */
  readonly valueFact?: string;
  /** The fact value seen. Absent when unknown or redacted. */
  readonly factValue?: unknown;
  /** True when values were removed for an audit log. */
  readonly redacted?: true;
  /** The facts whose absence made the outcome unknown. */
  readonly missing?: readonly string[];
  readonly outcome: Truth;
}

/** A node's trace. */
export type ConditionTrace =
  | { readonly kind: 'all' | 'any'; readonly outcome: Truth; readonly children: readonly ConditionTrace[] }
  | { readonly kind: 'not'; readonly outcome: Truth; readonly child: ConditionTrace }
  | { readonly kind: 'condition'; readonly name: string; readonly outcome: Truth; readonly child: ConditionTrace }
  | FactTrace;

/** A rule's trace. */
export interface RuleTrace {
  readonly ruleId: string;
  readonly outcome: Truth;
  readonly conditions: ConditionTrace;
}

/** The leaves of a trace whose outcome is unknown: the facts that are missing. */
export function missingFacts(trace: ConditionTrace, out: Set<string> = new Set()): Set<string> {
  switch (trace.kind) {
    case 'all':
    case 'any':
      for (const c of trace.children) missingFacts(c, out);
      break;
    case 'not':
    case 'condition':
      missingFacts(trace.child, out);
      break;
    case 'fact':
      if (trace.missing) for (const m of trace.missing) out.add(m);
  }
  return out;
}
