import { activeOn } from './active.js';
import { defineBuiltinFact } from './types.js';
import type { FactDefinition } from './types.js';
import type { Social } from '../model/person.js';
import type { LocalizedText } from '../model/lang.js';

/* @__NO_SIDE_EFFECTS__ */
function socialFact(key: keyof Social, label: LocalizedText): FactDefinition<undefined> {
  return defineBuiltinFact({
    name: key,
    type: key === 'schoolOrKindergarten' ? 'string' : 'boolean',
    label,
    description: label,
    derive: ({ person }) => person.social?.[key],
  });
}

/** Lives alone. */
export const livesAlone = socialFact('livesAlone', { nb: 'bor alene', nn: 'bur åleine', en: 'lives alone' });
/** Has an informal carer (pårørende who helps). */
export const informalCarer = socialFact('informalCarer', {
  nb: 'har pårørende som hjelper',
  nn: 'har pårørande som hjelper',
  en: 'has an informal carer',
});
/** Attends school or kindergarten. */
export const schoolOrKindergarten = socialFact('schoolOrKindergarten', {
  nb: 'skole eller barnehage',
  nn: 'skule eller barnehage',
  en: 'school or kindergarten',
});
/** NAV is involved. */
export const navInvolved = socialFact('navInvolved', { nb: 'NAV er involvert', nn: 'NAV er involvert', en: 'NAV is involved' });
/** Child welfare is involved. */
export const childWelfareInvolved = socialFact('childWelfareInvolved', {
  nb: 'barnevernet er involvert',
  nn: 'barnevernet er involvert',
  en: 'child welfare is involved',
});
/** Needs an interpreter or language support. */
export const interpreterNeeded = socialFact('interpreterNeeded', {
  nb: 'behov for tolk',
  nn: 'behov for tolk',
  en: 'needs an interpreter',
});

/** Distinct municipal service types active on `asOf`. */
export const municipalServices = /* @__PURE__ */ defineBuiltinFact({
  name: 'municipalServices',
  type: 'number',
  label: { nb: 'antall kommunale tjenester', nn: 'talet på kommunale tenester', en: 'number of municipal services' },
  description: {
    nb: 'Antall ulike kommunale helse- og omsorgstjenester personen mottar på vurderingsdatoen.',
    nn: 'Talet på ulike kommunale helse- og omsorgstenester personen får på vurderingsdatoen.',
    en: 'Number of distinct municipal health and care services the person receives on the evaluation date.',
  },
  derive: ({ person, asOfDay }) => {
    const s = person.municipalServices;
    if (s === undefined) return undefined;
    if (s.length === 0) return 0;
    const types = new Set<string>();
    for (const x of s) if (activeOn(asOfDay, x.start, x.end)) types.add(x.type);
    return types.size;
  },
});

/** Weekly hours of municipal services on `asOf`; unknown if an active service lacks its hours. */
export const municipalServiceHours = /* @__PURE__ */ defineBuiltinFact({
  name: 'municipalServiceHours',
  type: 'number',
  label: { nb: 'timer kommunale tjenester per uke', nn: 'timar kommunale tenester per veke', en: 'hours of municipal services per week' },
  description: {
    nb: 'Sum timer per uke av kommunale tjenester på vurderingsdatoen. Ukjent hvis en tjeneste mangler timetall.',
    nn: 'Sum timar per veke av kommunale tenester på vurderingsdatoen. Ukjend viss ei teneste manglar timetal.',
    en: 'Total weekly hours of municipal services on the evaluation date. Unknown if a service lacks its hours.',
  },
  derive: ({ person, asOfDay }) => {
    const s = person.municipalServices;
    if (s === undefined) return undefined;
    let sum = 0;
    for (const x of s) {
      if (!activeOn(asOfDay, x.start, x.end)) continue;
      if (x.hoursPerWeek === undefined) return undefined;
      sum += x.hoursPerWeek;
    }
    return sum;
  },
});
