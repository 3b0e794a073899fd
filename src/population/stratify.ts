import * as E from '../util/either.js';
import type { InvalidOptionsError, InvalidRuleSetError } from '../model/errors.js';
import type { StratifyOptions, StratifyResult } from './stratifier.js';
import { createStratifier, mergeStratifications } from './stratifier.js';

/**
 * Population mode: runs the identification rules (or another scoring rule set) over a cohort and
 * returns a ranked worklist with score, tier, reasons and the cut-off, each reason explained as the
 * single-person prompt explains it, plus a summary (read, ranked, rejected; tiers, sub-groups, score
 * distribution). Invalid records are counted and listed by their 1-based position; the run goes on.
 *
 * Pure and synchronous. The list is ranked by points, then by the points missing data could add,
 * then by input order. For streaming with flat memory use {@link createStratifier}; the CLI's
 * `oppfolgingsteam stratify` does that from NDJSON, with worker threads on request.
 */
export function stratify(
  cohort: Iterable<unknown>,
  options: StratifyOptions,
): E.Either<InvalidOptionsError | InvalidRuleSetError, StratifyResult> {
  const s = createStratifier(options);
  if (E.isLeft(s)) return s;
  const st = s.right;
  let line = 0;
  for (const person of cohort) st.add(person, ++line);
  return E.right(mergeStratifications(st, [st.state()]));
}
