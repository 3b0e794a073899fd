import * as E from '../../util/either.js';
import type { CompiledRuleSet } from '../../engine/compile.js';
import type { Decision } from '../../engine/decision.js';
import type { Lang } from '../../model/lang.js';
import { resolveLang } from '../../model/lang.js';
import type { CardOptions } from './cards.js';
import { toCards } from './cards.js';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import { cdsHooksIssue } from './issueMessages.js';
import type { CdsCard } from './schema.js';

/*
 * The cards for every decision of one chart opening, in one call. `evaluateAll` returns one decision
 * per rule set; each decision names its rule set (id and version), so the rule set is found by that
 * name rather than by position, and a host never zips two arrays by index.
 */

const URGENCY: Readonly<Record<CdsCard['indicator'], number>> = { critical: 0, warning: 1, info: 2 };

const OPTION_FIELDS = new Set(['hookInstance', 'patient']);

/** A field of the host's options; a getter that throws reads as absent. */
function readField(o: object, name: string): unknown {
  try {
    return (o as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/** The language of an error, read without trusting the options object. */
function errorLang(options: unknown): Lang {
  try {
    return resolveLang(typeof options === 'object' && options !== null ? (options as { lang?: unknown }).lang : undefined);
  } catch {
    return 'nb';
  }
}

/**
 * The cards for all of `evaluateAll`'s decisions, most urgent first across rule sets (critical,
 * warning, info; within one urgency, in the order of the decisions). Each decision is matched to the
 * rule set it came from by id and version, among `ruleSets`. Never throws: a decision whose rule set
 * is not given (`cds_no_rule_set` at `decisions[i]`), a damaged decision or bad options give one
 * `InvalidCdsHooks` error (`message: 'cards'`) with the decision's index in the path.
 *
 * @example
 * ```ts
 * import { evaluateAll } from 'oppfolgingsteam';
 * import { cdsResponse, toCardsForAll } from 'oppfolgingsteam/cds-hooks';
 *
 * const decisions = evaluateAll(ruleSets, person, { asOf: '2026-11-23' });
 * if (decisions._tag === 'Right') {
 *   const cards = toCardsForAll(decisions.right, ruleSets, { hookInstance, patient: 'Patient/p1' });
 *   if (cards._tag === 'Right') send(200, cdsResponse(cards.right));
 * }
 * ```
 */
export function toCardsForAll(
  decisions: readonly Decision[],
  ruleSets: readonly CompiledRuleSet[],
  options: CardOptions,
): E.Either<InvalidCdsHooksError, CdsCard[]> {
  const lang = errorLang(options);
  if (!Array.isArray(decisions))
    return E.left(invalidCdsHooks('cards', [cdsHooksIssue('invalid_type', ['decisions'], lang, { expected: 'array' })]));
  if (!Array.isArray(ruleSets))
    return E.left(invalidCdsHooks('cards', [cdsHooksIssue('invalid_type', ['ruleSets'], lang, { expected: 'array' })]));
  // The options are checked once, so that no decisions and bad options is still an error.
  for (const name of ['hookInstance', 'patient'] as const) {
    const v = typeof options === 'object' && options !== null ? readField(options, name) : undefined;
    if (typeof v !== 'string' || v.trim() === '') return E.left(invalidCdsHooks('cards', [cdsHooksIssue('missing', [name], lang)]));
  }
  const byName = new Map<string, CompiledRuleSet>();
  for (const rs of ruleSets as readonly unknown[]) {
    const r = rs as Partial<CompiledRuleSet> | null;
    if (typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.version === 'string')
      byName.set(`${r.id}@${r.version}`, r as CompiledRuleSet);
  }
  const cards: CdsCard[] = [];
  for (const [i, d] of (decisions as readonly unknown[]).entries()) {
    const named = typeof d === 'object' && d !== null ? (d as Partial<Decision>).ruleSet : undefined;
    const rs = typeof named === 'object' && named !== null ? byName.get(`${String(named.id)}@${String(named.version)}`) : undefined;
    if (!rs) return E.left(invalidCdsHooks('cards', [cdsHooksIssue('cds_no_rule_set', ['decisions', i], lang)]));
    const one = toCards(d as Decision, rs, options);
    if (E.isLeft(one))
      return E.left(
        invalidCdsHooks(
          'cards',
          // The decision's own issues get its index; an option's keep their path.
          one.left.issues.map((x) =>
            OPTION_FIELDS.has(String(x.segments[0])) ? x : cdsHooksIssue(x.code, ['decisions', i, ...x.segments], lang, x.detail ?? {}),
          ),
        ),
      );
    cards.push(...one.right);
  }
  // A stable sort: within one urgency, the order toCards gives and the order of the decisions stay.
  return E.right(
    cards
      .map((c, i) => [c, i] as const)
      .sort(([a, i], [b, j]) => URGENCY[a.indicator] - URGENCY[b.indicator] || i - j)
      .map(([c]) => c),
  );
}
