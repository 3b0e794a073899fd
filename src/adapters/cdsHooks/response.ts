import * as E from '../../util/either.js';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import type { Lang } from '../../model/lang.js';
import { resolveLang } from '../../model/lang.js';
import { cdsHooksIssue } from './issueMessages.js';
import { cdsIssues } from './issues.js';
import { readInput } from '../../model/inputShape.js';
import { acceptsResponse } from './fastResponse.js';
import type { CdsAction, CdsCard } from './schema.js';
import { CdsHooksResponse } from './schema.js';

/*
 * The response a CDS service returns for a hook call, and a validator a vendor can run on any
 * response (ours or their own) before it reaches a CDS client.
 */

/** Validates a CDS Hooks 2.0 response, invariants cds-resp-1..7 included; issues are localized. */
export function validateCdsResponse(input: unknown, lang: Lang = 'nb'): E.Either<InvalidCdsHooksError, CdsHooksResponse> {
  return validated(input, lang, false);
}

/** {@link validateCdsResponse}, with the fast accept path for the copy first when `fast`. */
function validated(input: unknown, lang: Lang, fast: boolean): E.Either<InvalidCdsHooksError, CdsHooksResponse> {
  // Before zod and the invariant walk, both recursive: bounded depth and size, JSON only.
  const read = readInput(input, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidCdsHooks('response', [read.issue]));
  if (fast && acceptsResponse(read.value)) return E.right(read.value as CdsHooksResponse);
  const r = CdsHooksResponse.safeParse(read.value);
  const issues = cdsIssues(read.value, r.success ? [] : r.error.issues, lang, new Set(['cards']));
  if (issues.length > 0) return E.left(invalidCdsHooks('response', issues));
  return E.right(r.data!);
}

/**
 * Builds a response from cards (of one or more rule sets) and optional system actions (e.g. creating
 * the RiskAssessment without showing it), and validates it. A Left here means a caller-supplied card
 * or action is invalid; cards from `toCards` always validate. Cards of the shape `toCards` makes are
 * checked by a fast structural check, which accepts only what the schema accepts and hands anything
 * else to the full validation (`fastParse: false` validates everything with the schema alone; the
 * response is the same either way).
 *
 * @example
 * ```ts
 * const cards = toCards(decision, ruleSet, options);
 * if (cards._tag === 'Left') throw new Error(cards.left.issues[0]!.message); // a decision paired with another rule set
 * const response = cdsResponse(cards.right);
 * // Send the body, not the Either around it.
 * if (response._tag === 'Left') send(500, response.left.issues);
 * else send(200, response.right);
 * ```
 */
export function cdsResponse(
  cards: readonly CdsCard[],
  options: { systemActions?: readonly CdsAction[]; lang?: Lang; fastParse?: boolean } = {},
): E.Either<InvalidCdsHooksError, CdsHooksResponse> {
  if (typeof options !== 'object' || options === null)
    return E.left(invalidCdsHooks('response', [cdsHooksIssue('invalid_type', ['options'], 'nb', { expected: 'object' })]));
  let response: Record<string, unknown>;
  let lang: Lang;
  try {
    lang = resolveLang(options.lang);
    const actions: unknown = options.systemActions;
    // Anything that is not an array goes to the validator as it is, which names it.
    response = {
      cards: Array.isArray(cards) ? [...cards] : cards,
      ...(Array.isArray(actions)
        ? actions.length > 0
          ? { systemActions: [...actions] }
          : {}
        : actions !== undefined
          ? { systemActions: actions }
          : {}),
    };
  } catch {
    // A getter or proxy trap of the host's object threw.
    return E.left(invalidCdsHooks('response', [cdsHooksIssue('unreadable', [], 'nb')]));
  }
  return validated(response, lang, options.fastParse !== false);
}
