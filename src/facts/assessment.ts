import type { PsfsMeasure } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';
import { anyOf } from './kleene.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over the assessment (kartlegging / utredning). Two kinds of field live in `assessment`:
 * judgements about the person (target group, complex needs, coordination complexity, ability to take
 * part) are three-valued, absent = not assessed = unknown; documentation of the assessment itself
 * (status, "what matters" asked, function and resources documented, an alternative baseline) is read
 * as recorded or not recorded, because that is what the checks ask. No assessment record = none.
 */

const V9 = {
  document: 'Helsedirektoratet, veileder Oppfølging av personer med store og sammensatte behov, kap. 9 Om veilederen',
  section: '«Hva er viktig for deg?» og funksjon framfor diagnose',
  url: 'https://www.helsedirektoratet.no/veiledere/oppfolging-av-personer-med-store-og-sammensatte-behov/om-veilederen',
} as const;

const PSFS = {
  document: 'Sunnaas sykehus, RKR måleverktøydatabase: PSFS (Pasientspesifikk funksjonsskala)',
  section: 'Beskrivelse, skåring og retning på skalaen',
  url: 'https://www.sunnaas.no/fag-og-forskning/kompetansesentre-og-tjenester/regional-kompetansetjeneste-for-rehabilitering-rkr/Fagutvikling/maleverktoy/maleverktoydatabase/psfs-patient-specific-functional-scale/',
} as const;

/** PSFS measurements on or before `asOf`, oldest first; undefined when the list is unknown. */
export function psfsUpTo(ctx: FactContext): PsfsMeasure[] | undefined {
  const ms = ctx.person.functionMeasures;
  if (ms === undefined) return undefined;
  return ms
    .filter((m) => (toDayNumber(m.date) ?? Infinity) <= ctx.asOfDay)
    .sort((a, b) => (toDayNumber(a.date) ?? 0) - (toDayNumber(b.date) ?? 0));
}

/** An assessment is recorded. */
export const hasAssessment = /* @__PURE__ */ defineBuiltinFact({
  name: 'hasAssessment',
  type: 'boolean',
  label: { nb: 'kartlegging er registrert', nn: 'kartlegging er registrert', en: 'an assessment is recorded' },
  description: {
    nb: 'Sann når det finnes en registrert kartlegging (pågående eller fullført).',
    nn: 'Sann når det finst ei registrert kartlegging (pågåande eller fullført).',
    en: 'True when an assessment (ongoing or completed) is recorded.',
  },
  derive: ({ person }) => person.assessment !== undefined,
});

/** The assessment is recorded as completed. */
export const assessmentCompleted = /* @__PURE__ */ defineBuiltinFact({
  name: 'assessmentCompleted',
  type: 'boolean',
  label: { nb: 'kartleggingen er fullført', nn: 'kartlegginga er fullført', en: 'the assessment is completed' },
  description: {
    nb: 'Sann når kartleggingen er registrert som fullført.',
    nn: 'Sann når kartlegginga er registrert som fullført.',
    en: 'True when the assessment is recorded as completed.',
  },
  derive: ({ person }) => person.assessment?.status === 'completed',
});

/** Target group confirmed at review or assessment (store og sammensatte behov). */
export const targetGroupConfirmed = /* @__PURE__ */ defineBuiltinFact({
  name: 'targetGroupConfirmed',
  type: 'boolean',
  label: { nb: 'bekreftet i målgruppen', nn: 'stadfesta i målgruppa', en: 'confirmed in the target group' },
  description: {
    nb: 'Fagpersonens vurdering ved gjennomgang eller kartlegging av om personen er i målgruppen (store og sammensatte behov). Ukjent til det er vurdert.',
    nn: 'Vurderinga til fagpersonen ved gjennomgang eller kartlegging av om personen er i målgruppa (store og samansette behov). Ukjend til det er vurdert.',
    en: "The professional's judgement at review or assessment of whether the person is in the target group (large and complex needs). Unknown until judged.",
  },
  derive: ({ person }) => person.assessment?.targetGroupConfirmed,
});

/** The needs are complex (komplekse / sammensatte). */
export const complexNeeds = /* @__PURE__ */ defineBuiltinFact({
  name: 'complexNeeds',
  type: 'boolean',
  label: { nb: 'komplekse behov', nn: 'komplekse behov', en: 'complex needs' },
  description: {
    nb: 'Fagpersonens vurdering av om behovene er komplekse (pbrl. § 2-5 b). Ukjent til det er vurdert.',
    nn: 'Vurderinga til fagpersonen av om behova er komplekse (pbrl. § 2-5 b). Ukjend til det er vurdert.',
    en: "The professional's judgement of whether the needs are complex (pbrl. § 2-5 b). Unknown until judged.",
  },
  derive: ({ person }) => person.assessment?.complexNeeds,
});

/** The assessment documents function and resources. */
export const functionAndResourcesDocumented = /* @__PURE__ */ defineBuiltinFact({
  name: 'functionAndResourcesDocumented',
  type: 'boolean',
  label: { nb: 'funksjon og ressurser dokumentert', nn: 'funksjon og ressursar dokumenterte', en: 'function and resources documented' },
  description: {
    nb: 'Sann når kartleggingen dokumenterer funksjon og ressurser, ikke bare diagnoser.',
    nn: 'Sann når kartlegginga dokumenterer funksjon og ressursar, ikkje berre diagnosar.',
    en: 'True when the assessment documents function and resources, not only diagnoses.',
  },
  source: V9,
  evidence: 'found',
  derive: ({ person }) => person.assessment?.functionAndResourcesDocumented === true,
});

/** "Hva er viktig for deg?" is recorded: a stored answer, or the assessment says it was asked. */
export const whatMattersRecorded = /* @__PURE__ */ defineBuiltinFact({
  name: 'whatMattersRecorded',
  type: 'boolean',
  label: { nb: '«Hva er viktig for deg?» registrert', nn: '«Kva er viktig for deg?» registrert', en: '"What matters to you?" recorded' },
  description: {
    nb: 'Sann når personens svar på «Hva er viktig for deg?» er lagret, eller kartleggingen sier at spørsmålet er stilt. Ukjent når ingen liste over svar er sendt og kartleggingen ikke sier noe.',
    nn: 'Sann når svaret frå personen på «Kva er viktig for deg?» er lagra, eller kartlegginga seier at spørsmålet er stilt. Ukjend når inga liste over svar er send og kartlegginga ikkje seier noko.',
    en: 'True when the person\'s answer to "What matters to you?" is stored, or the assessment says it was asked. Unknown when no list of answers is sent and the assessment says nothing.',
  },
  source: V9,
  evidence: 'found',
  derive: ({ person, asOfDay }) => {
    const asked = person.assessment?.whatMattersAsked === true;
    const wm = person.whatMatters;
    const stored = wm === undefined ? undefined : wm.some((w) => (toDayNumber(w.date) ?? Infinity) <= asOfDay);
    // The flag can only confirm; the list of answers (unknown when absent) decides the rest.
    return anyOf([asked, stored]);
  },
});

/** Number of PSFS measurements on or before `asOf`. */
export const psfsMeasurements = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsMeasurements',
  type: 'number',
  label: { nb: 'antall PSFS-målinger', nn: 'talet på PSFS-målingar', en: 'number of PSFS measurements' },
  description: {
    nb: 'Antall PSFS-målinger fram til vurderingsdatoen. Ukjent når listen over funksjonsmål ikke er sendt.',
    nn: 'Talet på PSFS-målingar fram til vurderingsdatoen. Ukjend når lista over funksjonsmål ikkje er send.',
    en: 'Number of PSFS measurements up to the evaluation date. Unknown when the list of function measures is not sent.',
  },
  source: PSFS,
  evidence: 'found',
  derive: (ctx) => psfsUpTo(ctx)?.length,
});

/** Activities in the baseline (first) PSFS; 0 without a PSFS. */
export const psfsBaselineActivities = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsBaselineActivities',
  type: 'number',
  label: { nb: 'aktiviteter i første PSFS', nn: 'aktivitetar i første PSFS', en: 'activities in the baseline PSFS' },
  description: {
    nb: 'Antall aktiviteter i den første PSFS-målingen; 0 uten PSFS.',
    nn: 'Talet på aktivitetar i den første PSFS-målinga; 0 utan PSFS.',
    en: 'Number of activities in the first PSFS measurement; 0 without a PSFS.',
  },
  source: PSFS,
  evidence: 'found',
  derive: (ctx) => {
    const ms = psfsUpTo(ctx);
    if (ms === undefined) return undefined;
    return ms[0]?.activities.length ?? 0;
  },
});

/** An alternative baseline (IPLOS, proxy, observation) is recorded in the assessment. */
export const baselineAlternativeRecorded = /* @__PURE__ */ defineBuiltinFact({
  name: 'baselineAlternativeRecorded',
  type: 'boolean',
  label: {
    nb: 'alternativt funksjonsmål registrert',
    nn: 'alternativt funksjonsmål registrert',
    en: 'alternative baseline measure recorded',
  },
  description: {
    nb: 'Sann når kartleggingen har et alternativt funksjonsmål (IPLOS, stedfortreder eller observasjon) i stedet for selvrapportert PSFS.',
    nn: 'Sann når kartlegginga har eit alternativt funksjonsmål (IPLOS, stadfortredar eller observasjon) i staden for sjølvrapportert PSFS.',
    en: 'True when the assessment records an alternative baseline (IPLOS, proxy or observation) instead of self-reported PSFS.',
  },
  source: PSFS,
  evidence: 'found',
  derive: ({ person }) => person.assessment?.baselineAlternative !== undefined,
});

/** Degree of cognitive impairment as recorded. */
export const cognitiveImpairment = /* @__PURE__ */ defineBuiltinFact({
  name: 'cognitiveImpairment',
  type: 'string',
  label: { nb: 'kognitiv svikt', nn: 'kognitiv svikt', en: 'cognitive impairment' },
  description: {
    nb: 'Registrert grad av kognitiv svikt: none, mild eller marked (markert).',
    nn: 'Registrert grad av kognitiv svikt: none, mild eller marked (markert).',
    en: 'Recorded degree of cognitive impairment: none, mild or marked.',
  },
  derive: ({ person }) => person.capacity?.cognitiveImpairment,
});

/** Coordination complexity (LKT / Vårdanalys axis 1). */
export const coordinationComplexity = /* @__PURE__ */ defineBuiltinFact({
  name: 'coordinationComplexity',
  type: 'string',
  label: { nb: 'kompleksitet i koordineringsbehovet', nn: 'kompleksitet i koordineringsbehovet', en: 'coordination complexity' },
  description: {
    nb: 'Vurdert kompleksitet i koordineringsbehovet: low, moderate eller high.',
    nn: 'Vurdert kompleksitet i koordineringsbehovet: low, moderate eller high.',
    en: 'Judged complexity of the coordination need: low, moderate or high.',
  },
  derive: ({ person }) => person.assessment?.coordinationComplexity,
});

/** Ability to take part in coordinating one's own care (LKT / Vårdanalys axis 2). */
export const abilityToTakePart = /* @__PURE__ */ defineBuiltinFact({
  name: 'abilityToTakePart',
  type: 'string',
  label: {
    nb: 'evne til å delta i egen koordinering',
    nn: 'evne til å delta i eiga koordinering',
    en: 'ability to take part in own coordination',
  },
  description: {
    nb: 'Vurdert evne til å være aktiv og medskapende i koordineringen av egne tjenester: good, reduced eller low.',
    nn: 'Vurdert evne til å vere aktiv og medskapande i koordineringa av eigne tenester: good, reduced eller low.',
    en: "Judged ability to be active and co-creative in coordinating one's own services: good, reduced or low.",
  },
  derive: ({ person }) => person.assessment?.abilityToTakePart,
});
