import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import type { Decision } from '../engine/decision.js';
import { evaluateParsed, parsePerson } from '../engine/evaluate.js';
import type { Truth } from '../engine/logic.js';
import type { IssueCode } from '../model/issues.js';

/*
 * Impact of a rule change on a cohort: run every person through the old and the new rule sets as of
 * one date and count whose decision changes, by rule and by risk tier, with a few examples. Pure and
 * incremental (add persons one by one), so a CLI can stream a large file and population tools can
 * reuse it on a synthetic cohort. Examples are the caller's references (an id or a line number),
 * never health data.
 */

/** One rule set in its old and new version; a side is absent when the rule set was added or removed. */
export interface ImpactPair {
  readonly id: string;
  readonly before?: CompiledRuleSet;
  readonly after?: CompiledRuleSet;
}

/** A rule's outcome for one person; `absent` when the rule does not exist in that version. */
export type OutcomeName = 'fired' | 'notFired' | 'unknown' | 'absent';

/** How many persons moved from one outcome to another. */
export interface OutcomeTransition<T extends string> {
  readonly from: T;
  readonly to: T;
  readonly count: number;
}

/** The impact on one rule. */
export interface RuleImpact {
  readonly ruleSetId: string;
  readonly ruleId: string;
  /** Persons whose outcome for this rule changed. */
  readonly changed: number;
  readonly transitions: readonly OutcomeTransition<OutcomeName>[];
  /** References of the first persons affected. */
  readonly examples: readonly string[];
}

/** Risk tier moves in a rule set with scoring. */
export interface TierImpact {
  readonly ruleSetId: string;
  readonly transitions: readonly OutcomeTransition<string>[];
  readonly examples: readonly string[];
  /** Persons whose points changed (with or without a tier change). */
  readonly pointsChanged: number;
}

/** Persons per risk tier before and after the change, in a rule set with scoring (`none`: no score). */
export interface TierTotals {
  readonly ruleSetId: string;
  readonly before: Readonly<Record<string, number>>;
  readonly after: Readonly<Record<string, number>>;
}

/** A person that could not be evaluated: the reference and the paths and codes of the problems. */
export interface InvalidPersonRef {
  readonly ref: string;
  readonly issues: readonly { readonly path: string; readonly code: IssueCode }[];
}

/** The whole impact report. */
export interface ImpactReport {
  readonly asOf: string;
  /** Persons read, valid or not. */
  readonly persons: number;
  /** Persons whose decision changed in at least one rule set. */
  readonly changed: number;
  readonly changedExamples: readonly string[];
  /** Per rule set: how many persons' decisions changed. */
  readonly byRuleSet: readonly { readonly id: string; readonly changed: number }[];
  /** Rules whose outcome changed for at least one person, most changed first. */
  readonly byRule: readonly RuleImpact[];
  readonly tiers: readonly TierImpact[];
  /** Persons per tier before and after, per rule set with scoring: the totals the moves above add up to. */
  readonly tierTotals: readonly TierTotals[];
  readonly invalid: number;
  readonly invalidExamples: readonly InvalidPersonRef[];
}

/** Options for {@link createImpact}. */
export interface ImpactOptions {
  /** The date every decision is made as of. Both versions must be valid on it ({@link isValidOn}). */
  readonly asOf: string;
  /** Examples kept per rule and overall. Default 5. */
  readonly examples?: number;
}

/** An impact being accumulated. */
export interface ImpactCollector {
  /** Evaluates one person (unvalidated input) under both versions. */
  add(ref: string, person: unknown): void;
  /** The report so far. */
  report(): ImpactReport;
}

/** True when a rule set may be used on a date (its validity period includes it). */
export function isValidOn(ruleSet: CompiledRuleSet, asOf: string): boolean {
  return asOf >= ruleSet.validFrom && (ruleSet.validTo === undefined || asOf <= ruleSet.validTo);
}

const name = (t: Truth | undefined): OutcomeName => (t === undefined ? 'absent' : t === 'unknown' ? 'unknown' : t ? 'fired' : 'notFired');
/** A rule that does not exist and a rule that does not fire make the same decision. */
const decisive = (o: OutcomeName): OutcomeName => (o === 'absent' ? 'notFired' : o);

function outcomes(d: Decision | undefined): Map<string, Truth> {
  return new Map((d?.outcomes ?? []).map((o) => [o.ruleId, o.outcome]));
}

/** Starts an impact report. Throws when a rule set is not valid on `asOf` (check with {@link isValidOn}). */
export function createImpact(pairs: readonly ImpactPair[], options: ImpactOptions): ImpactCollector {
  const { asOf } = options;
  const max = options.examples ?? 5;
  for (const p of pairs)
    for (const rs of [p.before, p.after])
      if (rs && !isValidOn(rs, asOf)) throw new RangeError(`createImpact: rule set ${rs.id} ${rs.version} is not valid on ${asOf}`);

  let persons = 0;
  let changed = 0;
  const changedExamples: string[] = [];
  const invalidExamples: InvalidPersonRef[] = [];
  let invalid = 0;
  const perSet = new Map(pairs.map((p) => [p.id, 0]));
  const rules = new Map<
    string,
    { ruleSetId: string; ruleId: string; changed: number; transitions: Map<string, number>; examples: string[] }
  >();
  const tiers = new Map<string, { transitions: Map<string, number>; examples: string[]; pointsChanged: number }>();
  const totals = new Map<string, { before: Record<string, number>; after: Record<string, number> }>();
  const keep = (list: string[], ref: string) => {
    if (list.length < max) list.push(ref);
  };

  return {
    add(ref, input) {
      persons++;
      const p = parsePerson(input, 'en');
      if (E.isLeft(p)) {
        invalid++;
        if (invalidExamples.length < max)
          invalidExamples.push({ ref, issues: p.left.issues.slice(0, 5).map((i) => ({ path: i.path, code: i.code })) });
        return;
      }
      let personChanged = false;
      for (const pair of pairs) {
        const before = pair.before ? evaluateParsed(pair.before, p.right, { asOf, trace: 'none' }) : undefined;
        const after = pair.after ? evaluateParsed(pair.after, p.right, { asOf, trace: 'none' }) : undefined;
        const ob = outcomes(before);
        const oa = outcomes(after);
        let setChanged = false;
        for (const ruleId of new Set([...ob.keys(), ...oa.keys()])) {
          const from = name(ob.get(ruleId));
          const to = name(oa.get(ruleId));
          if (decisive(from) === decisive(to)) continue;
          setChanged = true;
          const key = `${pair.id}\u0000${ruleId}`;
          let r = rules.get(key);
          if (!r) rules.set(key, (r = { ruleSetId: pair.id, ruleId, changed: 0, transitions: new Map(), examples: [] }));
          r.changed++;
          r.transitions.set(`${from}>${to}`, (r.transitions.get(`${from}>${to}`) ?? 0) + 1);
          keep(r.examples, ref);
        }
        const sb = before?.score;
        const sa = after?.score;
        if (sb || sa) {
          let t = tiers.get(pair.id);
          if (!t) tiers.set(pair.id, (t = { transitions: new Map(), examples: [], pointsChanged: 0 }));
          const tb = sb?.tier ?? 'none';
          const ta = sa?.tier ?? 'none';
          let tt = totals.get(pair.id);
          if (!tt) totals.set(pair.id, (tt = { before: {}, after: {} }));
          tt.before[tb] = (tt.before[tb] ?? 0) + 1;
          tt.after[ta] = (tt.after[ta] ?? 0) + 1;
          if (sb?.points !== sa?.points) {
            t.pointsChanged++;
            setChanged = true;
          }
          if (tb !== ta) {
            t.transitions.set(`${tb}>${ta}`, (t.transitions.get(`${tb}>${ta}`) ?? 0) + 1);
            keep(t.examples, ref);
            setChanged = true;
          }
        }
        if (setChanged) {
          perSet.set(pair.id, (perSet.get(pair.id) ?? 0) + 1);
          personChanged = true;
        }
      }
      if (personChanged) {
        changed++;
        keep(changedExamples, ref);
      }
    },
    report() {
      const split = <T extends string>(m: Map<string, number>): OutcomeTransition<T>[] =>
        [...m.entries()]
          .map(([k, count]) => {
            const [from, to] = k.split('>') as [T, T];
            return { from, to, count };
          })
          .sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
      return {
        asOf,
        persons,
        changed,
        changedExamples: [...changedExamples],
        byRuleSet: pairs.map((p) => ({ id: p.id, changed: perSet.get(p.id) ?? 0 })),
        byRule: [...rules.values()]
          .map((r) => ({
            ruleSetId: r.ruleSetId,
            ruleId: r.ruleId,
            changed: r.changed,
            transitions: split<OutcomeName>(r.transitions),
            examples: [...r.examples],
          }))
          .sort((a, b) => b.changed - a.changed || (a.ruleSetId + a.ruleId < b.ruleSetId + b.ruleId ? -1 : 1)),
        tiers: [...tiers.entries()]
          .filter(([, t]) => t.transitions.size > 0 || t.pointsChanged > 0)
          .map(([id, t]) => ({
            ruleSetId: id,
            transitions: split<string>(t.transitions),
            examples: [...t.examples],
            pointsChanged: t.pointsChanged,
          })),
        tierTotals: [...totals.entries()].map(([id, t]) => ({ ruleSetId: id, before: { ...t.before }, after: { ...t.after } })),
        invalid,
        invalidExamples: [...invalidExamples],
      };
    },
  };
}

/** Computes the impact over a whole cohort at once. */
export function computeImpact(
  pairs: readonly ImpactPair[],
  persons: Iterable<{ readonly ref: string; readonly person: unknown }>,
  options: ImpactOptions,
): ImpactReport {
  const c = createImpact(pairs, options);
  for (const p of persons) c.add(p.ref, p.person);
  return c.report();
}
