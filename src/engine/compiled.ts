import type { CodeList } from '../facts/codeList.js';
import type { Condition, Parameter, Rule, RuleSetFile } from '../model/ruleSet.js';
import type { EvalEnv, Fast, Missing, TraceMode } from './closures.js';
import type { FactSlot } from './factSlots.js';
import type { RuleTrace } from './trace.js';

/*
 * What compiling makes: plain, frozen data and closures that hold no state of their own. What an
 * evaluation keeps between calls for speed (decision parts, shared traces) belongs to the rule
 * set's runtime (runtime.ts), which is not part of this object.
 */

/** A compiled rule: its metadata and its condition as closures. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Points when the event type is `score`. */
  readonly points: number | undefined;
  /** Component for exclusive score bands (`event.params.component`), defaulting to the rule id. */
  readonly component: string;
  /** @internal */ readonly fast: Fast;
  /** The rule's trace, built anew on each call (the runtime shares them: traceSharing.ts). @internal */
  readonly buildTrace: (env: EvalEnv, mode: TraceMode) => RuleTrace;
  /** The fact slots the rule reads, each once. @internal */ readonly traceSlots: readonly number[];
  /** Whether its trace may be shared between calls with equal fact values (no operator reads asOf). @internal */ readonly sharesTrace: boolean;
  /** @internal */ readonly missing: Missing;
  /**
   * The rule's fact names in the order of their bits in {@link missing}'s mask; `undefined` when the
   * rule has more than `MASK_BITS` and its missing facts are read from a trace instead.
   * @internal
   */
  readonly factNames: readonly string[] | undefined;
}

/** A compiled, immutable rule set, ready to evaluate many persons. */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  /** SHA-256 of the rule set, its resolved parameters and the code lists it reads. */
  readonly contentHash: string;
  readonly validFrom: string;
  readonly validTo: string | undefined;
  readonly file: RuleSetFile;
  /** Parameter values after host overrides. */
  readonly parameters: Readonly<Record<string, Parameter['value']>>;
  /** Rules in evaluation and output order (priority, then file order). */
  readonly rules: readonly CompiledRule[];
  /** Facts read, one slot per fact-and-params pair. */
  readonly slots: readonly FactSlot[];
  readonly tiers: readonly { readonly tier: 'low' | 'moderate' | 'high'; readonly minPoints: number }[] | undefined;
  /** Code lists the rule set and its facts read. */
  readonly codeLists: ReadonlyMap<string, CodeList>;
  /** Named conditions after resolution (local and shared). */
  readonly namedConditions: Readonly<Record<string, Condition>>;
}
