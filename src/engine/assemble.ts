import type { CodeList } from '../facts/codeList.js';
import type { Condition, Parameter, RuleSetFile } from '../model/ruleSet.js';
import { canonicalJson, sha256Hex } from '../util/sha256.js';
import type { CompiledRule, CompiledRuleSet } from './compiled.js';
import type { FactSlot } from './factSlots.js';
import type { IssueLog } from './issueLog.js';
import { fillRuleTexts } from './placeholders.js';

/*
 * The last step of compiling: the score tiers with their parameters resolved, the content hash, the
 * rules' texts with their parameters filled in, the rules in evaluation order, and the whole frozen.
 */

/** The score tiers, highest first, with parameter cut-offs resolved; issues for those that do not resolve. */
export function resolveTiers(
  file: RuleSetFile,
  params: Readonly<Record<string, Parameter['value']>>,
  log: IssueLog,
): CompiledRuleSet['tiers'] {
  if (!file.scoring) return undefined;
  return file.scoring.tiers
    .map((t, i) => {
      const mp = t.minPoints;
      if (typeof mp === 'number') return { tier: t.tier, minPoints: mp };
      const v = Object.hasOwn(params, mp.param) ? params[mp.param] : undefined;
      if (typeof v !== 'number') {
        // A value of the wrong kind is wrong where the parameter is set.
        if (v === undefined) log.issue('unknown_parameter', ['scoring', 'tiers', i, 'minPoints'], { name: mp.param });
        else log.issue('operator_value', ['parameters', mp.param, 'value'], { operator: 'minPoints', expected: 'number' });
        return { tier: t.tier, minPoints: Number.NaN };
      }
      return { tier: t.tier, minPoints: v };
    })
    .sort((a, b) => b.minPoints - a.minPoints);
}

/** What the earlier steps made of a rule set without issues. */
export interface RuleSetParts {
  readonly file: RuleSetFile;
  readonly params: Record<string, Parameter['value']>;
  readonly shared: Record<string, Condition>;
  readonly named: Record<string, Condition>;
  /** In file order. */
  readonly rules: readonly CompiledRule[];
  readonly slots: readonly FactSlot[];
  readonly tiers: CompiledRuleSet['tiers'];
  readonly usedLists: ReadonlySet<string>;
  readonly codeLists: ReadonlyMap<string, CodeList>;
}

/** The compiled rule set: hashed, its rules in evaluation order (priority, then file order), frozen. */
export function assemble(p: RuleSetParts): CompiledRuleSet {
  const codeLists = new Map<string, CodeList>();
  for (const id of [...p.usedLists].sort()) codeLists.set(id, p.codeLists.get(id)!);
  const { $schema: _schema, ...hashed } = p.file;
  const contentHash = sha256Hex(
    canonicalJson({
      ruleSet: hashed,
      parameters: p.params,
      sharedConditions: p.shared,
      codeLists: [...codeLists.values()].map((l) => l.file),
    }),
  );
  const file = fillRuleTexts(p.file, p.params);
  // Rules are in file order and their ids are unique (compiling refused duplicates).
  const filled = new Map(file.rules.map((r) => [r.id, r]));
  const ordered = p.rules
    .map((r) => ({ ...r, rule: filled.get(r.rule.id) ?? r.rule }))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.rule.priority ?? 1) - (a.r.rule.priority ?? 1) || a.i - b.i)
    .map((x) => x.r);
  return deepFreeze({
    id: p.file.id,
    version: p.file.version,
    contentHash,
    validFrom: p.file.validFrom,
    validTo: p.file.validTo,
    // The hash is of the file as written; every output reads the texts with the parameters filled in.
    file,
    parameters: p.params,
    rules: ordered,
    slots: p.slots,
    tiers: p.tiers,
    codeLists,
    namedConditions: p.named,
  });
}

/**
 * Freezes the plain data we own (the file, parameters, slots, rules). Class instances such as zod
 * schemas inside fact definitions, and Maps, are left alone: zod defines methods on first use. The
 * rules' closures hold no state: what evaluation keeps between calls is the rule set's runtime
 * (runtime.ts), not part of this object.
 */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return o;
    Object.freeze(o);
    for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  }
  return o;
}
