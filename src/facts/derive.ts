import type { Person } from '../model/person.js';
import type { CodeList } from './codeList.js';
import type { FactRegistry } from './registry.js';
import { factContext } from './context.js';
import { DATE_RANGE, dateProblem, toDayNumber } from '../util/dates.js';
import { canonicalJson } from '../util/sha256.js';

/** The windows computed for facts that take `{ months }`: the two the framework's markers use. */
const DEFAULT_WINDOWS = [6, 12] as const;

/**
 * Computes every fact in a registry for one validated person, for display and debugging (the CLI's
 * `explain` shows them). Facts that take `{months}` are computed for 6 and 12 months under keys like
 * `admissions:{"months":12}`, the same keys `evaluateFacts` accepts. Unknown facts are left out.
 * Pass a person that has passed `parsePerson`.
 *
 * @throws RangeError when `asOf` is not an ISO date (programmer misuse: the host owns the date).
 */
export function deriveFacts(
  person: Person,
  asOf: string,
  facts: FactRegistry,
  codeLists: ReadonlyMap<string, CodeList>,
): Record<string, unknown> {
  if (dateProblem(asOf)) throw new RangeError(`deriveFacts: asOf is not an ISO date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`);
  const asOfDay = toDayNumber(asOf)!;
  const ctx = factContext(person, asOf, asOfDay, codeLists);
  const out: Record<string, unknown> = {};
  for (const def of facts.values()) {
    if ((def.codeLists ?? []).some((l) => !codeLists.has(l))) continue;
    const variants: (Record<string, unknown> | undefined)[] = [];
    if (def.params?.safeParse(undefined).success !== false) variants.push(undefined);
    else for (const months of DEFAULT_WINDOWS) if (def.params.safeParse({ months }).success) variants.push({ months });
    for (const p of variants) {
      const v = def.derive(ctx, p);
      if (v !== undefined) out[p ? `${def.name}:${canonicalJson(p)}` : def.name] = v;
    }
  }
  return out;
}
