/**
 * Every figure the synthetic cohort generator uses, with its source or marked as an assumption.
 * `src/synthetic/PREVALENCES.md` is rendered from this file (a test keeps the two in step), so a
 * figure cannot be used without being documented.
 *
 * `kind`: `source` — taken from the cited source; `derived` — computed from sourced numbers in a way
 * the note explains; `assumption` — chosen for this generator (order of magnitude, not a statistic).
 */

/** How a figure is grounded. */
export type FigureKind = 'source' | 'derived' | 'assumption';

/** A documented figure. */
export interface Figure<V = number | readonly number[]> {
  readonly value: V;
  readonly unit: string;
  readonly kind: FigureKind;
  readonly source: string;
  readonly note?: string;
}

const SSB_ARBOK_105 = 'SSB Statistisk årbok 2013, tabell 105 «Folkemengde etter alder», framskrevet 2020 (MMMM)';
const SSB_PAS_2004 = 'SSB Pasientstatistikk, tabell 6 «Heldøgnsopphold og liggedager per 1000 innbyggere, etter kjønn og alder», 2004';
const SAMDATA_2006 =
  'SAMDATA Nøkkeltall for spesialisthelsetjenesten 2006, somatikk, pasienter 80 år og eldre (opphold per 1000 innbyggere 80+)';

/** Age bands for the population structure: lower bounds of five-year bands, the last is 85+. */
export const AGE_BANDS: Figure<readonly number[]> = {
  value: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85],
  unit: 'years (lower bound)',
  kind: 'source',
  source: SSB_ARBOK_105,
};

/** Share of the population in each age band (per cent). */
export const AGE_SHARES: Figure<readonly number[]> = {
  value: [6.3, 6.0, 6.0, 5.8, 6.3, 7.0, 7.0, 6.7, 6.5, 6.9, 6.8, 6.0, 5.6, 5.0, 4.7, 3.2, 2.0, 2.1],
  unit: '% of population',
  kind: 'source',
  source: SSB_ARBOK_105,
};

/** How the 85+ band splits into 85–89, 90–94 and 95–104. */
export const OLDEST_SPLIT: Figure<readonly number[]> = {
  value: [0.55, 0.33, 0.12],
  unit: 'share of 85+',
  kind: 'assumption',
  source: 'assumption',
  note: 'SSB tables give 85+ as one band.',
};

/** Share of women by age: under 65, 65–79, 80+. */
export const FEMALE_SHARE: Figure<readonly number[]> = {
  value: [0.49, 0.52, 0.6],
  unit: 'share',
  kind: 'assumption',
  source: 'assumption',
  note: 'Women live longer, so the oldest bands are mostly women.',
};

/** Latent complexity: a per-person multiplier (mean 1) on every condition, admission and service probability, so that they cluster. */
export const COMPLEXITY_SIGMA: Figure<number> = {
  value: 0.9,
  unit: 'log-normal σ',
  kind: 'assumption',
  source: 'assumption',
  note: 'Multimorbidity and service use cluster in the same people (HUNT3: 42 % of 20–79-year-olds had two or more of 21 conditions, Tomasdottir et al., EJPCH 2014). The σ is not fitted to any source.',
};

/** Hospital stays (heldøgnsopphold) per 1000 per year, by the five-year bands of {@link AGE_BANDS}. */
export const HOSPITAL_STAYS: Figure<readonly number[]> = {
  value: [169, 55, 46, 64, 69, 68, 77, 90, 102, 124, 149, 189, 242, 297, 400, 500, 619, 619],
  unit: 'stays per 1000 per year',
  kind: 'derived',
  source: `${SSB_PAS_2004}; ${SAMDATA_2006}`,
  note: "Ages 0–4: mean of «under 1 år» (405) and «1–4 år» (110) weighted 1:4. Ages 15–44: the men's rate for both sexes, leaving out obstetric stays, which the identification markers are not about. 45–69: both sexes (SSB 2004). 80+: elective 125 + emergency 494 per 1000 (SAMDATA 2006). 70–79: interpolated (assumption).",
};

/** Share of hospital stays that are emergency (øyeblikkelig hjelp) admissions: under 80, 80+. */
export const EMERGENCY_SHARE: Figure<readonly number[]> = {
  value: [0.65, 0.8],
  unit: 'share of stays',
  kind: 'derived',
  source: `${SAMDATA_2006}; SAMDATA 2006 tabell 6 (liggedager per 1000: ø-hjelp 600, elektive 291)`,
  note: '80+: 494 / (494 + 125). Under 80: the emergency share of bed days for all ages (0.67), rounded down because older patients weigh more in bed days.',
};

/** Mean length of stay by age: under 20, 20–44, 45–64, 65–74, 75+. */
export const LENGTH_OF_STAY: Figure<readonly number[]> = {
  value: [2.7, 3.1, 4.3, 5.7, 6.4],
  unit: 'days',
  kind: 'derived',
  source:
    'SSB Pasientstatistikk 1997, tabell 7 (liggedager per utskriving by age: 3.6–4.4 under 20, 4.2–5.2 for 20–44, 5.7–7.1 for 45–64, 7.7–8.2 for 65–74, 8.7–9.1 for 75+; 6.4 overall), scaled to the later overall mean of 4.6 days (SSB, as reported by Aftenbladet «Kortere liggetid på sykehus»)',
  note: 'The 1997 age gradient times 4.6 / 6.4. Stays are drawn from a geometric distribution with this mean (the shape is an assumption).',
};

/** Emergency-department or out-of-hours visits without admission per person per year: 0–17, 18–39, 40–64, 65–79, 80+. */
export const EMERGENCY_VISITS: Figure<readonly number[]> = {
  value: [0.35, 0.3, 0.25, 0.3, 0.45],
  unit: 'visits per person per year',
  kind: 'assumption',
  source: 'assumption',
  note: 'Order of magnitude of legevakt use (roughly one contact per three inhabitants a year); not taken from a table.',
};

/** GP consultations per person per year: 0–17, 18–39, 40–64, 65–79, 80+ (capped at 12 per person). */
export const GP_CONSULTATIONS: Figure<readonly number[]> = {
  value: [1.5, 2.5, 3, 4.5, 6],
  unit: 'consultations per person per year',
  kind: 'assumption',
  source: 'assumption',
};

/** Share of a condition's codes that also carry a hospital ICD-10 code, for persons with a hospital stay in the last two years. */
export const ICD10_CODED: Figure<number> = {
  value: 0.7,
  unit: 'share',
  kind: 'assumption',
  source: 'assumption',
  note: 'GPs code with ICPC-2 (every GP contact has one, domain.md §7.1); hospitals with ICD-10.',
};

/** Share of people with diabetes who have type 1. */
export const DIABETES_TYPE1: Figure<number> = {
  value: 0.09,
  unit: 'share of diabetes',
  kind: 'derived',
  source: 'FHI Folkehelserapporten «Diabetes i Norge»: about 270 000 with diagnosed diabetes, of whom about 23 000 type 1',
};

/** Share of hospital-coded type 2 diabetes with end-organ damage (ICD-10 E11.2–E11.8). */
export const DIABETES_COMPLICATED: Figure<number> = {
  value: 0.25,
  unit: 'share',
  kind: 'assumption',
  source: 'assumption',
};

/** Share of active cancers that are metastatic (ICD-10 C77–C79, hospital-coded only). */
export const CANCER_METASTATIC: Figure<number> = {
  value: 0.12,
  unit: 'share',
  kind: 'assumption',
  source: 'assumption',
};

/** A long-term condition: its codes and its prevalence by age band (0–17, 18–39, 40–64, 65–74, 75–84, 85+). */
export interface ConditionSpec {
  readonly group: string;
  /** ICPC-2 codes the GP may use (one is drawn). */
  readonly icpc2: readonly string[];
  /** ICD-10 codes a hospital may use (one is drawn). */
  readonly icd10: readonly string[];
  readonly prevalence: Figure<readonly number[]>;
  /** Regular medicines (ATC) typically used for it; one to all are drawn. */
  readonly atc: readonly string[];
}

const A = (value: readonly number[], note?: string): Figure<readonly number[]> => ({
  value,
  unit: 'share by age band 0–17, 18–39, 40–64, 65–74, 75–84, 85+',
  kind: 'assumption',
  source: 'assumption',
  ...(note ? { note } : {}),
});

/** The long-term conditions drawn for every person. Codes come from the bundled code lists. */
export const CONDITIONS: readonly ConditionSpec[] = [
  {
    group: 'hypertension',
    icpc2: ['K86', 'K87'],
    icd10: ['I10'],
    prevalence: A([0.001, 0.03, 0.18, 0.4, 0.5, 0.55]),
    atc: ['C09AA05', 'C08CA01', 'C03AA03'],
  },
  {
    group: 'ischaemic-heart-disease',
    icpc2: ['K76', 'K74', 'K75'],
    icd10: ['I25.1', 'I20.9', 'I21.9'],
    prevalence: A([0, 0.002, 0.04, 0.11, 0.17, 0.22]),
    atc: ['C10AA05', 'B01AC06', 'C07AB02'],
  },
  {
    group: 'heart-failure',
    icpc2: ['K77'],
    icd10: ['I50.9', 'I50.0'],
    prevalence: A([0, 0.001, 0.008, 0.035, 0.08, 0.15]),
    atc: ['C03CA01', 'C07AB07', 'C09DX04'],
  },
  {
    group: 'atrial-fibrillation',
    icpc2: ['K78'],
    icd10: ['I48'],
    prevalence: A([0, 0.002, 0.015, 0.07, 0.13, 0.17]),
    atc: ['B01AF01', 'C07AB02'],
  },
  {
    group: 'cerebrovascular',
    icpc2: ['K90', 'K91', 'K89'],
    icd10: ['I63.9', 'I69.3', 'G45.9'],
    prevalence: A([0, 0.001, 0.01, 0.04, 0.08, 0.11]),
    atc: ['B01AC06', 'C10AA05'],
  },
  {
    group: 'diabetes',
    icpc2: ['T90'],
    icd10: ['E11.9'],
    prevalence: {
      value: [0.003, 0.015, 0.06, 0.14, 0.13, 0.12],
      unit: 'share by age band 0–17, 18–39, 40–64, 65–74, 75–84, 85+',
      kind: 'derived',
      source:
        'FHI Folkehelserapporten «Diabetes i Norge»: about 5 % of the population has diagnosed diabetes, more than 10 % of those over 80',
      note: 'The split over age bands is an assumption that reproduces both figures.',
    },
    atc: ['A10BA02', 'A10BJ06', 'A10BK01'],
  },
  { group: 'copd', icpc2: ['R95', 'R79'], icd10: ['J44.9'], prevalence: A([0, 0.002, 0.03, 0.08, 0.1, 0.1]), atc: ['R03BB04', 'R03AL03'] },
  { group: 'asthma', icpc2: ['R96'], icd10: ['J45.9'], prevalence: A([0.06, 0.06, 0.06, 0.06, 0.05, 0.05]), atc: ['R03AK06'] },
  {
    group: 'kidney-disease',
    icpc2: ['U99', 'U88'],
    icd10: ['N18.3', 'N18.4'],
    prevalence: A([0.001, 0.003, 0.01, 0.04, 0.08, 0.12]),
    atc: ['C09AA02'],
  },
  {
    group: 'cancer',
    icpc2: ['X76', 'D75', 'Y77', 'R84', 'S77', 'B73'],
    icd10: ['C50.9', 'C18.9', 'C61', 'C34.9', 'C43.9', 'C91.0'],
    prevalence: A([0.001, 0.003, 0.02, 0.055, 0.075, 0.08], 'Active cancer (under treatment or follow-up), not lifetime incidence.'),
    atc: ['L02BG03', 'A04AA01'],
  },
  {
    group: 'osteoarthritis',
    icpc2: ['L90', 'L89', 'L91'],
    icd10: ['M17.9', 'M16.9'],
    prevalence: A([0, 0.01, 0.08, 0.2, 0.28, 0.3]),
    atc: ['N02AJ06', 'M01AE01'],
  },
  { group: 'osteoporosis', icpc2: ['L95'], icd10: ['M81.9'], prevalence: A([0, 0.001, 0.02, 0.08, 0.14, 0.18]), atc: ['M05BA04', 'A12AX'] },
  {
    group: 'rheumatoid-arthritis',
    icpc2: ['L88'],
    icd10: ['M06.9'],
    prevalence: A([0.001, 0.005, 0.01, 0.02, 0.02, 0.02]),
    atc: ['L04AX03', 'H02AB06'],
  },
  { group: 'parkinsonism', icpc2: ['N87'], icd10: ['G20'], prevalence: A([0, 0, 0.001, 0.005, 0.012, 0.015]), atc: ['N04BA02'] },
  {
    group: 'epilepsy',
    icpc2: ['N88'],
    icd10: ['G40.9'],
    prevalence: A([0.006, 0.007, 0.007, 0.008, 0.008, 0.008]),
    atc: ['N03AX14', 'N03AG01'],
  },
  {
    group: 'dementia',
    icpc2: ['P70'],
    icd10: ['F03', 'G30.9'],
    prevalence: {
      value: [0, 0, 0.002, 0.035, 0.14, 0.35],
      unit: 'share by age band 0–17, 18–39, 40–64, 65–74, 75–84, 85+',
      kind: 'derived',
      source:
        'Gjøra et al. 2021 (HUNT4 70+, J Alzheimers Dis 79): 14.6 % of people 70+ have dementia, roughly doubling every five years of age; about 101 000 in Norway in 2020 (FHI Folkehelserapporten «Demens»)',
      note: 'Bands chosen to give about 14 % of people 70+ with the age structure above.',
    },
    atc: ['N06DA02'],
  },
  {
    group: 'depression',
    icpc2: ['P76'],
    icd10: ['F32.9', 'F33.1'],
    prevalence: A([0.02, 0.07, 0.06, 0.05, 0.05, 0.05]),
    atc: ['N06AB10', 'N06AX11'],
  },
  { group: 'anxiety', icpc2: ['P74'], icd10: ['F41.1'], prevalence: A([0.03, 0.07, 0.05, 0.04, 0.03, 0.03]), atc: ['N06AB10'] },
  {
    group: 'substance-use',
    icpc2: ['P15', 'P19'],
    icd10: ['F10.2', 'F11.2', 'F12.2'],
    prevalence: A([0.002, 0.03, 0.025, 0.015, 0.008, 0.004]),
    atc: ['N07BC51', 'N07BB03'],
  },
  {
    group: 'psychosis',
    icpc2: ['P72'],
    icd10: ['F20.9'],
    prevalence: A([0.001, 0.006, 0.006, 0.004, 0.003, 0.003]),
    atc: ['N05AH04', 'N05AX08'],
  },
  {
    group: 'bipolar',
    icpc2: ['P73'],
    icd10: ['F31.9'],
    prevalence: A([0.001, 0.008, 0.008, 0.005, 0.003, 0.002]),
    atc: ['N05AN01', 'N03AX09'],
  },
  {
    group: 'intellectual-disability',
    icpc2: ['P85'],
    icd10: ['F79.9', 'F71.9'],
    prevalence: A([0.006, 0.005, 0.004, 0.003, 0.002, 0.001]),
    atc: [],
  },
  {
    group: 'developmental-disorder',
    icpc2: ['P81', 'P99'],
    icd10: ['F90.0', 'F84.0'],
    prevalence: A([0.05, 0.03, 0.01, 0.002, 0, 0], 'ADHD and autism; most diagnosed in childhood.'),
    atc: ['N06BA04'],
  },
  { group: 'hearing-impairment', icpc2: ['H86'], icd10: ['H90.3'], prevalence: A([0.002, 0.003, 0.02, 0.1, 0.2, 0.35]), atc: [] },
  {
    group: 'vision-impairment',
    icpc2: ['F94', 'F84'],
    icd10: ['H54.2', 'H35.3'],
    prevalence: A([0.001, 0.002, 0.005, 0.03, 0.08, 0.15]),
    atc: [],
  },
];

/** Children with a paediatric complex chronic condition (CCC v2 category), and the share of those with a second category. */
export const CHILD_COMPLEX: Figure<readonly number[]> = {
  value: [0.012, 0.3],
  unit: 'share of children; share of those with a second body system',
  kind: 'assumption',
  source: 'assumption',
  note: 'Order of magnitude of children with complex chronic conditions in high-income countries; no Norwegian register figure was found. Codes come from the pediatric-complex-conditions code list (Feudtner et al. 2014 categories).',
};

/** ICD-10 codes for the paediatric complex conditions, by CCC category (one category per entry). */
export const CHILD_COMPLEX_CODES: readonly (readonly string[])[] = [
  ['G80.0', 'G80.1', 'G71.0', 'G12.0'],
  ['Q21.0', 'Q21.3', 'Q25.0'],
  ['E84.0', 'Q33.0'],
  ['Q60.3', 'N18.5'],
  ['K50.9', 'Q41.0'],
  ['D57.1', 'D82.1'],
  ['E70.0', 'E76.1'],
  ['Q90.9', 'Q87.1'],
  ['C91.0', 'C71.9'],
  ['Z93.1', 'Z99.1'],
];

/** Regular medicines everybody may be on regardless of conditions, per person, by age: 0–17, 18–39, 40–64, 65–79, 80+. */
export const BASE_MEDICATIONS: Figure<readonly number[]> = {
  value: [0.1, 0.4, 0.8, 1.5, 2.5],
  unit: 'mean regular medicines',
  kind: 'assumption',
  source: 'assumption',
  note: 'Statins, proton-pump inhibitors, analgesics, vitamin D, laxatives and the like. Checked against FHI Reseptregisteret 2013–2017 (people 65+ dispensed 5+ medicines in a year: about 570 000, 10+: 236 000, 15+: 76 000 of roughly 880 000), which counts a whole year of dispensing and so runs higher than medicines in use on one day.',
};

/** Mean number of regular medicines per long-term condition. */
export const MEDICATIONS_PER_CONDITION: Figure<number> = {
  value: 1.3,
  unit: 'medicines per condition',
  kind: 'assumption',
  source: 'assumption',
};

/** Home-based services (hjemmetjenester) by age: under 67, 67–79, 80–89, 90+. */
export const HOME_SERVICES: Figure<readonly number[]> = {
  value: [0.015, 0.078, 0.32, 0.47],
  unit: 'share receiving home services',
  kind: 'derived',
  source:
    'SSB Pleie- og omsorgstenestene, tabell 4 «Mottakarar av heimetenester, etter alder» 2008: under 67: 60 128, 67–79: 31 144, 80–89: 58 101, 90+: 18 068 (174 per 1000 aged 67+)',
  note: 'Recipient counts divided by approximate population counts of the same year (the denominators are rounded assumptions).',
};

/** Nursing-home residence (long-term care) by age: under 80, 80–84, 85–89, 90+. */
export const LONG_TERM_CARE: Figure<readonly number[]> = {
  value: [0.002, 0.09, 0.16, 0.33],
  unit: 'share in long-term care',
  kind: 'derived',
  source:
    'SSB Kommunale helse- og omsorgstjenester, tabell 3 «Bebuarar i institusjonar for eldre og funksjonshemma, etter alder» 2004: 80–84: 9 926, 85–89: 11 034, 90+: 10 025',
  note: 'Resident counts divided by approximate population counts of the same year (rounded assumptions).',
};

/** Share of people with municipal services who have IPLOS scores registered, and the share of their scores that are 3 or more. */
export const IPLOS: Figure<readonly number[]> = {
  value: [0.9, 0.45],
  unit: 'share',
  kind: 'assumption',
  source:
    'IPLOS is mandatory for recipients of municipal health and care services (domain.md §4.2, domain-verified §3); the score mix is an assumption',
};

/** IPLOS variable names used (domain.md §4.2; only «syn» is verified by name, domain-verified §3.4). */
export const IPLOS_VARIABLES: readonly string[] = [
  'personlig hygiene',
  'av- og påkledning',
  'bevege seg innendørs',
  'bevege seg utendørs',
  'alminnelig husarbeid',
  'lage mat',
  'hukommelse',
  'syn',
];

/** Share of people 65+ with a frailty screening (PRISMA-7 and falls) recorded. */
export const FRAILTY_RECORDED: Figure<number> = {
  value: 0.35,
  unit: 'share of 65+',
  kind: 'assumption',
  source: 'assumption',
  note: 'Everyone else has no frailty data: the facts are unknown, not false.',
};

/** Share of people 65+ who fell at least once in a year. */
export const FALLS: Figure<number> = {
  value: 0.3,
  unit: 'share of 65+ per year',
  kind: 'assumption',
  source: 'assumption (the commonly quoted figure of about one in three people over 65 falling each year)',
};

/** Share with social facts recorded, and living alone among 80+. */
export const SOCIAL: Figure<readonly number[]> = {
  value: [0.5, 0.45],
  unit: 'share recorded; share of 80+ living alone',
  kind: 'assumption',
  source: 'assumption',
};

/** Share of persons with a regular GP (fastlege). */
export const HAS_GP: Figure<number> = {
  value: 0.99,
  unit: 'share',
  kind: 'assumption',
  source: 'assumption (the fastlege scheme lists nearly every resident)',
};

/** Municipality numbers drawn for persons (a few real kommunenummer, weights roughly by size). */
export const MUNICIPALITIES: Figure<readonly number[]> = {
  value: [301, 4601, 5001, 1103, 3201, 4204, 5501, 1813, 5006, 3907],
  unit: 'kommunenummer (weights 30, 12, 9, 7, 9, 5, 3, 1, 1, 3)',
  kind: 'assumption',
  source: 'assumption',
};
/** Weights for {@link MUNICIPALITIES}. */
export const MUNICIPALITY_WEIGHTS: readonly number[] = [30, 12, 9, 7, 9, 5, 3, 1, 1, 3];

/** Every documented figure by name, with its source or marked as an assumption (rendered into PREVALENCES.md). */
export const PREVALENCE_FIGURES: Readonly<Record<string, Figure>> = {
  AGE_BANDS,
  AGE_SHARES,
  OLDEST_SPLIT,
  FEMALE_SHARE,
  COMPLEXITY_SIGMA,
  HOSPITAL_STAYS,
  EMERGENCY_SHARE,
  LENGTH_OF_STAY,
  EMERGENCY_VISITS,
  GP_CONSULTATIONS,
  ICD10_CODED,
  DIABETES_TYPE1,
  DIABETES_COMPLICATED,
  CANCER_METASTATIC,
  CHILD_COMPLEX,
  BASE_MEDICATIONS,
  MEDICATIONS_PER_CONDITION,
  HOME_SERVICES,
  LONG_TERM_CARE,
  IPLOS,
  FRAILTY_RECORDED,
  FALLS,
  SOCIAL,
  HAS_GP,
  MUNICIPALITIES,
  ...Object.fromEntries(CONDITIONS.map((c) => [`CONDITION ${c.group}`, c.prevalence])),
};
