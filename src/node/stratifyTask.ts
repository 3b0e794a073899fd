import * as E from '../util/either.js';
import type { Lang } from '../model/lang.js';
import type { Parameter } from '../model/ruleSet.js';
import type { WorklistEntry } from '../population/entry.js';
import type { Stratifier, StratifierState, StratifyOptions } from '../population/stratifier.js';
import { createStratifier } from '../population/stratifier.js';
import { compileRuleSet, loadBundledRuleSet } from '../ruleSets/load.js';
import { parseJsonText } from '../model/parseJson.js';
import { lineTooLong, withoutSchema } from './ndjson.js';

/*
 * What a stratify worker (or the main thread, without workers) does with one task. Shared by the
 * worker entry and the in-process executor, so both paths run the same code.
 */

/** Everything a worker needs to build its own stratifier: plain, cloneable data. */
export interface StratifySetup {
  readonly asOf: string;
  readonly lang: Lang;
  readonly topPercent?: number;
  readonly minPoints?: number;
  readonly expectedSize?: number;
  /** A rule-set file (parsed JSON); default the bundled identification rule set. */
  readonly ruleSetFile?: unknown;
  readonly parameters?: Readonly<Record<string, Parameter['value']>>;
  /** Seed and size of the synthetic cohort, for synthetic tasks. */
  readonly synthetic?: { readonly seed: number; readonly size: number };
}

/** A unit of work: NDJSON lines (`null` for a line skipped for its length), or a range of synthetic persons. */
export type StratifyTask =
  | { readonly seq: number; readonly kind: 'lines'; readonly lines: readonly (string | null)[]; readonly numbers: readonly number[] }
  | { readonly seq: number; readonly kind: 'synthetic'; readonly from: number; readonly to: number };

/** The result of a task: the entries listed in points mode, and the running counts. */
export interface TaskResult {
  readonly seq: number;
  readonly entries: readonly WorklistEntry[];
  readonly read: number;
  readonly ranked: number;
  readonly rejected: number;
}

/** Builds the stratifier for a setup, or the localized messages of why it cannot be built. */
export function stratifierFor(setup: StratifySetup): E.Either<string[], Stratifier> {
  const rs =
    setup.ruleSetFile === undefined
      ? loadBundledRuleSet('identification', { lang: setup.lang, ...(setup.parameters ? { parameters: setup.parameters } : {}) })
      : compileRuleSet(setup.ruleSetFile, { lang: setup.lang, ...(setup.parameters ? { parameters: setup.parameters } : {}) });
  if (E.isLeft(rs)) return E.left(rs.left.issues.map((i) => i.message));
  const options: StratifyOptions = {
    asOf: setup.asOf,
    lang: setup.lang,
    ruleSet: rs.right,
    ...(setup.topPercent !== undefined ? { topPercent: setup.topPercent } : {}),
    ...(setup.minPoints !== undefined ? { minPoints: setup.minPoints } : {}),
    ...(setup.expectedSize !== undefined ? { expectedSize: setup.expectedSize } : {}),
  };
  const s = createStratifier(options);
  return E.isLeft(s) ? E.left(s.left.issues.map((i) => i.message)) : E.right(s.right);
}

/** Runs one task on a stratifier. */
export function runTask(s: Stratifier, setup: StratifySetup, task: StratifyTask): TaskResult {
  let read = 0;
  let rejected = 0;
  let ranked = 0;
  const count = (fn: () => void) => {
    const a = snapshot(s);
    fn();
    const b = snapshot(s);
    read += b.read - a.read;
    ranked += b.ranked - a.ranked;
    rejected += b.rejected - a.rejected;
  };
  if (task.kind === 'lines') {
    count(() =>
      task.lines.forEach((text, i) => {
        const line = task.numbers[i]!;
        if (text === null) return s.reject(line, [lineTooLong(setup.lang)]);
        const j = parseJsonText(text, setup.lang);
        if (E.isLeft(j)) return s.reject(line, j.left.issues);
        // Person files may carry `$schema` for editors; it is not part of the person (as in explain and diff).
        s.add(withoutSchema(j.right), line);
      }),
    );
  } else {
    const syn = setup.synthetic;
    if (!syn) throw new Error('synthetic task without a synthetic setup');
    count(() => {
      // Generated here, not read from outside: screened without re-validation (see Stratifier.addSynthetic).
      s.addSynthetic({ seed: syn.seed, size: syn.size, from: task.from, to: task.to });
    });
  }
  return { seq: task.seq, entries: s.take(), read, ranked, rejected };
}

function snapshot(s: Stratifier): { read: number; ranked: number; rejected: number } {
  return s.counts();
}

/** The final state to merge. */
export function finalState(s: Stratifier): StratifierState {
  return s.state();
}
