import * as z from 'zod';
import { Consent, ServiceKind } from '../model/person.js';
import { agesOn, daysUntilBirthday, toDayNumber } from '../util/dates.js';
import { acceptableGiver, HEALTH_MAJORITY_AGE, inForce, OWN_CONSENT_AGE } from './consentGiver.js';
import { allOf, anyOf, knownMembers, not } from './kleene.js';
import type { Maybe } from './kleene.js';
import { NEEDS_EXPLICIT_CONSENT } from './serviceKinds.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over consents (samtykke) and objections. `consents` absent is unknown; an empty list means
 * none is recorded. Inside a consent record, what is not recorded is not there: a consent that lists
 * no services covers no named service, and one that does not say the person was told it can be
 * withdrawn has that gap.
 */

const Scope = Consent.shape.scope;
type Scope = z.infer<typeof Scope>;

const HPL_25 = {
  document: 'Helsedirektoratet, rundskriv helsepersonelloven med kommentarer, § 25 Opplysninger til samarbeidende personell',
  section: 'Helsedirektoratets kommentarer, første ledd',
  url: 'https://www.helsedirektoratet.no/rundskriv/helsepersonelloven-med-kommentarer/taushetsplikt-og-opplysningsrett/-25.opplysninger-til-samarbeidende-personell',
} as const;

function consents(ctx: FactContext) {
  return ctx.person.consents;
}

/** Kleene: is there a consent in force for `scope` from the right person? */
export function hasValidConsent(ctx: FactContext, scopes: readonly Scope[]): Maybe {
  const cs = consents(ctx);
  if (cs === undefined) return undefined;
  return anyOf(cs.filter((c) => scopes.includes(c.scope) && inForce(c, ctx.asOfDay)).map((c) => acceptableGiver(ctx.person, ctx.asOf, c)));
}

/** A valid consent for a scope: in force and given by the right person for the person's age and capacity. */
export const validConsent = /* @__PURE__ */ defineBuiltinFact({
  name: 'validConsent',
  type: 'boolean',
  label: { nb: 'gyldig samtykke', nn: 'gyldig samtykke', en: 'valid consent' },
  description: {
    nb: 'Sann når et samtykke med omfanget `scope` er gitt, ikke trukket tilbake, og er gitt av rett person: personen selv fra 16 år; ungdom på 12–15 år selv når foreldrene ikke skal informeres (pbrl. § 4-3 første ledd bokstav c); foreldre under 16; barnevernet når det har overtatt omsorgen (§ 4-5); en representant når personen mangler samtykkekompetanse. Ukjent når det ikke er registrert om en ungdom på 12–15 år vil at foreldrene skal informeres, eller om barnevernet har overtatt omsorgen.',
    nn: 'Sann når eit samtykke med omfanget `scope` er gitt, ikkje trekt tilbake, og er gitt av rett person: personen sjølv frå 16 år; ungdom på 12–15 år sjølv når foreldra ikkje skal informerast (pbrl. § 4-3 første ledd bokstav c); foreldre under 16; barnevernet når det har overteke omsorga (§ 4-5); ein representant når personen manglar samtykkekompetanse. Ukjend når det ikkje er registrert om ein ungdom på 12–15 år vil at foreldra skal informerast, eller om barnevernet har overteke omsorga.',
    en: 'True when a consent with scope `scope` is given, not withdrawn, and given by the right person: the person from 16; a young person of 12–15 alone when the parents are not to be told (pbrl. § 4-3 first paragraph letter c); parents under 16; child welfare when it has taken over the care (§ 4-5); a representative when the person lacks consent competence. Unknown when the record does not say whether a young person of 12–15 wants the parents told, or whether child welfare has taken over the care.',
  },
  params: z.strictObject({ scope: Scope }),
  source: {
    document: 'Helsedirektoratet, rundskriv pasient- og brukerrettighetsloven, §§ 4-3 til 4-5 (samtykkekompetanse) og § 2-5',
    section: '§ 4-3 første ledd; § 4-4; § 4-5; § 2-5 fjerde ledd',
    url: 'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/samtykke-til-helsehjelp/hvem-som-har-samtykkekompetanse',
  },
  evidence: 'found',
  derive: (ctx, p) => hasValidConsent(ctx, [p.scope]),
});

/** Scopes whose only consents in force come from someone who may not consent for the person now. */
export const consentsFromWrongGiver = /* @__PURE__ */ defineBuiltinFact({
  name: 'consentsFromWrongGiver',
  type: 'list',
  label: { nb: 'samtykker gitt av feil person', nn: 'samtykke gitt av feil person', en: 'consents given by the wrong person' },
  description: {
    nb: 'Omfang (team, individuell plan, koordinator, informasjonsdeling) der samtykket er gitt av en som ikke kan samtykke for personen nå, f.eks. foreldre etter at personen er fylt 16, og ingen gyldig samtykke finnes. Et samtykke fra en ungdom på 12–15 år selv er ikke feil giver før det er registrert at foreldrene kan informeres.',
    nn: 'Omfang (team, individuell plan, koordinator, informasjonsdeling) der samtykket er gitt av ein som ikkje kan samtykkje for personen no, t.d. foreldre etter at personen har fylt 16, og det ikkje finst noko gyldig samtykke. Eit samtykke frå ein ungdom på 12–15 år sjølv er ikkje feil givar før det er registrert at foreldra kan informerast.',
    en: 'Scopes (team, individual plan, coordinator, information sharing) whose consent comes from someone who may not consent for the person now, e.g. parents after the person turned 16, with no valid consent. A young person of 12–15 who consented alone is not the wrong giver until the record says the parents may be told.',
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return knownMembers(
      Scope.options.map((scope) => {
        const inScope = cs.filter((c) => c.scope === scope && inForce(c, ctx.asOfDay));
        const givers = inScope.map((c) => acceptableGiver(ctx.person, ctx.asOf, c));
        // Kleene: some consent is from the wrong person AND none is from the right one.
        return { value: scope, member: allOf([anyOf(givers.map(not)), not(anyOf(givers))]) };
      }),
    );
  },
});

/**
 * Team members from services outside health care (school, kindergarten, PPT, child welfare, NAV,
 * housing by default) that no valid consent in force names.
 */
export const membersWithoutExplicitConsent = /* @__PURE__ */ defineBuiltinFact({
  name: 'membersWithoutExplicitConsent',
  type: 'list',
  label: {
    nb: 'teammedlemmer uten uttrykkelig samtykke',
    nn: 'teammedlemer utan uttrykkjeleg samtykke',
    en: 'team members without explicit consent',
  },
  description: {
    nb: 'Tjenester i teamet fra skole, barnehage, PP-tjenesten, barnevern, NAV eller bolig (eller tjenestene i `services`) som ikke er nevnt i et gyldig samtykke til team, individuell plan eller informasjonsdeling. Helsepersonelloven § 25 dekker ikke dem.',
    nn: 'Tenester i teamet frå skule, barnehage, PP-tenesta, barnevern, NAV eller bustad (eller tenestene i `services`) som ikkje er nemnde i eit gyldig samtykke til team, individuell plan eller informasjonsdeling. Helsepersonellova § 25 dekkjer ikkje dei.',
    en: 'Team services from school, kindergarten, PPT, child welfare, NAV or housing (or those in `services`) that no valid consent to team, individual plan or information sharing names. Helsepersonelloven § 25 does not cover them.',
  },
  params: z.strictObject({ services: z.array(ServiceKind).min(1).max(16) }).optional(),
  source: HPL_25,
  evidence: 'found',
  derive: (ctx, p) => {
    const team = ctx.person.team;
    if (team === undefined || team.status === 'closed' || team.members.length === 0) return [];
    const wanted = new Set(p?.services ?? NEEDS_EXPLICIT_CONSENT);
    const cs = consents(ctx);
    const sharing = cs?.filter(
      (c) => (c.scope === 'team' || c.scope === 'individual-plan' || c.scope === 'information-sharing') && inForce(c, ctx.asOfDay),
    );
    return knownMembers(
      team.members
        .filter((m) => wanted.has(m.service))
        .map((m) => {
          const covered =
            sharing === undefined
              ? undefined
              : anyOf(sharing.filter((c) => c.services?.includes(m.service)).map((c) => acceptableGiver(ctx.person, ctx.asOf, c)));
          return { value: m.service, member: covered === undefined ? undefined : !covered };
        }),
    );
  },
});

/** What consents in force do not record: services, information, purpose, that it can be withdrawn. */
export const consentRecordGaps = /* @__PURE__ */ defineBuiltinFact({
  name: 'consentRecordGaps',
  type: 'list',
  label: { nb: 'mangler i samtykket', nn: 'manglar i samtykket', en: 'gaps in the consent record' },
  description: {
    nb: 'Det som gjeldende samtykker ikke oppgir: services (hvilke tjenester), information (hvilke opplysninger), purpose (formål), withdrawable (at personen er informert om at samtykket kan trekkes tilbake).',
    nn: 'Det som gjeldande samtykke ikkje oppgir: services (kva tenester), information (kva opplysningar), purpose (formål), withdrawable (at personen er informert om at samtykket kan trekkjast tilbake).',
    en: 'What consents in force do not state: services (which services), information (which information), purpose, withdrawable (that the person was told it can be withdrawn).',
  },
  source: {
    document: 'Tynset kommune, samtykke til oppheving av taushetsplikt og utveksling av opplysninger i tverrfaglig samarbeid',
    section: 'Skjemaets innhold: tjenester, opplysninger, formål, tilbaketrekking',
    url: 'https://bti.tynset.kommune.no/verktoy/samtykke-til-oppheving-av-taushetsplikt-og-utveksling-av-opplysninger-i-tverrfaglig-samarbeid/',
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    if (cs.length === 0) return [];
    const gaps = new Set<string>();
    for (const c of cs) {
      if (!inForce(c, ctx.asOfDay)) continue;
      if (!c.services?.length) gaps.add('services');
      if (!c.informationCategories?.length) gaps.add('information');
      if (c.purpose === undefined) gaps.add('purpose');
      if (c.informedWithdrawable !== true) gaps.add('withdrawable');
    }
    return ['services', 'information', 'purpose', 'withdrawable'].filter((g) => gaps.has(g));
  },
});

/** Scopes whose consent was withdrawn on or before `asOf` and not given again since. */
export const withdrawnConsents = /* @__PURE__ */ defineBuiltinFact({
  name: 'withdrawnConsents',
  type: 'list',
  label: { nb: 'tilbaketrukne samtykker', nn: 'tilbaketrekte samtykke', en: 'withdrawn consents' },
  description: {
    nb: 'Omfang der samtykket er trukket tilbake og ikke gitt på nytt etterpå.',
    nn: 'Omfang der samtykket er trekt tilbake og ikkje gitt på nytt etterpå.',
    en: 'Scopes whose consent was withdrawn and not given again afterwards.',
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    const out: string[] = [];
    for (const scope of Scope.options) {
      const withdrawn = cs
        .filter((c) => c.scope === scope && c.withdrawnDate !== undefined && (toDayNumber(c.withdrawnDate) ?? Infinity) <= ctx.asOfDay)
        .map((c) => toDayNumber(c.withdrawnDate!) ?? 0);
      if (withdrawn.length === 0) continue;
      const last = Math.max(...withdrawn);
      const renewed = cs.some((c) => c.scope === scope && inForce(c, ctx.asOfDay) && (toDayNumber(c.date) ?? 0) >= last);
      if (!renewed) out.push(scope);
    }
    return out;
  },
});

/** A parent's consent in force does not record that the child was heard. */
export const childNotHeard = /* @__PURE__ */ defineBuiltinFact({
  name: 'childNotHeard',
  type: 'boolean',
  label: { nb: 'barnet er ikke registrert som hørt', nn: 'barnet er ikkje registrert som høyrt', en: 'the child is not recorded as heard' },
  description: {
    nb: 'Sann når et gjeldende samtykke fra foreldre ikke registrerer at barnet er hørt. Usann uten slike samtykker.',
    nn: 'Sann når eit gjeldande samtykke frå foreldre ikkje registrerer at barnet er høyrt. Usann utan slike samtykke.',
    en: "True when a parent's consent in force does not record that the child was heard. False without such consents.",
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return cs.some((c) => c.givenBy === 'parent' && inForce(c, ctx.asOfDay) && c.childHeard !== true);
  },
});

/** A parent's consent is in force. */
export const parentConsent = /* @__PURE__ */ defineBuiltinFact({
  name: 'parentConsent',
  type: 'boolean',
  label: { nb: 'samtykke fra foreldre', nn: 'samtykke frå foreldre', en: 'consent from parents' },
  description: {
    nb: 'Sann når et samtykke gitt av foreldre gjelder på vurderingsdatoen.',
    nn: 'Sann når eit samtykke gitt av foreldre gjeld på vurderingsdatoen.',
    en: 'True when a consent given by parents is in force on the evaluation date.',
  },
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return cs.some((c) => c.givenBy === 'parent' && inForce(c, ctx.asOfDay));
  },
});

/** The person objects to sharing with cooperating personnel (hpl. § 25), and the objection stands. */
export const sharingObjection = /* @__PURE__ */ defineBuiltinFact({
  name: 'sharingObjection',
  type: 'boolean',
  label: { nb: 'personen motsetter seg deling', nn: 'personen set seg imot deling', en: 'the person objects to sharing' },
  description: {
    nb: 'Sann når personen har motsatt seg at opplysninger deles med samarbeidende personell, og innsigelsen står ved lag.',
    nn: 'Sann når personen har sett seg imot at opplysningar blir delte med samarbeidande personell, og innvendinga står ved lag.',
    en: 'True when the person has objected to information being shared with cooperating personnel and the objection stands.',
  },
  source: HPL_25,
  evidence: 'found',
  derive: ({ person, asOfDay }) => {
    const os = person.sharingObjections;
    if (os === undefined) return undefined;
    return os.some(
      (o) =>
        (toDayNumber(o.date) ?? Infinity) <= asOfDay &&
        (o.withdrawnDate === undefined || (toDayNumber(o.withdrawnDate) ?? Infinity) > asOfDay),
    );
  },
});

/** Recorded consent competence (absent: not assessed; the law presumes competence from 16). */
export const consentCompetence = /* @__PURE__ */ defineBuiltinFact({
  name: 'consentCompetence',
  type: 'boolean',
  label: { nb: 'samtykkekompetanse', nn: 'samtykkekompetanse', en: 'consent competence' },
  description: {
    nb: 'Registrert samtykkekompetanse. Ukjent når den ikke er vurdert; loven legger til grunn at personer fra 16 år har den.',
    nn: 'Registrert samtykkekompetanse. Ukjend når han ikkje er vurdert; lova legg til grunn at personar frå 16 år har han.',
    en: 'Recorded consent competence. Unknown when not assessed; the law presumes it from 16.',
  },
  derive: ({ person }) => person.capacity?.consentCompetence,
});

const PBRL_43 = {
  document: 'Helsedirektoratet, rundskriv pasient- og brukerrettighetsloven med kommentarer, § 4-3 Hvem som har samtykkekompetanse',
  section: 'Første ledd bokstav b (16 år) og bokstav c (12–16 år, helsehjelp foreldrene ikke skal informeres om, jf. § 3-4)',
  url: 'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/samtykke-til-helsehjelp/hvem-som-har-samtykkekompetanse',
} as const;

/** A young person of 12 to 15 consented alone, and the record does not say whether the parents are not to be told. */
export const youngPersonAloneUnclear = /* @__PURE__ */ defineBuiltinFact({
  name: 'youngPersonAloneUnclear',
  type: 'boolean',
  label: {
    nb: 'ungdom på 12–15 år har samtykket selv uten at grunnlaget er registrert',
    nn: 'ungdom på 12–15 år har samtykt sjølv utan at grunnlaget er registrert',
    en: 'a young person of 12–15 consented alone without the basis recorded',
  },
  description: {
    nb: 'Sann når personen er 12–15 år og har gitt et gjeldende samtykke selv, og det ikke er registrert om foreldrene ikke skal informeres (pbrl. § 4-3 første ledd bokstav c, jf. § 3-4). Ukjent uten alder.',
    nn: 'Sann når personen er 12–15 år og har gitt eit gjeldande samtykke sjølv, og det ikkje er registrert om foreldra ikkje skal informerast (pbrl. § 4-3 første ledd bokstav c, jf. § 3-4). Ukjend utan alder.',
    en: 'True when the person is 12–15 and gave a consent in force alone, and the record does not say whether the parents are not to be told (pbrl. § 4-3 first paragraph letter c, with § 3-4). Unknown without an age.',
  },
  source: PBRL_43,
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    const own = cs.filter((c) => c.givenBy === 'person' && inForce(c, ctx.asOfDay) && c.parentsNotToBeInformed === undefined);
    if (own.length === 0) return false;
    if (ctx.person.capacity?.consentCompetence === false) return false;
    // A partial birth date may stand for two ages: known when both are 12–15, or neither is.
    const young = (ctx.person.birthDate === undefined ? undefined : agesOn(ctx.person.birthDate, ctx.asOf))?.map(
      (age) => age >= OWN_CONSENT_AGE && age < HEALTH_MAJORITY_AGE,
    );
    return young === undefined || young.some((y) => y !== young[0]) ? undefined : young[0];
  },
});

/** Scopes whose valid consent rests on one parent of two (pbrl. § 4-4 second paragraph). */
export const oneParentConsents = /* @__PURE__ */ defineBuiltinFact({
  name: 'oneParentConsents',
  type: 'list',
  label: { nb: 'samtykker fra én av to foreldre', nn: 'samtykke frå éin av to foreldre', en: 'consents from one parent of two' },
  description: {
    nb: 'Omfang der det eneste gyldige samtykket er fra én forelder når begge har foreldreansvar. Ukjent når samtykket ikke sier om alle med foreldreansvar har samtykket.',
    nn: 'Omfang der det einaste gyldige samtykket er frå éin forelder når begge har foreldreansvar. Ukjend når samtykket ikkje seier om alle med foreldreansvar har samtykt.',
    en: 'Scopes whose only valid consent is from one parent where both have parental responsibility. Unknown when the consent does not say whether everyone with parental responsibility consented.',
  },
  source: {
    document: 'Pasient- og brukerrettighetsloven § 4-4 Samtykke på vegne av barn',
    section: 'Andre ledd (én av foreldrene er nok for daglig og ordinær omsorg og for helsehjelp kvalifisert personell mener er nødvendig)',
    url: 'https://lovdata.no/lov/1999-07-02-63/§4-4',
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return knownMembers(
      Scope.options.map((scope) => {
        const valid = cs.filter((c) => c.scope === scope && inForce(c, ctx.asOfDay) && acceptableGiver(ctx.person, ctx.asOf, c) === true);
        if (valid.length === 0) return { value: scope, member: false };
        // One consent that is not from a single parent settles the scope; otherwise unknown if one might be.
        const single = valid.map((c) =>
          c.givenBy !== 'parent' ? false : c.allWithParentalResponsibility === undefined ? undefined : !c.allWithParentalResponsibility,
        );
        return { value: scope, member: allOf(single) };
      }),
    );
  },
});

/** A consent in force was given on the person's behalf, by parents or child welfare. */
export const consentOnBehalf = /* @__PURE__ */ defineBuiltinFact({
  name: 'consentOnBehalf',
  type: 'boolean',
  label: { nb: 'samtykke gitt på personens vegne', nn: 'samtykke gitt på vegner av personen', en: "consent given on the person's behalf" },
  description: {
    nb: 'Sann når et gjeldende samtykke er gitt av foreldre eller barnevernet.',
    nn: 'Sann når eit gjeldande samtykke er gitt av foreldre eller barnevernet.',
    en: 'True when a consent in force was given by the parents or child welfare.',
  },
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return cs.some((c) => (c.givenBy === 'parent' || c.givenBy === 'child-welfare') && inForce(c, ctx.asOfDay));
  },
});

/** A lack of consent competence is recorded (the law presumes competence from 16 until a lack is decided and written down). */
export const lackOfConsentCompetenceRecorded = /* @__PURE__ */ defineBuiltinFact({
  name: 'lackOfConsentCompetenceRecorded',
  type: 'boolean',
  label: {
    nb: 'manglende samtykkekompetanse er registrert',
    nn: 'manglande samtykkekompetanse er registrert',
    en: 'a lack of consent competence is recorded',
  },
  description: {
    nb: 'Sann når det er registrert at personen mangler samtykkekompetanse; ellers usann, fordi manglende kompetanse skal avgjøres og skrives ned (pbrl. § 4-3 tredje ledd).',
    nn: 'Sann når det er registrert at personen manglar samtykkekompetanse; elles usann, fordi manglande kompetanse skal avgjerast og skrivast ned (pbrl. § 4-3 tredje ledd).',
    en: 'True when a lack of consent competence is recorded; otherwise false, because a lack of competence must be decided and written down (pbrl. § 4-3 third paragraph).',
  },
  source: PBRL_43,
  evidence: 'found',
  derive: ({ person }) => person.capacity?.consentCompetence === false,
});

/** Days from `asOf` to the 16th birthday, when consent passes from the parents to the young person. */
export const daysUntil16 = /* @__PURE__ */ defineBuiltinFact({
  name: 'daysUntil16',
  type: 'number',
  label: { nb: 'dager til 16-årsdagen', nn: 'dagar til 16-årsdagen', en: 'days until the 16th birthday' },
  description: {
    nb: 'Antall dager fra vurderingsdatoen til personen fyller 16 år; negativt når dagen er passert. Ukjent uten full fødselsdato.',
    nn: 'Talet på dagar frå vurderingsdatoen til personen fyller 16 år; negativt når dagen er passert. Ukjend utan full fødselsdato.',
    en: 'Days from the evaluation date to the 16th birthday; negative once passed. Unknown without a full birth date.',
  },
  derive: ({ person, asOf }) =>
    person.birthDate === undefined ? undefined : daysUntilBirthday(person.birthDate, asOf, HEALTH_MAJORITY_AGE),
});
