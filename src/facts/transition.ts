import type { Transition } from '../model/person.js';
import { daysUntilBirthday, toDayNumber } from '../util/dates.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts for transitions (overganger) and closure (avslutning). `transitions` absent is unknown; an
 * empty list means none. Which transitions the team has "seen" is judged against the team's last
 * review of its composition, or its start when it has not been reviewed.
 */

function upTo(ctx: FactContext): Transition[] | undefined {
  const ts = ctx.person.transitions;
  if (ts === undefined || ts.length === 0) return ts === undefined ? undefined : [];
  return ts.filter((t) => (toDayNumber(t.date) ?? Infinity) <= ctx.asOfDay);
}

/** Types of transition after a reference date; unknown when the reference date is needed but not recorded. */
function after(ctx: FactContext, ref: string | undefined, exclude: readonly Transition['type'][]): string[] | undefined {
  const ts = upTo(ctx)?.filter((t) => !exclude.includes(t.type));
  if (ts === undefined) return undefined;
  if (ts.length === 0) return [];
  // Without a date to compare with we cannot tell whether the team has already seen them.
  if (ref === undefined) return undefined;
  const r = toDayNumber(ref) ?? -Infinity;
  return [...new Set(ts.filter((t) => (toDayNumber(t.date) ?? -Infinity) > r).map((t) => t.type))];
}

/** Every recorded transition type up to `asOf`. */
export const transitionTypes = /* @__PURE__ */ defineBuiltinFact({
  name: 'transitionTypes',
  type: 'list',
  label: { nb: 'registrerte overganger', nn: 'registrerte overgangar', en: 'recorded transitions' },
  description: {
    nb: 'Typene av overganger registrert fram til vurderingsdatoen (discharge, move, school-start, new-provider, death, other).',
    nn: 'Typane av overgangar registrerte fram til vurderingsdatoen (discharge, move, school-start, new-provider, death, other).',
    en: 'The types of transition recorded up to the evaluation date (discharge, move, school-start, new-provider, death, other).',
  },
  derive: (ctx) => {
    const ts = upTo(ctx);
    if (ts === undefined) return undefined;
    return ts.length === 0 ? [] : [...new Set(ts.map((t) => t.type))];
  },
});

/** Transitions since the team was established. */
export const transitionsSinceTeamStart = /* @__PURE__ */ defineBuiltinFact({
  name: 'transitionsSinceTeamStart',
  type: 'list',
  label: {
    nb: 'overganger etter at teamet ble etablert',
    nn: 'overgangar etter at teamet vart etablert',
    en: 'transitions since the team was established',
  },
  description: {
    nb: 'Typene av overganger etter teamets etableringsdato. Ukjent når datoen mangler og det finnes overganger.',
    nn: 'Typane av overgangar etter etableringsdatoen til teamet. Ukjend når datoen manglar og det finst overgangar.',
    en: 'The types of transition after the team was established. Unknown when that date is missing and there are transitions.',
  },
  derive: (ctx) => (ctx.person.team === undefined ? [] : after(ctx, ctx.person.team.established, [])),
});

/** Transitions (other than death) since the team's composition was last reviewed. */
export const unreviewedTransitions = /* @__PURE__ */ defineBuiltinFact({
  name: 'unreviewedTransitions',
  type: 'list',
  label: {
    nb: 'overganger siden teamet sist ble gjennomgått',
    nn: 'overgangar sidan teamet sist vart gjennomgått',
    en: 'transitions since the team was last reviewed',
  },
  description: {
    nb: 'Typene av overganger (unntatt dødsfall) etter siste gjennomgang av teamets sammensetning, eller etter etableringen når teamet ikke er gjennomgått.',
    nn: 'Typane av overgangar (unnateke dødsfall) etter siste gjennomgang av samansetjinga av teamet, eller etter etableringa når teamet ikkje er gjennomgått.',
    en: "The types of transition (other than death) after the team's composition was last reviewed, or after it was established if never reviewed.",
  },
  source: { document: 'Steinkjer kommune, Oppfølgingsteam (EQS 6292)', section: 'Sammensetningen vurderes på nytt ved overganger' },
  evidence: 'found',
  derive: (ctx) => {
    const team = ctx.person.team;
    if (team === undefined) return [];
    return after(ctx, team.lastReviewed ?? team.established, ['death']);
  },
});

/** Days from `asOf` to the 18th birthday (negative once passed). */
export const daysUntil18 = /* @__PURE__ */ defineBuiltinFact({
  name: 'daysUntil18',
  type: 'number',
  label: { nb: 'dager til 18-årsdagen', nn: 'dagar til 18-årsdagen', en: 'days until the 18th birthday' },
  description: {
    nb: 'Antall dager fra vurderingsdatoen til personen fyller 18 år; negativt når dagen er passert. Født 29. februar: 18 år 1. mars i år som ikke er skuddår.',
    nn: 'Talet på dagar frå vurderingsdatoen til personen fyller 18 år; negativt når dagen er passert. Fødd 29. februar: 18 år 1. mars i år som ikkje er skotår.',
    en: 'Days from the evaluation date to the 18th birthday; negative once passed. Born 29 February: 18 on 1 March in non-leap years.',
  },
  // 29 February in a year that is not a leap year: the birthday is 1 March. A partial birth date has
  // no one birthday, and one after `asOf` no age: both unknown.
  derive: ({ person, asOf }) => (person.birthDate === undefined ? undefined : daysUntilBirthday(person.birthDate, asOf, 18)),
});

/** Why the team was closed, as recorded. */
export const closureReason = /* @__PURE__ */ defineBuiltinFact({
  name: 'closureReason',
  type: 'string',
  label: { nb: 'grunn til avslutning', nn: 'grunn til avslutning', en: 'reason for closure' },
  description: {
    nb: 'Registrert grunn til at teamet ble avsluttet.',
    nn: 'Registrert grunn til at teamet vart avslutta.',
    en: 'The recorded reason the team was closed.',
  },
  derive: ({ person }) => person.team?.closure?.reason,
});

/**
 * A closed team's closure is documented: the person's agreement and a final evaluation (goals met,
 * no coordinated need, other or unstated reason), a hand-over after a move; nothing more after a
 * death or a withdrawn consent.
 */
export const closureDocumented = /* @__PURE__ */ defineBuiltinFact({
  name: 'closureDocumented',
  type: 'boolean',
  label: { nb: 'avslutningen er dokumentert', nn: 'avslutninga er dokumentert', en: 'the closure is documented' },
  description: {
    nb: 'Sann når avslutningen av teamet har det som trengs for grunnen: personens samtykke og sluttevaluering, overlevering ved flytting; ved dødsfall og tilbaketrukket samtykke trengs ikke mer.',
    nn: 'Sann når avslutninga av teamet har det som trengst for grunnen: samtykket til personen og sluttevaluering, overlevering ved flytting; ved dødsfall og tilbaketrekt samtykke trengst ikkje meir.',
    en: "True when the team's closure has what its reason needs: the person's agreement and a final evaluation, a hand-over after a move; nothing more after a death or a withdrawn consent.",
  },
  evidence: 'inferred',
  derive: ({ person }) => {
    const c = person.team?.closure;
    if (c === undefined) return false;
    if (c.reason === 'died' || c.reason === 'consent-withdrawn') return true;
    if (c.reason === 'moved') return c.handedOver === true;
    return c.personAgreed === true && c.finalEvaluationDone === true;
  },
});
