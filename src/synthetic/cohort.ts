import { completeNationalId } from '../model/nationalId.js';
import type { PersonInput } from '../model/person.js';
import { DATE_RANGE, dateProblem, toDayNumber } from '../util/dates.js';
import * as P from './prevalences.js';
import { Rng, mixSeed } from './random.js';

/*
 * A seeded synthetic cohort of fictional Norwegians, for the demo, tests, benchmarks and population
 * mode. Every figure it uses is documented in `prevalences.ts` (and `PREVALENCES.md`), with its
 * source or marked as an assumption. Each person draws from their own random stream seeded from the
 * cohort seed and their index, so person 734 512 is the same whichever slice of the cohort is asked for.
 *
 * Persons are schema-valid and fictional: national ids are synthetic test identities (month + 80).
 * Lists the GP system always has (diagnoses, encounters, medications, municipal services) are present,
 * possibly empty (known to be none); frailty and social facts are often absent (unknown).
 */

/** Options for {@link generateCohort}. */
export interface CohortOptions {
  /** Any integer; the same seed gives the same cohort. */
  readonly seed: number;
  /** Number of persons, 0 to 10,000,000. */
  readonly size: number;
  /** The date the cohort describes, `YYYY-MM-DD`: ages and record dates are relative to it. */
  readonly asOf: string;
  /** First index to generate (default 0): a shard of a larger cohort. */
  readonly from?: number;
  /** Index after the last one to generate (default `size`). */
  readonly to?: number;
}

const MAX_SIZE = 10_000_000;

function check(options: CohortOptions): number {
  if (typeof options !== 'object' || options === null) throw new RangeError('generateCohort: options must be an object');
  const { seed, size, asOf } = options;
  if (!Number.isInteger(seed)) throw new RangeError('generateCohort: seed must be an integer');
  if (!Number.isInteger(size) || size < 0 || size > MAX_SIZE)
    throw new RangeError(`generateCohort: size must be an integer from 0 to ${MAX_SIZE}`);
  const day = toDayNumber(asOf);
  if (day === undefined || asOf < '1900-01-01' || dateProblem(asOf))
    throw new RangeError(`generateCohort: asOf must be a date YYYY-MM-DD from 1900-01-01 to ${DATE_RANGE.max}`);
  const from = options.from ?? 0;
  const to = options.to ?? size;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > size || from > to)
    throw new RangeError('generateCohort: need 0 ≤ from ≤ to ≤ size');
  return day;
}

/**
 * Generates a synthetic cohort lazily: an iterable that yields one person input at a time, so a
 * million persons never sit in memory together. Deterministic for a seed; `from`/`to` give a slice
 * that equals the same slice of the whole cohort.
 */
export function generateCohort(options: CohortOptions): Iterable<PersonInput> {
  const asOfDay = check(options);
  const from = options.from ?? 0;
  const to = options.to ?? options.size;
  const { seed, asOf } = options;
  return {
    *[Symbol.iterator]() {
      for (let i = from; i < to; i++) yield personAt(seed, i, asOf, asOfDay);
    },
  };
}

/** The person at `index` of the cohort with this seed (the same as the cohort's `index`-th element). */
export function generatePerson(seed: number, index: number, asOf: string): PersonInput {
  const asOfDay = check({ seed, size: MAX_SIZE, asOf });
  if (!Number.isInteger(index) || index < 0) throw new RangeError('generatePerson: index must be a non-negative integer');
  return personAt(seed, index, asOf, asOfDay);
}

// ---------------------------------------------------------------------------------------------

const AGE_TOTAL = P.AGE_SHARES.value.reduce((a, b) => a + b, 0);
const MUNI_TOTAL = P.MUNICIPALITY_WEIGHTS.reduce((a, b) => a + b, 0);

/** Index into the six condition bands 0–17, 18–39, 40–64, 65–74, 75–84, 85+. */
function band6(age: number): number {
  return age < 18 ? 0 : age < 40 ? 1 : age < 65 ? 2 : age < 75 ? 3 : age < 85 ? 4 : 5;
}
/** Index into the five bands 0–17, 18–39, 40–64, 65–79, 80+. */
function band5(age: number): number {
  return age < 18 ? 0 : age < 40 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4;
}

/** ISO date for a day number (Hinnant's civil-from-days; no `Date`, it runs millions of times). */
function iso(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The same month and day `years` earlier (29 February becomes 28 February in a common year). */
function yearsBefore(asOf: string, years: number): number {
  const y = Number(asOf.slice(0, 4)) - years;
  const md = asOf.slice(4);
  return toDayNumber(`${y}${md}`) ?? toDayNumber(`${y}-02-28`)!;
}

/** A synthetic fødselsnummer: day, month + 80, two-digit year, individual number, check digits. */
function nationalId(rng: Rng, birth: string): string {
  const year = Number(birth.slice(0, 4));
  const yy = birth.slice(2, 4);
  const mm = String(Number(birth.slice(5, 7)) + 80);
  const dd = birth.slice(8, 10);
  // Individual numbers 000–499 for births 1900–1999 and 500–999 for 2000–2039.
  const lo = year >= 2000 ? 500 : 0;
  let n = lo + rng.int(0, 499);
  for (let tries = 0; tries < 500; tries++) {
    const id = completeNationalId(`${dd}${mm}${yy}${String(n).padStart(3, '0')}`);
    if (id !== undefined) return id;
    n = lo + ((n - lo + 1) % 500);
  }
  throw new Error('no valid synthetic national id'); // cannot happen: about 1 in 11 numbers is valid
}

type Diag = { system: 'ICPC-2' | 'ICD-10'; code: string; onset: string };
type Enc = NonNullable<PersonInput['encounters']>[number];
type Med = NonNullable<PersonInput['medications']>[number];
type Svc = NonNullable<PersonInput['municipalServices']>[number];

const GENERAL_ATC = [
  'C10AA05',
  'A02BC01',
  'N02BE01',
  'A11CC05',
  'A06AD11',
  'B01AC06',
  'H03AA01',
  'G04CA02',
  'N05CF01',
  'C03CA01',
  'R06AE07',
  'D07AC01',
];
const AS_NEEDED_ATC = ['N02BE01', 'N02AJ06', 'R03AC02', 'N05CF01', 'A06AD11'];

function personAt(seed: number, index: number, asOf: string, asOfDay: number): PersonInput {
  const rng = new Rng(mixSeed(seed, index));

  // Age and sex.
  const b = rng.weighted(P.AGE_SHARES.value, AGE_TOTAL);
  let lower = P.AGE_BANDS.value[b]!;
  let width = 5;
  if (b === P.AGE_BANDS.value.length - 1) {
    const s = rng.weighted(P.OLDEST_SPLIT.value);
    lower = [85, 90, 95][s]!;
    width = s === 2 ? 10 : 5;
  }
  const age = lower + rng.int(0, width - 1);
  const birthDay = yearsBefore(asOf, age) - rng.int(0, 364);
  const birthDate = iso(birthDay);
  const femaleShare = P.FEMALE_SHARE.value[age < 65 ? 0 : age < 80 ? 1 : 2]!;
  const sex = rng.chance(femaleShare) ? 'female' : 'male';
  const b6 = band6(age);
  const b5 = band5(age);
  const z = rng.lognormalMeanOne(P.COMPLEXITY_SIGMA.value);

  // Hospital stays in the last two years (drawn first: hospital contact decides ICD-10 coding).
  const stayRate = (P.HOSPITAL_STAYS.value[b]! / 1000) * z;
  const emShare = P.EMERGENCY_SHARE.value[age >= 80 ? 1 : 0]!;
  const los = P.LENGTH_OF_STAY.value[age < 20 ? 0 : age < 45 ? 1 : age < 65 ? 2 : age < 75 ? 3 : 4]!;
  const encounters: Enc[] = [];
  const nEmergency = rng.poisson(2 * stayRate * emShare);
  const nElective = rng.poisson(2 * stayRate * (1 - emShare));
  const earliest = Math.max(birthDay, asOfDay - 729);
  for (let k = 0; k < nEmergency + nElective; k++) {
    const day = rng.int(earliest, asOfDay);
    // Geometric length of stay with the age band's mean; 0 is a same-day stay.
    const stay = Math.min(120, Math.floor(Math.log(1 - rng.next()) / Math.log(1 - 1 / (los + 1))));
    encounters.push({ type: k < nEmergency ? 'emergency-admission' : 'elective-admission', date: iso(day), lengthOfStayDays: stay });
  }
  const hospitalContact = nEmergency + nElective > 0;

  // Long-term conditions.
  const diagnoses: Diag[] = [];
  const groups: string[] = [];
  const atcPool: string[] = [];
  for (const c of P.CONDITIONS) {
    const p = Math.min(0.95, c.prevalence.value[b6]! * z);
    if (p <= 0 || !rng.chance(p)) continue;
    groups.push(c.group);
    const onset = iso(rng.int(Math.max(birthDay, asOfDay - 365 * 25), asOfDay - 1));
    let icpc = rng.pick(c.icpc2);
    let icd = rng.pick(c.icd10);
    if (c.group === 'diabetes') {
      if (age < 18 || rng.chance(P.DIABETES_TYPE1.value)) {
        icpc = 'T89';
        icd = 'E10.9';
      } else if (rng.chance(P.DIABETES_COMPLICATED.value)) icd = 'E11.7';
    }
    if (c.group === 'cancer' && rng.chance(P.CANCER_METASTATIC.value)) icd = rng.pick(['C78.0', 'C79.5', 'C77.9']);
    const hospitalCoded = hospitalContact && rng.chance(P.ICD10_CODED.value);
    if (!hospitalCoded || rng.chance(0.95)) diagnoses.push({ system: 'ICPC-2', code: icpc, onset });
    if (hospitalCoded) diagnoses.push({ system: 'ICD-10', code: icd, onset });
    for (const a of c.atc) atcPool.push(a);
  }
  let childComplex = 0;
  if (age < 18 && rng.chance(Math.min(0.5, P.CHILD_COMPLEX.value[0]! * z))) {
    childComplex = rng.chance(P.CHILD_COMPLEX.value[1]!) ? 2 : 1;
    const first = rng.int(0, P.CHILD_COMPLEX_CODES.length - 1);
    const cats =
      childComplex === 2 ? [first, (first + 1 + rng.int(0, P.CHILD_COMPLEX_CODES.length - 2)) % P.CHILD_COMPLEX_CODES.length] : [first];
    for (const cat of cats) {
      diagnoses.push({ system: 'ICD-10', code: rng.pick(P.CHILD_COMPLEX_CODES[cat]!), onset: iso(rng.int(birthDay, asOfDay)) });
    }
  }

  // Emergency visits without admission and GP consultations in the last year.
  const nVisits = rng.poisson(P.EMERGENCY_VISITS.value[b5]! * z);
  for (let k = 0; k < nVisits; k++)
    encounters.push({ type: 'emergency-visit', date: iso(rng.int(Math.max(birthDay, asOfDay - 364), asOfDay)) });
  const nGp = Math.min(12, rng.poisson(P.GP_CONSULTATIONS.value[b5]! * Math.sqrt(z) * (1 + 0.3 * groups.length)));
  for (let k = 0; k < nGp; k++)
    encounters.push({ type: 'gp-consultation', date: iso(rng.int(Math.max(birthDay, asOfDay - 364), asOfDay)) });
  encounters.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));

  // Medicines in use on asOf.
  const medications: Med[] = [];
  const nMeds = rng.poisson(P.BASE_MEDICATIONS.value[b5]! + P.MEDICATIONS_PER_CONDITION.value * groups.length);
  const seen = new Set<string>();
  for (let k = 0; k < nMeds * 2 && seen.size < nMeds; k++) {
    const atc = atcPool.length > 0 && rng.chance(0.7) ? rng.pick(atcPool) : rng.pick(GENERAL_ATC);
    if (seen.has(atc)) continue;
    seen.add(atc);
    medications.push({ atc, regimen: 'regular', start: iso(rng.int(Math.max(birthDay, asOfDay - 3650), asOfDay)) });
  }
  if (age >= 18 && rng.chance(0.3)) medications.push({ atc: rng.pick(AS_NEEDED_ATC), regimen: 'as-needed' });

  // Municipal services.
  const services: Svc[] = [];
  const start = () => iso(rng.int(Math.max(birthDay, asOfDay - 2000), asOfDay));
  const homeShare = P.HOME_SERVICES.value[age < 67 ? 0 : age < 80 ? 1 : age < 90 ? 2 : 3]!;
  const ltcShare = P.LONG_TERM_CARE.value[age < 80 ? 0 : age < 85 ? 1 : age < 90 ? 2 : 3]!;
  if (rng.chance(Math.min(0.9, ltcShare * z))) {
    services.push({ type: 'long-term-care', hoursPerWeek: 168, start: start() });
  } else if (rng.chance(Math.min(0.95, homeShare * z))) {
    if (rng.chance(0.75)) services.push({ type: 'home-nursing', hoursPerWeek: rng.int(1, 15), start: start() });
    if (rng.chance(0.5) || services.length === 0)
      services.push({ type: 'practical-assistance', hoursPerWeek: rng.int(1, 6), start: start() });
    if (rng.chance(0.15)) services.push({ type: 'physiotherapy', hoursPerWeek: 1, start: start() });
    if (rng.chance(0.1)) services.push({ type: 'day-care', hoursPerWeek: rng.int(4, 16), start: start() });
    if (rng.chance(0.1)) services.push({ type: 'occupational-therapy', hoursPerWeek: 1, start: start() });
    if (rng.chance(0.04))
      services.push({
        type: 'short-term-stay',
        hoursPerWeek: 168,
        start: iso(rng.int(asOfDay - 30, asOfDay)),
        end: iso(asOfDay + rng.int(1, 30)),
      });
  }
  if (age >= 18 && (groups.includes('substance-use') || groups.includes('psychosis')) && rng.chance(0.35))
    services.push({ type: 'mental-health-substance', hoursPerWeek: rng.int(1, 4), start: start() });
  if (childComplex > 0) {
    if (rng.chance(0.6)) services.push({ type: 'physiotherapy', hoursPerWeek: 1, start: start() });
    if (rng.chance(0.4)) services.push({ type: 'respite-care', hoursPerWeek: rng.int(4, 24), start: start() });
    if (rng.chance(0.2)) services.push({ type: 'personal-assistance', hoursPerWeek: rng.int(5, 30), start: start() });
  }

  const person: PersonInput = {
    id: `synthetic-${seed}-${index}`,
    nationalId: nationalId(rng, birthDate),
    birthDate,
    sex,
    municipality: String(P.MUNICIPALITIES.value[rng.weighted(P.MUNICIPALITY_WEIGHTS, MUNI_TOTAL)]).padStart(4, '0'),
    hasGp: rng.chance(P.HAS_GP.value),
    diagnoses,
    encounters,
    medications,
    municipalServices: services,
  };

  // IPLOS for people receiving municipal care.
  if (services.length > 0 && rng.chance(P.IPLOS.value[0]!)) {
    const date = iso(rng.int(Math.max(birthDay, asOfDay - 364), asOfDay));
    const high = Math.min(0.95, P.IPLOS.value[1]! * Math.sqrt(z));
    const n = rng.int(4, P.IPLOS_VARIABLES.length);
    person.iplos = P.IPLOS_VARIABLES.slice(0, n).map((variable) => ({
      variable,
      score: (rng.chance(0.05) ? 9 : rng.chance(high) ? rng.int(3, 5) : rng.int(1, 2)) as 1 | 2 | 3 | 4 | 5 | 9,
      date,
    }));
  }

  // Frailty screening for some of those 65+.
  if (age >= 65 && rng.chance(P.FRAILTY_RECORDED.value)) {
    const frailLikely = Math.min(0.9, 0.25 * z + (age >= 85 ? 0.2 : 0));
    person.frailty = {
      prisma7: {
        olderThan85: age > 85,
        male: sex === 'male',
        healthProblemsLimitActivities: rng.chance(frailLikely),
        needsRegularHelp: services.length > 0 || rng.chance(frailLikely / 2),
        healthProblemsKeepAtHome: rng.chance(frailLikely / 2),
        canCountOnSomeoneClose: rng.chance(0.85),
        usesWalkingAid: rng.chance(frailLikely),
      },
      fallsLast12Months: rng.chance(Math.min(0.9, P.FALLS.value * z)) ? 1 + rng.poisson(0.5) : 0,
      selfRatedHealth: Math.max(0, Math.min(10, Math.round(7.5 - 1.5 * Math.log(z) - (age - 65) / 15 + rng.normal()))),
    };
  }

  // Social facts, recorded for about half.
  if (rng.chance(P.SOCIAL.value[0]!)) {
    const alone = age < 18 ? 0 : age >= 80 ? P.SOCIAL.value[1]! : age >= 65 ? 0.3 : 0.2;
    const mental = groups.includes('substance-use') || groups.includes('psychosis') || groups.includes('depression');
    person.social = {
      livesAlone: rng.chance(alone),
      informalCarer: rng.chance(age >= 65 ? 0.4 : 0.15),
      ...(age >= 1 && age < 18 ? { schoolOrKindergarten: age < 6 ? ('kindergarten' as const) : ('school' as const) } : {}),
      navInvolved: age >= 18 && age < 67 ? rng.chance(mental ? 0.5 : 0.06) : false,
      ...(age < 18 ? { childWelfareInvolved: rng.chance(childComplex > 0 ? 0.1 : 0.03) } : {}),
      interpreterNeeded: rng.chance(0.02),
    };
  }
  return person;
}
