/**
 * `oppfolgingsteam/population`: risk stratification of a whole population, for municipalities and
 * GP practices. A cohort of persons becomes a ranked worklist with a summary, in one pass or in
 * shards merged afterwards; the worklist as CSV or JSON lines and the summary as an HTML page; and
 * synthetic cohorts built from published Norwegian figures, for testing without health data.
 *
 * Left out: reading and writing files, worker threads and progress (the `oppfolgingsteam stratify`
 * command does those), and the heap and random-number helpers (internal).
 *
 * @packageDocumentation
 */

// Stratification
export { stratify } from './stratify.js';
export { createStratifier, mergeStratifications } from './stratifier.js';
export type {
  Stratifier,
  StratifyOptions,
  ResolvedStratifyOptions,
  StratifyResult,
  StratifySummary,
  StratifierState,
  RejectedRecord,
} from './stratifier.js';
export { ranksAbove } from './entry.js';
export type { WorklistEntry, WorklistReason, WorklistPrompt, CutOff, RankKey } from './entry.js';

// Output: worklist rows and the summary page
export {
  WORKLIST_CSV_HEADER,
  worklistCsvRow,
  worklistJsonLine,
  describeCutOff,
} from './format.js';
export { renderStratifyReport, TARGET_SIZE_SOURCE } from './stratifyReport.js';
export type { StratifyReportOptions } from './stratifyReport.js';

// Synthetic cohorts
export { generateCohort, generatePerson } from '../synthetic/cohort.js';
export type { CohortOptions } from '../synthetic/cohort.js';
export { PREVALENCE_FIGURES } from '../synthetic/prevalences.js';
export type { Figure, FigureKind } from '../synthetic/prevalences.js';
export { completeNationalId } from '../model/nationalId.js';
