import * as E from '../util/either.js';
import type { EvaluationError } from '../model/errors.js';
import { invalidOptions } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import type { Lang, LocalizedText } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import type { Person } from '../model/person.js';
import { parsePerson } from '../engine/evaluate.js';
import { addMonths, dateProblem, toDayNumber } from '../util/dates.js';
import { activeOn } from '../facts/active.js';
import { psfsImprovement } from '../facts/evaluation.js';
import { factContext } from '../facts/context.js';

/*
 * Service use at baseline against follow-up, summarised against the pilot's five aims (better
 * results on the person's own goals; better function and self-management; better experienced
 * quality; fewer or later municipal services; fewer unnecessary hospital admissions). The sources
 * name no instrument for self-management or experienced quality, and no schedule, so those aims are
 * reported as not measured and the windows are options. This is a report, not a rule: it prompts
 * nothing and judges nothing.
 */

/** Options for {@link summariseFollowUp}. */
export interface FollowUpSummaryOptions {
  /** The date of the follow-up, `YYYY-MM-DD`. */
  readonly asOf: string;
  /**
   * The baseline date. Default: the team's establishment date, else the plan's start date, else the
   * assessment date.
   */
  readonly baselineDate?: string;
  /** Length of the window before the baseline that service use is counted over. Default 12. */
  readonly months?: number;
  /** Language of the labels. Default `nb`. */
  readonly lang?: Lang;
}

/** Service use in one window. A value is absent when the data to compute it is missing. */
export interface ServiceUseWindow {
  /** First day after which events count (exclusive). */
  readonly from: string;
  /** Last day that counts (inclusive). */
  readonly to: string;
  readonly days: number;
  readonly emergencyAdmissions?: number;
  readonly bedDays?: number;
  /** Weekly hours of municipal services on the window's last day. */
  readonly municipalServiceHours?: number;
}

/** The pilot's aims, in the order the pilot lists them. */
export type PilotAim = 'own-goals' | 'function-and-self-management' | 'experienced-quality' | 'municipal-services' | 'hospital-admissions';

/** One aim, with what can be said about it from the record. */
export interface AimSummary {
  readonly aim: PilotAim;
  readonly label: string;
  /** False when the record holds no measure for the aim. */
  readonly measured: boolean;
  /** Plain numbers for the aim; absent when not measured or unknown. */
  readonly values: Readonly<Record<string, number>>;
  /** One sentence for people. */
  readonly text: string;
}

/** The summary. */
export interface FollowUpSummary {
  readonly asOf: string;
  readonly baselineDate: string;
  readonly baseline: ServiceUseWindow;
  readonly followUp: ServiceUseWindow;
  readonly aims: readonly AimSummary[];
}

const LABELS: Record<PilotAim, LocalizedText> = {
  'own-goals': {
    nb: 'Resultater ut fra personens egne mål',
    nn: 'Resultat ut frå måla til personen sjølv',
    en: "Results on the person's own goals",
  },
  'function-and-self-management': { nb: 'Funksjon og egenmestring', nn: 'Funksjon og eigenmeistring', en: 'Function and self-management' },
  'experienced-quality': { nb: 'Opplevd kvalitet', nn: 'Opplevd kvalitet', en: 'Experienced quality' },
  'municipal-services': { nb: 'Behov for kommunale tjenester', nn: 'Behov for kommunale tenester', en: 'Need for municipal services' },
  'hospital-admissions': { nb: 'Sykehusinnleggelser', nn: 'Sjukehusinnleggingar', en: 'Hospital admissions' },
};

const NOT_MEASURED: LocalizedText = {
  nb: 'Ikke målt: kildene nevner ikke noe måleinstrument.',
  nn: 'Ikkje målt: kjeldene nemner ikkje noko måleinstrument.',
  en: 'Not measured: the sources name no instrument.',
};
const UNKNOWN: LocalizedText = { nb: 'Ukjent: data mangler.', nn: 'Ukjend: data manglar.', en: 'Unknown: data is missing.' };

const fmt = (n: number) => String(Math.round(n * 100) / 100);

const TEXT = {
  goals: {
    nb: (m: number, t: number) => `${m} av ${t} mål er nådd.`,
    nn: (m: number, t: number) => `${m} av ${t} mål er nådde.`,
    en: (m: number, t: number) => `${m} of ${t} goals met.`,
  },
  psfs: {
    nb: (d: number) => `Gjennomsnittlig PSFS-skår er endret med ${fmt(d)} poeng (positivt er bedre). Egenmestring er ikke målt.`,
    nn: (d: number) => `Gjennomsnittleg PSFS-skår er endra med ${fmt(d)} poeng (positivt er betre). Eigenmeistring er ikkje målt.`,
    en: (d: number) => `The mean PSFS score changed by ${fmt(d)} points (positive is better). Self-management is not measured.`,
  },
  hours: {
    nb: (a: number, b: number) => `Kommunale tjenester: ${fmt(a)} timer per uke ved oppstart, ${fmt(b)} nå.`,
    nn: (a: number, b: number) => `Kommunale tenester: ${fmt(a)} timar per veke ved oppstart, ${fmt(b)} no.`,
    en: (a: number, b: number) => `Municipal services: ${fmt(a)} hours a week at baseline, ${fmt(b)} now.`,
  },
  admissions: {
    nb: (a: number, b: number, c?: string) => `Akutte innleggelser per år: ${fmt(a)} før, ${fmt(b)} etter.${c ?? ''}`,
    nn: (a: number, b: number, c?: string) => `Akutte innleggingar per år: ${fmt(a)} før, ${fmt(b)} etter.${c ?? ''}`,
    en: (a: number, b: number, c?: string) => `Emergency admissions per year: ${fmt(a)} before, ${fmt(b)} after.${c ?? ''}`,
  },
  bedDays: {
    nb: (a: number, b: number) => ` Liggedøgn per år: ${fmt(a)} før, ${fmt(b)} etter.`,
    nn: (a: number, b: number) => ` Liggjedøgn per år: ${fmt(a)} før, ${fmt(b)} etter.`,
    en: (a: number, b: number) => ` Bed days per year: ${fmt(a)} before, ${fmt(b)} after.`,
  },
} as const;

function lengthOfStay(e: NonNullable<Person['encounters']>[number]): number | undefined {
  if (e.lengthOfStayDays !== undefined) return e.lengthOfStayDays;
  if (e.endDate === undefined) return undefined;
  return (toDayNumber(e.endDate) ?? 0) - (toDayNumber(e.date) ?? 0);
}

function window(person: Person, from: number, to: number, fromIso: string, toIso: string): ServiceUseWindow {
  const out: { -readonly [K in keyof ServiceUseWindow]: ServiceUseWindow[K] } = { from: fromIso, to: toIso, days: to - from };
  const es = person.encounters;
  if (es !== undefined) {
    let admissions = 0;
    let bed: number | undefined = 0;
    for (const e of es) {
      const d = toDayNumber(e.date);
      if (d === undefined || d <= from || d > to) continue;
      if (e.type === 'emergency-admission') admissions++;
      if (e.type === 'emergency-admission' || e.type === 'elective-admission') {
        const los = lengthOfStay(e);
        bed = los === undefined || bed === undefined ? undefined : bed + los;
      }
    }
    out.emergencyAdmissions = admissions;
    if (bed !== undefined) out.bedDays = bed;
  }
  const ms = person.municipalServices;
  if (ms !== undefined) {
    let hours: number | undefined = 0;
    for (const s of ms)
      if (activeOn(to, s.start, s.end)) hours = s.hoursPerWeek === undefined || hours === undefined ? undefined : hours + s.hoursPerWeek;
    if (hours !== undefined) out.municipalServiceHours = hours;
  }
  return out;
}

const perYear = (n: number, days: number) => (days > 0 ? (n * 365) / days : 0);

/**
 * Summarises a person's follow-up against the pilot's five aims: goals met, PSFS change, municipal
 * service hours and emergency admissions and bed days before and after the baseline. The baseline
 * window is the `months` before the baseline date; the follow-up window runs from the baseline date
 * to `asOf`. Admissions and bed days are given per year so windows of different length compare.
 */
export function summariseFollowUp(person: unknown, options: FollowUpSummaryOptions): E.Either<EvaluationError, FollowUpSummary> {
  if (typeof options !== 'object' || options === null)
    return E.left(invalidOptions([makeIssue('invalid_type', ['options'], 'nb', { expected: '{ asOf }' })]));
  const lang = resolveLang(options.lang);
  const badDate = dateProblem(options.asOf);
  if (badDate) return E.left(invalidOptions([makeIssue(options.asOf === undefined ? 'missing' : badDate, ['asOf'], lang)]));
  const asOfDay = toDayNumber(options.asOf)!;
  const months = options.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 120)
    return E.left(invalidOptions([makeIssue('invalid_value', ['months'], lang, { allowed: ['1–120'] })]));
  const parsed = parsePerson(person, lang);
  if (E.isLeft(parsed)) return parsed;
  const p = parsed.right;
  const baselineDate = options.baselineDate ?? p.team?.established ?? p.individualPlan?.startDate ?? p.assessment?.date;
  if (baselineDate === undefined) return E.left(invalidOptions([makeIssue('missing', ['baselineDate'], lang)]));
  const badBaseline = dateProblem(baselineDate);
  const baseDay = toDayNumber(baselineDate);
  if (badBaseline !== undefined || baseDay === undefined || baseDay > asOfDay)
    return E.left(invalidOptions([makeIssue(badBaseline ?? 'iso_date', ['baselineDate'], lang)]));

  const startIso = addMonths(baselineDate, -months);
  const baseline = window(p, toDayNumber(startIso)!, baseDay, startIso, baselineDate);
  const followUp = window(p, baseDay, asOfDay, baselineDate, options.asOf);

  const aims: AimSummary[] = [];
  const add = (aim: PilotAim, measured: boolean, values: Record<string, number>, text: string) =>
    aims.push({ aim, label: LABELS[aim][lang], measured, values, text });

  const goals = p.individualPlan?.goals;
  if (goals !== undefined && goals.length > 0) {
    const met = goals.filter((g) => g.status === 'met').length;
    add('own-goals', true, { goalsMet: met, goals: goals.length }, TEXT.goals[lang](met, goals.length));
  } else add('own-goals', false, {}, UNKNOWN[lang]);

  const ctx = factContext(p, options.asOf, asOfDay, new Map());
  const d = psfsImprovement.derive(ctx, undefined);
  if (typeof d === 'number') add('function-and-self-management', true, { psfsImprovement: d }, TEXT.psfs[lang](d));
  else add('function-and-self-management', false, {}, UNKNOWN[lang]);

  add('experienced-quality', false, {}, NOT_MEASURED[lang]);

  if (baseline.municipalServiceHours !== undefined && followUp.municipalServiceHours !== undefined)
    add(
      'municipal-services',
      true,
      { hoursBefore: baseline.municipalServiceHours, hoursAfter: followUp.municipalServiceHours },
      TEXT.hours[lang](baseline.municipalServiceHours, followUp.municipalServiceHours),
    );
  else add('municipal-services', false, {}, UNKNOWN[lang]);

  if (baseline.emergencyAdmissions !== undefined && followUp.emergencyAdmissions !== undefined) {
    const values: Record<string, number> = {
      emergencyAdmissionsPerYearBefore: perYear(baseline.emergencyAdmissions, baseline.days),
      emergencyAdmissionsPerYearAfter: perYear(followUp.emergencyAdmissions, followUp.days),
    };
    let extra: string | undefined;
    if (baseline.bedDays !== undefined && followUp.bedDays !== undefined) {
      values['bedDaysPerYearBefore'] = perYear(baseline.bedDays, baseline.days);
      values['bedDaysPerYearAfter'] = perYear(followUp.bedDays, followUp.days);
      extra = TEXT.bedDays[lang](values['bedDaysPerYearBefore'], values['bedDaysPerYearAfter']);
    }
    add(
      'hospital-admissions',
      true,
      values,
      TEXT.admissions[lang](values['emergencyAdmissionsPerYearBefore']!, values['emergencyAdmissionsPerYearAfter']!, extra),
    );
  } else add('hospital-admissions', false, {}, UNKNOWN[lang]);

  return E.right({ asOf: options.asOf, baselineDate, baseline, followUp, aims });
}
