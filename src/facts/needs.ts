import type { ServiceNeed } from '../model/person.js';
import { anyOf, atLeastDistinct } from './kleene.js';
import { defaultLevel, HEALTH_AND_CARE, isProvider, isUnnamed, OTHER_WELFARE } from './serviceKinds.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over the service needs mapped in the assessment (`serviceNeeds`). "Koordinerte" means a need
 * for two or more services from different providers that must be seen together; "langvarige" means a
 * need of some duration, with no minimum number of months (rundskriv phvl. § 4-1). Different providers
 * are read as different service kinds. Absent `serviceNeeds` is unknown; an empty list is "no needs".
 * A need for an `other` service may be a health or care service or not, and may be the same provider
 * as another need: it can make an answer true only together with what is known, so alone it leaves
 * the answer unknown, never false. Each `other` need is counted as a possible distinct provider.
 */

/** The key a need counts under: its service, or a key of its own for each `other` need. */
function keyOf(n: ServiceNeed, i: number): string {
  return isUnnamed(n.service) ? `other#${i}` : n.service;
}

const PHVL_41 = {
  document: 'Helsedirektoratet, rundskriv psykisk helsevernloven med kommentarer, § 4-1 Individuell plan',
  section: 'Kommentar, andre ledd («langvarige» og «koordinerte»)',
  url: 'https://www.helsedirektoratet.no/rundskriv/psykisk-helsevernloven-med-kommentarer/gjennomforing-av-psykisk-helsevern/4-1-individuell-plan',
} as const;

function needs(ctx: FactContext): readonly ServiceNeed[] | undefined {
  return ctx.person.serviceNeeds;
}

/** Services from two or more different providers, in any sector (the team's "coordinated need"). */
export const coordinatedNeed = /* @__PURE__ */ defineBuiltinFact({
  name: 'coordinatedNeed',
  type: 'boolean',
  label: { nb: 'behov for koordinerte tjenester', nn: 'behov for koordinerte tenester', en: 'need for coordinated services' },
  description: {
    nb: 'Sann når kartlagte behov gjelder tjenester fra to eller flere ulike tjenesteytere (alle sektorer; pårørende teller ikke).',
    nn: 'Sann når kartlagde behov gjeld tenester frå to eller fleire ulike tenesteytarar (alle sektorar; pårørande tel ikkje).',
    en: 'True when the mapped needs concern services from two or more different providers (any sector; relatives do not count).',
  },
  source: PHVL_41,
  evidence: 'found',
  derive: (ctx) => {
    const ns = needs(ctx);
    if (ns === undefined) return undefined;
    // An `other` need is surely a provider, but whether it is a different one is not known.
    return atLeastDistinct(
      2,
      ns
        .map((n, i) => ({ n, i }))
        .filter(({ n }) => isProvider(n.service))
        .map(({ n, i }) => ({ key: keyOf(n, i), holds: isUnnamed(n.service) ? undefined : true })),
    );
  },
});

/** Long-term need for health and care services from two or more different providers (pbrl. § 2-5). */
export const longTermCoordinatedCare = /* @__PURE__ */ defineBuiltinFact({
  name: 'longTermCoordinatedCare',
  type: 'boolean',
  label: {
    nb: 'behov for langvarige og koordinerte helse- og omsorgstjenester',
    nn: 'behov for langvarige og koordinerte helse- og omsorgstenester',
    en: 'need for long-term and coordinated health and care services',
  },
  description: {
    nb: 'Sann når minst to ulike helse- og omsorgstjenester (også praktisk bistand, BPA, avlastning, korttids- og langtidsopphold, dagtilbud og tannhelse) har langvarig behov. Ukjent når et behov mangler opplysning om varighet, eller er en annen tjeneste (other), og kunne avgjort svaret.',
    nn: 'Sann når minst to ulike helse- og omsorgstenester (også praktisk bistand, BPA, avlasting, korttids- og langtidsopphald, dagtilbod og tannhelse) har langvarig behov. Ukjend når eit behov manglar opplysning om varigheit, eller er ei anna teneste (other), og kunne ha avgjort svaret.',
    en: 'True when at least two different health and care services (practical assistance, BPA, respite, short- and long-term stays, day care and dental care included) are needed long-term. Unknown when a need lacks its duration, or is another service (other), and could decide the answer.',
  },
  source: PHVL_41,
  evidence: 'found',
  derive: (ctx) => {
    const ns = needs(ctx);
    if (ns === undefined) return undefined;
    return atLeastDistinct(
      2,
      ns
        .map((n, i) => ({ n, i }))
        .filter(({ n }) => HEALTH_AND_CARE.has(n.service) || isUnnamed(n.service))
        .map(({ n, i }) => ({ key: keyOf(n, i), holds: isUnnamed(n.service) ? (n.longTerm === false ? false : undefined) : n.longTerm })),
    );
  },
});

/** Any long-term need. */
export const longTermNeed = /* @__PURE__ */ defineBuiltinFact({
  name: 'longTermNeed',
  type: 'boolean',
  label: { nb: 'langvarig behov for tjenester', nn: 'langvarig behov for tenester', en: 'long-term need for services' },
  description: {
    nb: 'Sann når minst ett kartlagt behov for helse- og omsorgstjenester er langvarig.',
    nn: 'Sann når minst eitt kartlagt behov for helse- og omsorgstenester er langvarig.',
    en: 'True when at least one mapped need for health and care services is long-term.',
  },
  source: PHVL_41,
  evidence: 'found',
  derive: (ctx) => {
    const ns = needs(ctx);
    if (ns === undefined) return undefined;
    return anyOf(
      ns
        .filter((n) => HEALTH_AND_CARE.has(n.service) || isUnnamed(n.service))
        .map((n) => (isUnnamed(n.service) && n.longTerm !== false ? undefined : n.longTerm)),
    );
  },
});

/** A need for welfare services outside health care (NAV, school, kindergarten, PPT, child welfare, housing). */
export const needsOtherWelfareServices = /* @__PURE__ */ defineBuiltinFact({
  name: 'needsOtherWelfareServices',
  type: 'boolean',
  label: { nb: 'behov for andre velferdstjenester', nn: 'behov for andre velferdstenester', en: 'need for other welfare services' },
  description: {
    nb: 'Sann når kartlagte behov omfatter NAV, skole, barnehage, PP-tjenesten, barnevern eller bolig. Ukjent når et behov for en annen tjeneste (other) kunne avgjort svaret.',
    nn: 'Sann når kartlagde behov omfattar NAV, skule, barnehage, PP-tenesta, barnevern eller bustad. Ukjend når eit behov for ei anna teneste (other) kunne ha avgjort svaret.',
    en: 'True when the mapped needs include NAV, school, kindergarten, PPT, child welfare or housing. Unknown when a need for another service (other) could decide the answer.',
  },
  source: {
    document: 'Helsedirektoratet, rundskriv pasient- og brukerrettighetsloven, § 2-5 c Rett til barnekoordinator',
    section: 'Vilkår: behov for andre velferdstjenester',
    url: 'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/rett-til-helse-og-omsorgstjenester-og-transport/-2-5c-rett-til-barnekoordinator',
  },
  evidence: 'found',
  derive: (ctx) => {
    const ns = needs(ctx);
    if (ns === undefined) return undefined;
    return anyOf(ns.map((n) => (OTHER_WELFARE.has(n.service) ? true : isUnnamed(n.service) ? undefined : false)));
  },
});

/** Needs for both municipal and specialist health services: the municipality is then responsible for IP and coordinator. */
export const municipalAndSpecialistNeeds = /* @__PURE__ */ defineBuiltinFact({
  name: 'municipalAndSpecialistNeeds',
  type: 'boolean',
  label: {
    nb: 'behov for både kommunale tjenester og spesialisthelsetjenester',
    nn: 'behov for både kommunale tenester og spesialisthelsetenester',
    en: 'needs for both municipal and specialist services',
  },
  description: {
    nb: 'Sann når kartlagte helsebehov gjelder både kommunen og spesialisthelsetjenesten. Nivået leses fra behovet, ellers fra tjenesten (fastlege og kommunale tjenester er kommunale).',
    nn: 'Sann når kartlagde helsebehov gjeld både kommunen og spesialisthelsetenesta. Nivået blir lese frå behovet, elles frå tenesta (fastlege og kommunale tenester er kommunale).',
    en: 'True when the mapped health needs involve both the municipality and the specialist health service. The level comes from the need, otherwise from the service (the GP and municipal services are municipal).',
  },
  source: {
    document: 'Helsedirektoratet, rundskriv pasient- og brukerrettighetsloven, § 2-5 Rett til individuell plan',
    section: 'Kommentar, femte ledd (kommunen har ansvaret når begge nivåer yter tjenester)',
    url: 'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/rett-til-helse-og-omsorgstjenester-og-transport/rett-til-individuell-plan',
  },
  evidence: 'found',
  derive: (ctx) => {
    const ns = needs(ctx);
    if (ns === undefined) return undefined;
    // Whether each health or care need is at `level`: its own level, else the service's default. An
    // `other` need may not be a health or care service at all, so it is at most unknown.
    const at = (level: 'municipal' | 'specialist') =>
      anyOf(
        ns
          .filter((n) => HEALTH_AND_CARE.has(n.service) || isUnnamed(n.service))
          .map((n) => {
            const l = n.level ?? (isUnnamed(n.service) ? undefined : defaultLevel(n.service));
            if (l === undefined) return undefined;
            return l === level ? (isUnnamed(n.service) ? undefined : true) : false;
          }),
      );
    const municipal = at('municipal');
    const specialist = at('specialist');
    if (municipal === false || specialist === false) return false;
    return municipal === true && specialist === true ? true : undefined;
  },
});
