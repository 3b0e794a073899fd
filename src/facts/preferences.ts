import { defineFact } from './types.js';

/*
 * What the person has said they want. Absent means not asked yet (unknown), never "no": the framework
 * only establishes a team the person wants, so "not asked" must stay distinct from "declined".
 */

/** The person wants a follow-up team. */
export const wantsTeam = defineFact({
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
export const wantsIndividualPlan = defineFact({
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
export const wantsCoordinator = defineFact({
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
