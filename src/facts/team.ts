import { activeOn } from './active.js';
import { isProvider, serviceKindOf } from './serviceKinds.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over the follow-up team and its coordinator. The team and the coordinator are records the
 * follow-up process itself creates: a host with no team for the person sends no `team`, so an absent
 * team (or a closed one) is "no team", and a team without a `coordinator` record has no coordinator.
 * Inside those records, what is not recorded is not there (a coordinator without a name is not named).
 */

const V8B = {
  document: 'Helsedirektoratet, veileder Oppfølging av personer med store og sammensatte behov, kap. 8',
  section: 'Om koordinatorrollen i tverrfaglig oppfølgingsteam',
  url: 'https://www.helsedirektoratet.no/veiledere/oppfolging-av-personer-med-store-og-sammensatte-behov/strukturert-oppfolging-gjennom-tverrfaglige-team/om-koordinatorrollen-i-tverrfaglig-oppfolgingsteam',
} as const;

/** A team exists or is being established (not closed). */
export const hasTeam = /* @__PURE__ */ defineBuiltinFact({
  name: 'hasTeam',
  type: 'boolean',
  label: { nb: 'oppfølgingsteam finnes', nn: 'oppfølgingsteam finst', en: 'a follow-up team exists' },
  description: {
    nb: 'Sann når et oppfølgingsteam er registrert og ikke avsluttet (også når det er under etablering).',
    nn: 'Sann når eit oppfølgingsteam er registrert og ikkje avslutta (også når det er under etablering).',
    en: 'True when a follow-up team is recorded and not closed (also while being established).',
  },
  derive: ({ person }) => person.team !== undefined && person.team.status !== 'closed',
});

/** The team's status: none, being-established, active or closed (a team without a status counts as active). */
export const teamStatus = /* @__PURE__ */ defineBuiltinFact({
  name: 'teamStatus',
  type: 'string',
  label: { nb: 'teamets status', nn: 'statusen til teamet', en: "the team's status" },
  description: {
    nb: 'none (ikke registrert), being-established, active eller closed. Et registrert team uten status regnes som aktivt.',
    nn: 'none (ikkje registrert), being-established, active eller closed. Eit registrert team utan status blir rekna som aktivt.',
    en: 'none (not recorded), being-established, active or closed. A recorded team without a status counts as active.',
  },
  derive: ({ person }) => (person.team === undefined ? 'none' : (person.team.status ?? 'active')),
});

/** The services in the team (distinct), for `contains` / `doesNotContain`. */
export const teamMembers = /* @__PURE__ */ defineBuiltinFact({
  name: 'teamMembers',
  type: 'list',
  label: { nb: 'tjenester i teamet', nn: 'tenester i teamet', en: 'services in the team' },
  description: {
    nb: 'De ulike tjenestene teamets medlemmer kommer fra; tom uten team.',
    nn: 'Dei ulike tenestene medlemene i teamet kjem frå; tom utan team.',
    en: "The distinct services the team's members come from; empty without a team.",
  },
  derive: ({ person }) => {
    const ms = person.team?.members;
    // No team (most records) needs no Set: the facts of one evaluation are cheap only if the empty case is.
    return ms === undefined || ms.length === 0 ? [] : [...new Set(ms.map((m) => m.service))];
  },
});

/** Distinct providers in the team (relatives do not count). */
export const teamProviders = /* @__PURE__ */ defineBuiltinFact({
  name: 'teamProviders',
  type: 'number',
  label: { nb: 'antall tjenesteytere i teamet', nn: 'talet på tenesteytarar i teamet', en: 'number of providers in the team' },
  description: {
    nb: 'Antall ulike tjenesteytere i teamet; pårørende teller ikke.',
    nn: 'Talet på ulike tenesteytarar i teamet; pårørande tel ikkje.',
    en: 'Number of distinct providers in the team; relatives do not count.',
  },
  derive: ({ person }) => {
    const ms = person.team?.members;
    return ms === undefined || ms.length === 0 ? 0 : new Set(ms.map((m) => m.service).filter(isProvider)).size;
  },
});

/** A coordinator is recorded. */
export const hasCoordinator = /* @__PURE__ */ defineBuiltinFact({
  name: 'hasCoordinator',
  type: 'boolean',
  label: { nb: 'koordinator er registrert', nn: 'koordinator er registrert', en: 'a coordinator is recorded' },
  description: {
    nb: 'Sann når en koordinator eller barnekoordinator er registrert.',
    nn: 'Sann når ein koordinator eller barnekoordinator er registrert.',
    en: 'True when a coordinator or child coordinator is recorded.',
  },
  derive: ({ person }) => person.coordinator !== undefined,
});

/** Exactly one named coordinator, recorded in the journal. */
export const oneRecordedCoordinator = /* @__PURE__ */ defineBuiltinFact({
  name: 'oneRecordedCoordinator',
  type: 'boolean',
  label: {
    nb: 'én navngitt koordinator registrert i journalen',
    nn: 'éin namngitt koordinator registrert i journalen',
    en: 'exactly one named coordinator recorded in the journal',
  },
  description: {
    nb: 'Sann når koordinatoren har navn og er registrert i journalen, og ikke flere enn ett teammedlem har rollen koordinator.',
    nn: 'Sann når koordinatoren har namn og er registrert i journalen, og ikkje fleire enn eitt teammedlem har rolla koordinator.',
    en: 'True when the coordinator is named and recorded in the journal, and no more than one team member has the coordinator role.',
  },
  source: V8B,
  evidence: 'found',
  derive: ({ person }) => {
    const c = person.coordinator;
    const roles = (person.team?.members ?? []).filter((m) => m.role === 'coordinator').length;
    return c !== undefined && c.name !== undefined && c.recordedInJournal === true && roles <= 1;
  },
});

/** The coordinator has a mandate anchored in management. */
export const coordinatorHasMandate = /* @__PURE__ */ defineBuiltinFact({
  name: 'coordinatorHasMandate',
  type: 'boolean',
  label: { nb: 'koordinator har mandat', nn: 'koordinator har mandat', en: 'the coordinator has a mandate' },
  description: {
    nb: 'Sann når det er registrert at koordinatoren har et tydelig mandat forankret i ledelsen.',
    nn: 'Sann når det er registrert at koordinatoren har eit tydeleg mandat forankra i leiinga.',
    en: 'True when the coordinator is recorded as having a clear mandate anchored in management.',
  },
  source: V8B,
  evidence: 'found',
  derive: ({ person }) => person.coordinator?.hasMandate === true,
});

/** The person's wish for who should be coordinator was asked. */
export const coordinatorWishAsked = /* @__PURE__ */ defineBuiltinFact({
  name: 'coordinatorWishAsked',
  type: 'boolean',
  label: {
    nb: 'personen er spurt om ønsket koordinator',
    nn: 'personen er spurd om ønskt koordinator',
    en: 'the person was asked who they want as coordinator',
  },
  description: {
    nb: 'Sann når det er registrert at personens ønske om hvem som skal være koordinator er spurt om og vektlagt.',
    nn: 'Sann når det er registrert at ønsket til personen om kven som skal vere koordinator er spurt om og vektlagt.',
    en: "True when it is recorded that the person's wish for who should be coordinator was asked and weighed.",
  },
  source: V8B,
  evidence: 'found',
  derive: ({ person }) => person.coordinator?.personsWishAsked === true,
});

/** The kind of coordinator: coordinator, child-coordinator, or none. */
export const coordinatorKind = /* @__PURE__ */ defineBuiltinFact({
  name: 'coordinatorKind',
  type: 'string',
  label: { nb: 'type koordinator', nn: 'type koordinator', en: 'kind of coordinator' },
  description: {
    nb: 'coordinator, child-coordinator eller none (ingen registrert). Ukjent når koordinatoren er registrert uten type.',
    nn: 'coordinator, child-coordinator eller none (ingen registrert). Ukjend når koordinatoren er registrert utan type.',
    en: 'coordinator, child-coordinator or none (none recorded). Unknown when a coordinator is recorded without a kind.',
  },
  derive: ({ person }) => (person.coordinator === undefined ? 'none' : person.coordinator.kind),
});

/** The person has a regular GP (fastlege). */
export const hasGp = /* @__PURE__ */ defineBuiltinFact({
  name: 'hasGp',
  type: 'boolean',
  label: { nb: 'har fastlege', nn: 'har fastlege', en: 'has a regular GP' },
  description: {
    nb: 'Sann når personen har fastlege.',
    nn: 'Sann når personen har fastlege.',
    en: 'True when the person has a regular GP.',
  },
  derive: ({ person }) => person.hasGp,
});

/**
 * Services the person needs or receives that have no member in the team: the team is made up of
 * those who provide services to the person (veileder ch. 8).
 */
export const providersNotInTeam = /* @__PURE__ */ defineBuiltinFact({
  name: 'providersNotInTeam',
  type: 'list',
  label: { nb: 'tjenesteytere utenfor teamet', nn: 'tenesteytarar utanfor teamet', en: 'providers outside the team' },
  description: {
    nb: 'Tjenester fra kartlagte behov og gjeldende kommunale tjenester som ikke har noe medlem i teamet. Ukjent når verken behov eller tjenester er sendt.',
    nn: 'Tenester frå kartlagde behov og gjeldande kommunale tenester som ikkje har noko medlem i teamet. Ukjend når verken behov eller tenester er sende.',
    en: 'Services from mapped needs and current municipal services that have no member in the team. Unknown when neither needs nor services are sent.',
  },
  source: {
    document: 'Helsedirektoratet, veileder Oppfølging av personer med store og sammensatte behov, kap. 8',
    section: 'Om tverrfaglig oppfølgingsteam (teamet består av dem som yter tjenester til personen)',
    url: 'https://www.helsedirektoratet.no/veiledere/oppfolging-av-personer-med-store-og-sammensatte-behov/strukturert-oppfolging-gjennom-tverrfaglige-team/om-tverrfaglig-oppfolgingsteam-og-forholdet-til-bestemmelsene-om-individuell-plan-koordinator-og-koordinerende-enhet',
  },
  evidence: 'found',
  derive: ({ person, asOfDay }) => {
    const team = person.team;
    if (team === undefined || team.status === 'closed') return [];
    const inTeam = new Set(team.members.map((m) => m.service));
    const needs = person.serviceNeeds?.map((n) => n.service).filter(isProvider);
    const receives = person.municipalServices
      ?.filter((s) => activeOn(asOfDay, s.start, s.end))
      .map((s) => serviceKindOf(s.type))
      .filter((k) => k !== undefined);
    const known = [...(needs ?? []), ...(receives ?? [])];
    const missing = [...new Set(known.filter((k) => !inTeam.has(k)))];
    if (missing.length > 0) return missing;
    // Nothing missing among what is known; if a whole source is unknown it might still hold one.
    return needs === undefined || receives === undefined ? undefined : [];
  },
});
