import { toDayNumber } from '../util/dates.js';
import { defineBuiltinFact } from './types.js';

/*
 * What the person has said they want. Absent means not asked yet (unknown), never "no": the framework
 * only establishes a team the person wants, so "not asked" must stay distinct from "declined".
 */

/** The person wants a follow-up team. */
export const wantsTeam = /* @__PURE__ */ defineBuiltinFact({
  name: 'wantsTeam',
  type: 'boolean',
  label: { nb: 'personen ønsker oppfølgingsteam', nn: 'personen ønskjer oppfølgingsteam', en: 'the person wants a follow-up team' },
  description: {
    nb: 'Personens eget svar på om hen ønsker et oppfølgingsteam. Ukjent når personen ikke er spurt.',
    nn: 'Svaret frå personen sjølv på om hen ønskjer eit oppfølgingsteam. Ukjend når personen ikkje er spurd.',
    en: "The person's own answer to whether they want a follow-up team. Unknown when not asked.",
  },
  derive: ({ person }) => person.preferences?.wantsTeam,
});

/** The person wants an individual plan. */
export const wantsIndividualPlan = /* @__PURE__ */ defineBuiltinFact({
  name: 'wantsIndividualPlan',
  type: 'boolean',
  label: { nb: 'personen ønsker individuell plan', nn: 'personen ønskjer individuell plan', en: 'the person wants an individual plan' },
  description: {
    nb: 'Personens eget svar på om hen ønsker individuell plan. Ukjent når personen ikke er spurt.',
    nn: 'Svaret frå personen sjølv på om hen ønskjer individuell plan. Ukjend når personen ikkje er spurd.',
    en: "The person's own answer to whether they want an individual plan. Unknown when not asked.",
  },
  derive: ({ person }) => person.preferences?.wantsIndividualPlan,
});

/** The person wants a coordinator. */
export const wantsCoordinator = /* @__PURE__ */ defineBuiltinFact({
  name: 'wantsCoordinator',
  type: 'boolean',
  label: { nb: 'personen ønsker koordinator', nn: 'personen ønskjer koordinator', en: 'the person wants a coordinator' },
  description: {
    nb: 'Personens eget svar på om hen ønsker koordinator. Ukjent når personen ikke er spurt.',
    nn: 'Svaret frå personen sjølv på om hen ønskjer koordinator. Ukjend når personen ikkje er spurd.',
    en: "The person's own answer to whether they want a coordinator. Unknown when not asked.",
  },
  derive: ({ person }) => person.preferences?.wantsCoordinator,
});

/**
 * The person has asked for coordinated follow-up: said they want a team, an individual plan or a
 * coordinator, or made a request for an individual plan or a coordinator (NICE NG56 1.2.1, "if the
 * person requests it"). Asking is an act: one that is not recorded has not been made to the service,
 * so this is never unknown, unlike the wishes themselves.
 */
export const followUpRequested = /* @__PURE__ */ defineBuiltinFact({
  name: 'followUpRequested',
  type: 'boolean',
  label: { nb: 'personen har bedt om oppfølging', nn: 'personen har bede om oppfølging', en: 'the person has asked for follow-up' },
  description: {
    nb: 'Sann når personen har sagt at hen ønsker oppfølgingsteam, individuell plan eller koordinator, eller har bedt om individuell plan eller koordinator. Usann når ingen slik anmodning er registrert.',
    nn: 'Sann når personen har sagt at hen ønskjer oppfølgingsteam, individuell plan eller koordinator, eller har bede om individuell plan eller koordinator. Usann når inga slik oppmoding er registrert.',
    en: 'True when the person has said they want a follow-up team, an individual plan or a coordinator, or has requested an individual plan or a coordinator. False when no such request is recorded.',
  },
  source: {
    document: 'NICE NG56 Multimorbidity: clinical assessment and management (2016)',
    section: '1.2.1 (consider an approach to care that takes account of multimorbidity if the person requests it)',
    url: 'https://www.nice.org.uk/guidance/ng56/chapter/Recommendations',
  },
  evidence: 'found',
  derive: ({ person, asOfDay }) => {
    const p = person.preferences;
    if (p?.wantsTeam === true || p?.wantsIndividualPlan === true || p?.wantsCoordinator === true) return true;
    return (person.requests ?? []).some((r) => (toDayNumber(r.date) ?? Infinity) <= asOfDay);
  },
});
