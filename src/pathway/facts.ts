import { acceptableGiver } from '../facts/consentGiver.js';
import { anyOf } from '../facts/kleene.js';
import { defineFact } from '../facts/types.js';
import type { FactDefinition } from '../facts/types.js';
import type { Consent, Person, ServiceKind } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';

/*
 * Facts the pathway's rules can read. They read the Person that the pathway builds from the host's
 * record plus its own context (consents, coordinator, members, plan), so they work for any rule set
 * that is evaluated on that Person. They are not built in: pass them as `extraFacts` when compiling a
 * rule set that uses them (the test fixtures under test/fixtures/pathway/ do). The names carry a
 * `pathway.` prefix so they never clash with the built-in facts.
 */

/** Services that hpl. § 25 does not cover: a member from one of them needs explicit consent (R47). */
export const EXPLICIT_CONSENT_SERVICES: readonly ServiceKind[] = ['school', 'kindergarten', 'ppt', 'child-welfare', 'nav'];

const HPL25 = { document: 'Helsedirektoratet, rundskriv til helsepersonelloven', section: '§ 25 Opplysninger til samarbeidende personell' };
const PBRL43 = {
  document: 'Pasient- og brukerrettighetsloven',
  section: '§§ 4-3 til 4-6 (samtykkekompetanse, barn under 16, 16–18 år uten samtykkekompetanse)',
};

function validOn(c: Consent, asOfDay: number): boolean {
  const from = toDayNumber(c.date);
  const to = c.withdrawnDate === undefined ? undefined : toDayNumber(c.withdrawnDate);
  return from !== undefined && from <= asOfDay && (to === undefined || to > asOfDay);
}

/**
 * Whether a consent was given by the right person on `asOf`: the rule the built-in consent facts
 * use (facts/consentGiver.ts, pbrl. §§ 4-3 to 4-6), so the pathway and the consent rules never
 * disagree about who may consent.
 */
export function rightGiver(person: Person, asOf: string, c: Consent): boolean | undefined {
  return acceptableGiver(person, asOf, c);
}

/** The person has said they want a team. */
export const wantsTeam = defineFact({
  name: 'pathway.wantsTeam',
  type: 'boolean',
  label: { nb: 'personen ønsker oppfølgingsteam', nn: 'personen ønskjer oppfølgingsteam', en: 'the person wants a follow-up team' },
  description: {
    nb: 'Personens svar på tilbudet om oppfølgingsteam. Ukjent til personen er spurt.',
    nn: 'Svaret frå personen på tilbodet om oppfølgingsteam. Ukjend til personen er spurd.',
    en: "The person's answer to the offer of a follow-up team. Unknown until asked.",
  },
  source: { document: 'Steinkjer kommune, Oppfølgingsteam (EQS 7743)', section: 'Når oppfølgingsteam etableres' },
  evidence: 'found',
  derive: ({ person }) => person.preferences?.wantsTeam,
});

/** Distinct providers among the mapped service needs. */
export const coordinatedProviders = defineFact({
  name: 'pathway.coordinatedProviders',
  type: 'number',
  label: {
    nb: 'antall ulike tjenesteytere med kartlagt behov',
    nn: 'talet på ulike tenesteytarar med kartlagt behov',
    en: 'number of different providers with a mapped need',
  },
  description: {
    nb: 'Antall ulike tjenester i de kartlagte behovene (pårørende telles ikke). Ukjent før kartleggingen.',
    nn: 'Talet på ulike tenester i dei kartlagde behova (pårørande blir ikkje talde). Ukjend før kartlegginga.',
    en: 'Number of different services among the mapped needs (relatives are not counted). Unknown before the assessment.',
  },
  source: {
    document: 'Psykisk helsevernloven med kommentarer',
    section: '§ 4-1 (langvarige og koordinerte tjenester: to eller flere tjenester fra ulike tjenesteytere)',
  },
  evidence: 'found',
  derive: ({ person }) =>
    person.serviceNeeds === undefined
      ? undefined
      : new Set(person.serviceNeeds.filter((n) => n.service !== 'relative').map((n) => n.service)).size,
});

/** At least one mapped need is long-term. */
export const longTermNeed = defineFact({
  name: 'pathway.longTermNeed',
  type: 'boolean',
  label: { nb: 'langvarig behov', nn: 'langvarig behov', en: 'long-term need' },
  description: {
    nb: 'Sann når minst ett kartlagt behov er langvarig; usann når alle er kortvarige; ellers ukjent.',
    nn: 'Sann når minst eitt kartlagt behov er langvarig; usann når alle er kortvarige; elles ukjend.',
    en: 'True when at least one mapped need is long-term; false when all are short-term; otherwise unknown.',
  },
  source: { document: 'Pasient- og brukerrettighetsloven', section: '§ 2-5 (langvarige og koordinerte tjenester)' },
  evidence: 'found',
  derive: ({ person }) => {
    const needs = person.serviceNeeds;
    if (needs === undefined || needs.length === 0) return undefined;
    return anyOf(needs.map((n) => n.longTerm));
  },
});

/** A valid team consent from the right person exists on `asOf`. */
export const teamConsent = defineFact({
  name: 'pathway.teamConsent',
  type: 'boolean',
  label: { nb: 'gyldig samtykke til oppfølgingsteam', nn: 'gyldig samtykke til oppfølgingsteam', en: 'valid consent to a follow-up team' },
  description: {
    nb: 'Sann når et samtykke med omfang «team» er gitt (og ikke trukket) på datoen, av personen fra 16 år, av foreldre under 16, eller av representant når personen mangler samtykkekompetanse (fra 16 til 18 år også foreldre).',
    nn: 'Sann når eit samtykke med omfang «team» er gitt (og ikkje trekt) på datoen, av personen frå 16 år, av foreldre under 16, eller av representant når personen manglar samtykkekompetanse (frå 16 til 18 år også foreldre).',
    en: 'True when a consent with scope "team" is given (and not withdrawn) on the date, by the person from 16, by a parent under 16, or by a representative when the person lacks consent competence (from 16 to 18 also the parents).',
  },
  source: PBRL43,
  evidence: 'found',
  derive: ({ person, asOf, asOfDay }) => {
    if (person.consents === undefined) return undefined;
    const valid = person.consents.filter((c) => c.scope === 'team' && validOn(c, asOfDay));
    return anyOf(valid.map((c) => rightGiver(person, asOf, c)));
  },
});

/** Team members from services hpl. § 25 does not cover, without an explicit consent naming their service. */
export const membersWithoutExplicitConsent = defineFact({
  name: 'pathway.membersWithoutExplicitConsent',
  type: 'list',
  label: {
    nb: 'teammedlemmer uten uttrykkelig samtykke',
    nn: 'teammedlemmer utan uttrykkeleg samtykke',
    en: 'team members without explicit consent',
  },
  description: {
    nb: 'Tjenestene til teammedlemmer fra skole, barnehage, PP-tjenesten, barnevern eller NAV som ikke er nevnt i et gyldig samtykke (team eller informasjonsdeling) fra rett person.',
    nn: 'Tenestene til teammedlemmer frå skule, barnehage, PP-tenesta, barnevern eller NAV som ikkje er nemnde i eit gyldig samtykke (team eller informasjonsdeling) frå rett person.',
    en: 'The services of team members from school, kindergarten, PPT, child welfare or NAV that are not named in a valid consent (team or information sharing) from the right person.',
  },
  source: HPL25,
  evidence: 'found',
  derive: ({ person, asOf, asOfDay }) => {
    const members = person.team?.members;
    if (members === undefined) return undefined;
    const consents = (person.consents ?? []).filter(
      (c) => (c.scope === 'team' || c.scope === 'information-sharing') && validOn(c, asOfDay),
    );
    const out: ServiceKind[] = [];
    for (const service of new Set(members.map((m) => m.service))) {
      if (!EXPLICIT_CONSENT_SERVICES.includes(service)) continue;
      const covered = anyOf(consents.filter((c) => c.services?.includes(service)).map((c) => rightGiver(person, asOf, c)));
      if (covered === undefined) return undefined;
      if (!covered) out.push(service);
    }
    return out;
  },
});

/** A team is recorded. */
export const teamExists = defineFact({
  name: 'pathway.teamExists',
  type: 'boolean',
  label: {
    nb: 'oppfølgingsteam finnes eller etableres',
    nn: 'oppfølgingsteam finst eller blir etablert',
    en: 'a follow-up team exists or is being established',
  },
  description: {
    nb: 'Sann når et oppfølgingsteam er registrert. Ukjent ellers.',
    nn: 'Sann når eit oppfølgingsteam er registrert. Ukjend elles.',
    en: 'True when a follow-up team is recorded. Unknown otherwise.',
  },
  derive: ({ person }) => (person.team === undefined ? undefined : true),
});

/** One named coordinator, recorded in the journal. */
export const coordinatorRecorded = defineFact({
  name: 'pathway.coordinatorRecorded',
  type: 'boolean',
  label: {
    nb: 'navngitt koordinator registrert i journalen',
    nn: 'namngitt koordinator registrert i journalen',
    en: 'named coordinator recorded in the journal',
  },
  description: {
    nb: 'Sann når koordinatoren har navn og er registrert i journalen. Usann når teamet ikke har koordinator eller den ikke er registrert.',
    nn: 'Sann når koordinatoren har namn og er registrert i journalen. Usann når teamet ikkje har koordinator eller han ikkje er registrert.',
    en: 'True when the coordinator has a name and is recorded in the journal. False when the team has no coordinator or it is not recorded.',
  },
  source: {
    document: 'Nasjonal veileder for oppfølging av personer med store og sammensatte behov',
    section: 'Koordinator (anbefaling 8b)',
  },
  evidence: 'found',
  derive: ({ person }) => {
    const c = person.coordinator;
    if (c === undefined) return person.team === undefined ? undefined : false;
    if (c.name === undefined || c.recordedInJournal === false) return false;
    return c.recordedInJournal;
  },
});

/** Dated checkpoints in the plan. */
export const planCheckpoints = defineFact({
  name: 'pathway.planCheckpoints',
  type: 'number',
  label: {
    nb: 'antall tidfestede sjekkpunkter i planen',
    nn: 'talet på tidfesta sjekkpunkt i planen',
    en: 'number of dated checkpoints in the plan',
  },
  description: {
    nb: 'Antall sjekkpunkter med dato i oppfølgingsplanen. Ukjent uten plan.',
    nn: 'Talet på sjekkpunkt med dato i oppfølgingsplanen. Ukjend utan plan.',
    en: 'Number of dated checkpoints in the follow-up plan. Unknown without a plan.',
  },
  source: { document: 'Steinkjer kommune, Oppfølgingsteam (EQS 6292)', section: 'Tidfestede sjekkpunkter' },
  evidence: 'found',
  derive: ({ person }) => (person.individualPlan === undefined ? undefined : (person.individualPlan.checkpoints ?? []).length),
});

/** Every pathway fact, for `compileRuleSet(json, { extraFacts: pathwayFacts })`. */
export const pathwayFacts: readonly FactDefinition<any>[] = [
  wantsTeam,
  coordinatedProviders,
  longTermNeed,
  teamConsent,
  membersWithoutExplicitConsent,
  teamExists,
  coordinatorRecorded,
  planCheckpoints,
];
