import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromDecision } from './checked.js';
import type { CompiledRuleSet } from '../../../engine/compile.js';
import type { Decision } from '../../../engine/decision.js';
import { fhirSafe } from '../model/strings.js';
import type { Flag } from '../model/resources.js';
import { HL7, ruleSystem } from '../model/systems.js';
import type { Severity } from '../../../model/ruleSet.js';
import type { FhirOutputOptions } from './common.js';
import { identifierFor, patientRef } from './common.js';

/*
 * Fired prompts → Flags, FHIR's resource for a chart banner ("identified as having large and complex
 * needs"). The flag's code is the rule (its id in the rule set's code system, with the rule-set
 * version), so a host can trace every banner back to the rule and source that raised it.
 */

/** Options for {@link toFlags}. */
export interface FlagOptions extends FhirOutputOptions {
  /** Lowest prompt severity that gets a flag. Default `warning`. */
  readonly minSeverity?: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

function buildFlags(decision: Decision, ruleSet: CompiledRuleSet, options: FlagOptions): Flag[] {
  if (decision.ruleSet.id !== ruleSet.id) throw new TypeError('the decision comes from another rule set');
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  const min = RANK[options.minSeverity ?? 'warning'];
  const titles = new Map(ruleSet.rules.map((r) => [r.rule.id, r.rule.title[lang]]));
  return decision.prompts
    .filter((p) => RANK[p.severity] >= min)
    .map((p) => {
      const title = titles.get(p.ruleId) ?? p.title;
      return fhirSafe({
        resourceType: 'Flag',
        identifier: [identifierFor(['Flag', ruleSet.id, ruleSet.version, p.ruleId, subject.reference!, decision.asOf])],
        status: 'active',
        category: [{ coding: [{ system: HL7.flagCategory, code: 'clinical' }] }],
        code: { coding: [{ system: ruleSystem(ruleSet.id), version: ruleSet.version, code: p.ruleId, display: title }], text: title },
        subject,
        period: { start: decision.asOf },
      } satisfies Flag);
    });
}

/**
 * One active Flag per fired prompt at or above `minSeverity`.
 * Never throws: options without `patient`, a decision of another rule set or a value that is not a decision is an `InvalidFhirOutput` error.
 */
export function toFlags(decision: Decision, ruleSet: CompiledRuleSet, options: FlagOptions): E.Either<InvalidFhirOutputError, Flag[]> {
  return fromDecision(decision, ruleSet, options, buildFlags);
}
