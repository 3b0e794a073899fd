import { z } from 'zod';
import { Consent, ServiceKind } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';
import { acceptableGiver, inForce } from './consentGiver.js';
import { allOf, anyOf, knownMembers, not } from './kleene.js';
import type { Maybe } from './kleene.js';
import { NEEDS_EXPLICIT_CONSENT } from './serviceKinds.js';
import type { FactContext } from './types.js';
import { defineFact } from './types.js';

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
  return anyOf(cs.filter((c) => scopes.includes(c.scope) && inForce(c, ctx.asOfDay)).map((c) => acceptableGiver(ctx.person, ctx.asOf, c.givenBy)));
}

/** A valid consent for a scope: in force and given by the right person for the person's age and capacity. */
export const validConsent = defineFact({
  name: 'validConsent',
  type: 'boolean',
  label: { nb: 'gyldig samtykke', nn: 'gyldig samtykke', en: 'valid consent' },
  description: {
    nb: 'Sann når et samtykke med omfanget `scope` er gitt, ikke trukket tilbake, og er gitt av rett person: personen selv fra 16 år, foreldre (eller barnevernet) under 16, en representant når personen mangler samtykkekompetanse.',
    nn: 'Sann når eit samtykke med omfanget `scope` er gitt, ikkje trekt tilbake, og er gitt av rett person: personen sjølv frå 16 år, foreldre (eller barnevernet) under 16, ein representant når personen manglar samtykkekompetanse.',
    en: 'True when a consent with scope `scope` is given, not withdrawn, and given by the right person: the person from 16, parents (or child welfare) under 16, a representative when the person lacks consent competence.',
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
export const consentsFromWrongGiver = defineFact({
  name: 'consentsFromWrongGiver',
  type: 'list',
  label: { nb: 'samtykker gitt av feil person', nn: 'samtykke gitt av feil person', en: 'consents given by the wrong person' },
  description: {
    nb: 'Omfang (team, individuell plan, koordinator, informasjonsdeling) der samtykket er gitt av en som ikke kan samtykke for personen nå, f.eks. foreldre etter at personen er fylt 16, og ingen gyldig samtykke finnes.',
    nn: 'Omfang (team, individuell plan, koordinator, informasjonsdeling) der samtykket er gitt av ein som ikkje kan samtykkje for personen no, t.d. foreldre etter at personen har fylt 16, og det ikkje finst noko gyldig samtykke.',
    en: 'Scopes (team, individual plan, coordinator, information sharing) whose consent comes from someone who may not consent for the person now, e.g. parents after the person turned 16, with no valid consent.',
  },
  evidence: 'found',
  derive: (ctx) => {
    const cs = consents(ctx);
    if (cs === undefined) return undefined;
    return knownMembers(
      Scope.options.map((scope) => {
        const inScope = cs.filter((c) => c.scope === scope && inForce(c, ctx.asOfDay));
        const givers = inScope.map((c) => acceptableGiver(ctx.person, ctx.asOf, c.givenBy));
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
export const membersWithoutExplicitConsent = defineFact({
  name: 'membersWithoutExplicitConsent',
  type: 'list',
  label: { nb: 'teammedlemmer uten uttrykkelig samtykke', nn: 'teammedlemer utan uttrykkjeleg samtykke', en: 'team members without explicit consent' },
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
    const sharing = cs?.filter((c) => (c.scope === 'team' || c.scope === 'individual-plan' || c.scope === 'information-sharing') && inForce(c, ctx.asOfDay));
    return knownMembers(
      team.members
        .filter((m) => wanted.has(m.service))
        .map((m) => {
          const covered = sharing === undefined ? undefined : anyOf(sharing.filter((c) => c.services?.includes(m.service)).map((c) => acceptableGiver(ctx.person, ctx.asOf, c.givenBy)));
          return { value: m.service, member: covered === undefined ? undefined : !covered };
        }),
    );
  },
});

/** What consents in force do not record: services, information, purpose, that it can be withdrawn. */
export const consentRecordGaps = defineFact({
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
export const withdrawnConsents = defineFact({
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
export const childNotHeard = defineFact({
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
export const parentConsent = defineFact({
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
export const sharingObjection = defineFact({
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
    return os.some((o) => (toDayNumber(o.date) ?? Infinity) <= asOfDay && (o.withdrawnDate === undefined || (toDayNumber(o.withdrawnDate) ?? Infinity) > asOfDay));
  },
});

/** Recorded consent competence (absent: not assessed; the law presumes competence from 16). */
export const consentCompetence = defineFact({
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
