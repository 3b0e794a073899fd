import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import type { RuleSetStamp, Score } from '../engine/decision.js';
import { ruleSetStamp } from '../engine/decision.js';
import type { ParsedPerson } from '../engine/evaluate.js';
import { parsePerson, screenParsed } from '../engine/evaluate.js';
import { T } from '../engine/logic.js';
import type { InvalidOptionsError, InvalidRuleSetError } from '../model/errors.js';
import { invalidOptions } from '../model/errors.js';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import { Lang, LANGS } from '../model/lang.js';
import { loadBundledRuleSet } from '../ruleSets/load.js';
import { generateCohort } from '../synthetic/cohort.js';
import { ageOn, dateProblem, toDayNumber } from '../util/dates.js';
import { parseJsonText } from '../model/parseJson.js';
import type { CutOff, WorklistEntry } from './entry.js';
import { buildEntry, ranksAbove } from './entry.js';
import { TopK } from './heap.js';

/** Options for population mode. */
export interface StratifyOptions {
  /** The date the screening is for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** A compiled rule set with a `scoring` section. Default: the bundled `identification` rule set. */
  readonly ruleSet?: CompiledRuleSet;
  /** Language of reasons, prompts and explanations. Default `nb`. */
  readonly lang?: Lang;
  /** List the top share of the persons ranked, in per cent (0 < p ≤ 100). Excludes `minPoints`. */
  readonly topPercent?: number;
  /** List everyone with at least these points. Default (without `topPercent`): the rule set's high-risk cut-off. */
  readonly minPoints?: number;
  /**
   * An upper bound on the number of records, for `topPercent`: it bounds the memory to
   * `topPercent` of it. Without it the top-percent list keeps every candidate until the end.
   */
  readonly expectedSize?: number;
  /** How many rejected records to keep with their line and issues (all are counted). Default 1000. */
  readonly keepRejected?: number;
}

/** A record that did not validate: its line and what was wrong (paths and codes, never values). */
export interface RejectedRecord {
  readonly line: number;
  readonly issues: readonly Pick<ValidationIssue, 'path' | 'code' | 'message'>[];
}

type Tier = Score['tier'];

/** Counts over a stratified cohort: what the report and the final summary show. */
export interface StratifySummary {
  readonly ruleSet: RuleSetStamp;
  readonly asOf: string;
  readonly lang: Lang;
  readonly cutOff: CutOff;
  /** The rule set's own high-risk cut-off (after parameter overrides). */
  readonly highCutOff: number | undefined;
  /** The rule set's own moderate-risk cut-off (after parameter overrides). */
  readonly moderateCutOff?: number | undefined;
  /** Records read, persons ranked (valid), records rejected, persons listed on the worklist. */
  readonly read: number;
  readonly ranked: number;
  readonly rejected: number;
  readonly listed: number;
  /** Persons per tier, all ages and adults (18+) only. */
  readonly tiers: Readonly<Record<Tier, number>>;
  /** Of the persons per tier, those whose tier the missing data could still change (a preliminary tier). */
  readonly uncertainTiers: Readonly<Record<Tier, number>>;
  readonly adults: number;
  readonly adultTiers: Readonly<Record<Tier, number>>;
  /** Persons by points: `histogram[p]` persons scored `p`. */
  readonly histogram: readonly number[];
  /** Persons per sub-group among all ranked, and among those listed. */
  readonly subGroups: Readonly<Record<string, number>>;
  readonly listedSubGroups: Readonly<Record<string, number>>;
  /** How often each scoring rule and prompt fired among those listed, with its text or title, and the rule's title. */
  readonly listedReasons: readonly { readonly ruleId: string; readonly text: string; readonly title?: string; readonly count: number }[];
  readonly rejectedRecords: readonly RejectedRecord[];
}

/** What {@link stratify} returns: the worklist (ranked) and the summary. */
export interface StratifyResult {
  readonly entries: readonly WorklistEntry[];
  readonly summary: StratifySummary;
}

/** Stratify options after validation, with the defaults filled in. */
export interface ResolvedStratifyOptions {
  readonly ruleSet: CompiledRuleSet;
  readonly asOf: string;
  readonly asOfDay: number;
  readonly lang: Lang;
  readonly cutOff: CutOff;
  readonly capacity: number;
  readonly keepRejected: number;
}

/** Per rule-set indices the screen needs, computed once. */
interface RuleIndex {
  readonly subGroupRules: readonly { readonly index: number; readonly subGroup: string }[];
}
const indexCache = new WeakMap<CompiledRuleSet, RuleIndex>();
function ruleIndex(rs: CompiledRuleSet): RuleIndex {
  let ix = indexCache.get(rs);
  if (!ix) {
    const subGroupRules: { index: number; subGroup: string }[] = [];
    rs.rules.forEach((r, index) => {
      const p = r.rule.event.params ?? {};
      if (p['finding'] === 'sub-group' && typeof p['subGroup'] === 'string') subGroupRules.push({ index, subGroup: p['subGroup'] });
    });
    indexCache.set(rs, (ix = { subGroupRules }));
  }
  return ix;
}

function resolve(options: StratifyOptions): E.Either<InvalidOptionsError | InvalidRuleSetError, ResolvedStratifyOptions> {
  if (typeof options !== 'object' || options === null) return E.left(invalidOptions([makeIssue('missing', ['asOf'], 'nb')]));
  const lang: Lang = options.lang ?? 'nb';
  if (!Lang.safeParse(lang).success)
    return E.left(invalidOptions([makeIssue('invalid_value', ['lang'], 'nb', { allowed: LANGS.map((l) => `"${l}"`) })]));
  const badDate = dateProblem(options.asOf);
  if (badDate) return E.left(invalidOptions([makeIssue(options.asOf === undefined ? 'missing' : badDate, ['asOf'], lang)]));
  const asOfDay = toDayNumber(options.asOf)!;
  let ruleSet = options.ruleSet;
  if (ruleSet === undefined) {
    const r = loadBundledRuleSet('identification', { lang });
    if (E.isLeft(r)) return r;
    ruleSet = r.right;
  }
  const issues: ValidationIssue[] = [];
  const high = ruleSet.tiers?.find((t) => t.tier === 'high')?.minPoints;
  if (!ruleSet.tiers) issues.push(makeIssue('invalid_value', ['ruleSet'], lang, { allowed: ['scoring'] }));
  if (options.asOf < ruleSet.validFrom || (ruleSet.validTo !== undefined && options.asOf > ruleSet.validTo))
    issues.push(makeIssue('not_valid_now', ['asOf'], lang, { asOf: options.asOf, from: ruleSet.validFrom, to: ruleSet.validTo ?? '…' }));
  const { topPercent, minPoints, expectedSize, keepRejected } = options;
  if (topPercent !== undefined && minPoints !== undefined)
    issues.push(makeIssue('invalid_value', ['minPoints'], lang, { allowed: ['topPercent', 'minPoints'] }));
  if (topPercent !== undefined && !(typeof topPercent === 'number' && topPercent > 0 && topPercent <= 100))
    issues.push(makeIssue('invalid_value', ['topPercent'], lang, { allowed: ['0 < topPercent ≤ 100'] }));
  if (minPoints !== undefined && !(typeof minPoints === 'number' && Number.isFinite(minPoints)))
    issues.push(makeIssue('invalid_type', ['minPoints'], lang, { expected: 'number' }));
  if (expectedSize !== undefined && !(Number.isInteger(expectedSize) && expectedSize >= 0))
    issues.push(makeIssue('invalid_type', ['expectedSize'], lang, { expected: 'integer ≥ 0' }));
  if (keepRejected !== undefined && !(Number.isInteger(keepRejected) && keepRejected >= 0))
    issues.push(makeIssue('invalid_type', ['keepRejected'], lang, { expected: 'integer ≥ 0' }));
  if (issues.length > 0) return E.left(invalidOptions(issues));
  const cutOff: CutOff =
    topPercent !== undefined ? { by: 'top', percent: topPercent } : { by: 'points', minPoints: minPoints ?? high ?? 0 };
  const capacity = topPercent !== undefined && expectedSize !== undefined ? Math.ceil((topPercent / 100) * expectedSize) : Infinity;
  return E.right({ ruleSet, asOf: options.asOf, asOfDay, lang, cutOff, capacity, keepRejected: keepRejected ?? 1000 });
}

const zeroTiers = (): Record<Tier, number> => ({ low: 0, moderate: 0, high: 0 });

/** The mergeable state of a stratifier (what a worker sends back). Plain data. */
export interface StratifierState {
  readonly read: number;
  readonly ranked: number;
  readonly rejected: number;
  readonly tiers: Record<Tier, number>;
  readonly uncertainTiers: Record<Tier, number>;
  readonly adults: number;
  readonly adultTiers: Record<Tier, number>;
  readonly histogram: number[];
  readonly subGroups: Record<string, number>;
  readonly rejectedRecords: RejectedRecord[];
  /** Top-percent mode: the candidates kept. Points mode: the entries not yet taken. */
  readonly entries: WorklistEntry[];
  /** Points mode: counts over every entry listed so far, taken or not. */
  readonly listed: ListedCounts;
}

/** Counts over listed entries. */
interface ListedCounts {
  count: number;
  subGroups: Record<string, number>;
  reasons: Record<string, { text: string; count: number }>;
}

function countListed(c: ListedCounts, e: WorklistEntry): void {
  c.count++;
  for (const g of e.subGroups) c.subGroups[g] = (c.subGroups[g] ?? 0) + 1;
  for (const r of e.reasons) (c.reasons[r.ruleId] ??= { text: r.text, count: 0 }).count++;
  for (const p of e.prompts) (c.reasons[p.ruleId] ??= { text: p.title, count: 0 }).count++;
}

/**
 * The streaming core of population mode: feed it records one at a time (`add`, or `reject` for a
 * record that could not even be parsed), take the listed entries as they come (points mode) or at
 * the end (top-percent mode), and `finish`. Memory is bounded by the list, not the cohort. Several
 * stratifiers over shards of a cohort merge to exactly the result of one ({@link mergeStratifications}).
 */
export class Stratifier {
  private read = 0;
  private ranked = 0;
  private rejectedCount = 0;
  private readonly tiers = zeroTiers();
  private readonly uncertainTiers = zeroTiers();
  private adults = 0;
  private readonly adultTiers = zeroTiers();
  private readonly histogram: number[] = [];
  private readonly subGroups: Record<string, number> = {};
  private readonly rejectedRecords: RejectedRecord[] = [];
  private readonly heap: TopK<WorklistEntry> | undefined;
  private streamed: WorklistEntry[] = [];
  private readonly listed: ListedCounts = { count: 0, subGroups: {}, reasons: {} };
  private readonly index: RuleIndex;

  /** @internal Use {@link createStratifier}. */
  constructor(readonly options: ResolvedStratifyOptions) {
    this.index = ruleIndex(options.ruleSet);
    if (options.cutOff.by === 'top') this.heap = new TopK<WorklistEntry>(options.capacity, ranksAbove);
  }

  /** Validates and screens one record; `line` is its 1-based number in the input. */
  add(input: unknown, line: number): void {
    this.read++;
    const p = parsePerson(input, this.options.lang);
    if (E.isLeft(p)) {
      this.reject(line, p.left.issues, false);
      return;
    }
    this.addParsed(p.right, line);
  }

  /**
   * Generates persons `from` to `to` (default all) of the synthetic cohort `seed`/`size` as of this
   * stratifier's date and screens them WITHOUT validating them again. Validation is for records from
   * outside; these never are, since the stratifier generates them itself and nothing else can be
   * passed in. The generator builds persons valid by construction; a property test checks that every
   * generated person validates, and a test checks that this gives exactly the result of {@link add}
   * (which validates) on the same cohort. Skipping the validation roughly halves the cost of a
   * synthetic run (benchmarks, `stratify --synthetic`). Line numbers are the cohort index + 1.
   */
  addSynthetic(cohort: { readonly seed: number; readonly size: number; readonly from?: number; readonly to?: number }): void {
    let line = cohort.from ?? 0;
    for (const p of generateCohort({ ...cohort, asOf: this.options.asOf })) {
      this.read++;
      // Trusted by construction (see above): the generator's output is a valid Person.
      this.addParsed(p as unknown as ParsedPerson, ++line);
    }
  }

  /** Parses one NDJSON line and adds it; a line that is not JSON is rejected with its column. */
  addJson(text: string, line: number): void {
    const j = parseJsonText(text, this.options.lang);
    if (E.isLeft(j)) {
      this.read++;
      this.reject(line, j.left.issues, false);
      return;
    }
    this.add(j.right, line);
  }

  /** Counts a record that could not be read (e.g. a line that is not JSON) as rejected. */
  reject(line: number, issues: readonly ValidationIssue[], countAsRead = true): void {
    if (countAsRead) this.read++;
    this.rejectedCount++;
    if (this.rejectedRecords.length < this.options.keepRejected)
      this.rejectedRecords.push({ line, issues: issues.slice(0, 5).map((i) => ({ path: i.path, code: i.code, message: i.message })) });
  }

  private addParsed(person: ParsedPerson, line: number): void {
    const o = this.options;
    const s = screenParsed(o.ruleSet, person, o.asOf, o.asOfDay);
    this.ranked++;
    this.tiers[s.tier]++;
    if (s.tier !== s.tierIfComplete) this.uncertainTiers[s.tier]++;
    this.histogram[s.points] = (this.histogram[s.points] ?? 0) + 1;
    if (person.birthDate !== undefined && (ageOn(person.birthDate, o.asOf) ?? 0) >= 18) {
      this.adults++;
      this.adultTiers[s.tier]++;
    }
    for (const g of this.index.subGroupRules)
      if (s.outcomes[g.index] === T) this.subGroups[g.subGroup] = (this.subGroups[g.subGroup] ?? 0) + 1;
    const key = { points: s.points, maxPoints: s.maxPoints, line };
    if (this.heap) {
      // Explanations cost a traced evaluation; build them only for a person the list would keep.
      if (this.heap.wouldKeep(key as WorklistEntry)) this.heap.offer(buildEntry(o.ruleSet, person, line, o.asOf, o.lang, o.cutOff));
    } else if (o.cutOff.by === 'points' && s.points >= o.cutOff.minPoints) {
      const e = buildEntry(o.ruleSet, person, line, o.asOf, o.lang, o.cutOff);
      countListed(this.listed, e);
      this.streamed.push(e);
    }
  }

  /** Points mode: the entries listed since the last call, in input order. Top-percent mode: always empty. */
  take(): WorklistEntry[] {
    const out = this.streamed;
    this.streamed = [];
    return out;
  }

  /** Records read, persons ranked and records rejected so far. */
  counts(): { read: number; ranked: number; rejected: number } {
    return { read: this.read, ranked: this.ranked, rejected: this.rejectedCount };
  }

  /** The counts and kept entries so far, as plain data for {@link mergeStratifications}. */
  state(): StratifierState {
    return {
      read: this.read,
      ranked: this.ranked,
      rejected: this.rejectedCount,
      tiers: { ...this.tiers },
      uncertainTiers: { ...this.uncertainTiers },
      adults: this.adults,
      adultTiers: { ...this.adultTiers },
      histogram: Array.from(this.histogram, (x) => x ?? 0),
      subGroups: { ...this.subGroups },
      rejectedRecords: [...this.rejectedRecords],
      entries: this.heap ? this.heap.sorted() : this.take(),
      listed: { count: this.listed.count, subGroups: { ...this.listed.subGroups }, reasons: structuredCloneReasons(this.listed.reasons) },
    };
  }
}

function structuredCloneReasons(r: ListedCounts['reasons']): ListedCounts['reasons'] {
  const out: ListedCounts['reasons'] = {};
  for (const [k, v] of Object.entries(r)) out[k] = { ...v };
  return out;
}

/** Creates a {@link Stratifier}, or returns why the options are invalid. */
export function createStratifier(options: StratifyOptions): E.Either<InvalidOptionsError | InvalidRuleSetError, Stratifier> {
  return E.map((r: ResolvedStratifyOptions) => new Stratifier(r))(resolve(options));
}

/**
 * Merges the states of stratifiers that ran over disjoint parts of one cohort (with the same
 * options) into the final worklist and summary. In points mode the entries already taken (and
 * written out) are still counted in the summary; the result's `entries` are the ones not taken.
 */
export function mergeStratifications(stratifier: Stratifier, states: readonly StratifierState[]): StratifyResult {
  const o = stratifier.options;
  const sum = (f: (s: StratifierState) => number) => states.reduce((a, s) => a + f(s), 0);
  const addTiers = (f: (s: StratifierState) => Record<Tier, number>) => {
    const t = zeroTiers();
    for (const s of states) for (const k of ['low', 'moderate', 'high'] as const) t[k] += f(s)[k];
    return t;
  };
  const histogram: number[] = [];
  for (const s of states) s.histogram.forEach((n, p) => (histogram[p] = (histogram[p] ?? 0) + n));
  const subGroups: Record<string, number> = {};
  for (const s of states) for (const [g, n] of Object.entries(s.subGroups)) subGroups[g] = (subGroups[g] ?? 0) + n;
  const rejectedRecords = states
    .flatMap((s) => s.rejectedRecords)
    .sort((a, b) => a.line - b.line)
    .slice(0, o.keepRejected);
  const ranked = sum((s) => s.ranked);

  let entries = states.flatMap((s) => s.entries).sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
  let cutOff = o.cutOff;
  if (cutOff.by === 'top') {
    const k = Math.ceil((cutOff.percent / 100) * ranked);
    entries = entries.slice(0, k);
    cutOff = { by: 'top', percent: cutOff.percent, ...(entries.length > 0 ? { minPoints: entries[entries.length - 1]!.points } : {}) };
    const c = cutOff;
    entries = entries.map((e, i) => ({ rank: i + 1, ...e, cutOff: c }));
  } else {
    entries = entries.map((e, i) => ({ rank: i + 1, ...e }));
  }
  const listed: ListedCounts = { count: 0, subGroups: {}, reasons: {} };
  if (o.cutOff.by === 'top') for (const e of entries) countListed(listed, e);
  else
    for (const s of states) {
      listed.count += s.listed.count;
      for (const [g, n] of Object.entries(s.listed.subGroups)) listed.subGroups[g] = (listed.subGroups[g] ?? 0) + n;
      for (const [id, r] of Object.entries(s.listed.reasons)) (listed.reasons[id] ??= { text: r.text, count: 0 }).count += r.count;
    }
  const rs = o.ruleSet;
  const summary: StratifySummary = {
    ruleSet: ruleSetStamp(rs),
    asOf: o.asOf,
    lang: o.lang,
    cutOff,
    highCutOff: rs.tiers?.find((t) => t.tier === 'high')?.minPoints,
    moderateCutOff: rs.tiers?.find((t) => t.tier === 'moderate')?.minPoints,
    read: sum((s) => s.read),
    ranked,
    rejected: sum((s) => s.rejected),
    listed: listed.count,
    tiers: addTiers((s) => s.tiers),
    uncertainTiers: addTiers((s) => s.uncertainTiers),
    adults: sum((s) => s.adults),
    adultTiers: addTiers((s) => s.adultTiers),
    histogram: Array.from(histogram, (x) => x ?? 0),
    subGroups,
    listedSubGroups: listed.subGroups,
    listedReasons: Object.entries(listed.reasons)
      .map(([ruleId, r]) => {
        const title = rs.file.rules.find((x) => x.id === ruleId)?.title[o.lang];
        return { ruleId, text: r.text, ...(title !== undefined ? { title } : {}), count: r.count };
      })
      .sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1)),
    rejectedRecords,
  };
  return { entries, summary };
}
