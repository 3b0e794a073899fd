import type { Plan } from '../model/person.js';
import { hasValidConsent } from './consent.js';
import type { Maybe } from './kleene.js';
import { allOf } from './kleene.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over the follow-up plan or individual plan. The plan is a document the follow-up process
 * writes: no `individualPlan` (or a closed one) means no plan, and what the plan does not contain it
 * does not contain: a plan without `checkpoints` has no checkpoint, a measure without `owner` has no
 * owner. Only facts that reach outside the plan (consents) can be unknown.
 */

const IP_REGULATION = {
  document: 'Forskrift om individuell plan ved ytelse av velferdstjenester (2022)',
  section: 'Innholdsbestemmelsen (paragrafnummer ikke verifisert); tidligere forskrift § 19, gjengitt i veileder 13.6, er historisk',
  url: 'https://www.statsforvalteren.no/nb/vestland/helse-omsorg-og-sosialtjenester/individuell-plan/ny-forskrift-om-individuell-plan/',
} as const;

/** The current (not closed) plan, or undefined when there is none. */
export function currentPlan(ctx: FactContext): Plan | undefined {
  const p = ctx.person.individualPlan;
  return p === undefined || p.status === 'closed' ? undefined : p;
}

/** A plan exists (draft or active). */
export const hasPlan = /* @__PURE__ */ defineBuiltinFact({
  name: 'hasPlan',
  type: 'boolean',
  label: { nb: 'plan finnes', nn: 'plan finst', en: 'a plan exists' },
  description: {
    nb: 'Sann når en oppfølgingsplan eller individuell plan er registrert og ikke avsluttet.',
    nn: 'Sann når ein oppfølgingsplan eller individuell plan er registrert og ikkje avslutta.',
    en: 'True when a follow-up plan or individual plan is recorded and not closed.',
  },
  derive: (ctx) => currentPlan(ctx) !== undefined,
});

/** The plan's kind: follow-up-plan, individual-plan, or none. */
export const planKind = /* @__PURE__ */ defineBuiltinFact({
  name: 'planKind',
  type: 'string',
  label: { nb: 'type plan', nn: 'type plan', en: 'kind of plan' },
  description: {
    nb: 'follow-up-plan (oppfølgingsplan), individual-plan (individuell plan) eller none. Ukjent når planen er registrert uten type.',
    nn: 'follow-up-plan (oppfølgingsplan), individual-plan (individuell plan) eller none. Ukjend når planen er registrert utan type.',
    en: 'follow-up-plan, individual-plan or none. Unknown when the plan is recorded without a kind.',
  },
  derive: (ctx) => {
    const p = currentPlan(ctx);
    return p === undefined ? 'none' : p.kind;
  },
});

/** Dated checkpoints in the plan. */
export const planCheckpoints = /* @__PURE__ */ defineBuiltinFact({
  name: 'planCheckpoints',
  type: 'number',
  label: {
    nb: 'antall tidfestede sjekkpunkter i planen',
    nn: 'talet på tidfesta sjekkpunkt i planen',
    en: 'number of dated checkpoints in the plan',
  },
  description: {
    nb: 'Antall tidfestede sjekkpunkter for evaluering i planen; 0 uten plan.',
    nn: 'Talet på tidfesta sjekkpunkt for evaluering i planen; 0 utan plan.',
    en: 'Number of dated checkpoints for evaluation in the plan; 0 without a plan.',
  },
  source: { document: 'Steinkjer kommune, Oppfølgingsteam (EQS 6292)', section: 'Tidfestede sjekkpunkter i individuell plan' },
  evidence: 'found',
  derive: (ctx) => currentPlan(ctx)?.checkpoints?.length ?? 0,
});

/** Goals (mål and delmål) in the plan. */
export const planGoals = /* @__PURE__ */ defineBuiltinFact({
  name: 'planGoals',
  type: 'number',
  label: { nb: 'antall mål i planen', nn: 'talet på mål i planen', en: 'number of goals in the plan' },
  description: {
    nb: 'Antall mål og delmål i planen; 0 uten plan.',
    nn: 'Talet på mål og delmål i planen; 0 utan plan.',
    en: 'Number of goals and sub-goals in the plan; 0 without a plan.',
  },
  derive: (ctx) => currentPlan(ctx)?.goals?.length ?? 0,
});

/** Goals the person expressed themselves. */
export const personGoals = /* @__PURE__ */ defineBuiltinFact({
  name: 'personGoals',
  type: 'number',
  label: {
    nb: 'antall mål uttrykt av personen selv',
    nn: 'talet på mål uttrykte av personen sjølv',
    en: 'number of goals expressed by the person',
  },
  description: {
    nb: 'Antall mål i planen som er registrert som uttrykt av personen selv.',
    nn: 'Talet på mål i planen som er registrerte som uttrykte av personen sjølv.',
    en: 'Number of goals in the plan recorded as expressed by the person.',
  },
  derive: (ctx) => (currentPlan(ctx)?.goals ?? []).filter((g) => g.expressedBy === 'person').length,
});

/** Measures not linked to a goal in the plan, or without an owner. */
export const measuresWithoutGoalOrOwner = /* @__PURE__ */ defineBuiltinFact({
  name: 'measuresWithoutGoalOrOwner',
  type: 'number',
  label: { nb: 'tiltak uten mål eller ansvarlig', nn: 'tiltak utan mål eller ansvarleg', en: 'measures without a goal or an owner' },
  description: {
    nb: 'Antall tiltak som ikke er knyttet til et mål eller delmål i planen, eller som mangler ansvarlig.',
    nn: 'Talet på tiltak som ikkje er knytte til eit mål eller delmål i planen, eller som manglar ansvarleg.',
    en: 'Number of measures not linked to a goal or sub-goal in the plan, or without an owner.',
  },
  source: IP_REGULATION,
  evidence: 'found',
  derive: (ctx) => {
    const p = currentPlan(ctx);
    if (p?.measures === undefined || p.measures.length === 0) return 0;
    const goals = new Set((p.goals ?? []).map((g) => g.id));
    return p.measures.filter((m) => m.goalId === undefined || !goals.has(m.goalId) || m.owner === undefined).length;
  },
});

/** The plan says it has addressed the need for language or interpreter support. */
export const languageNeedsAddressed = /* @__PURE__ */ defineBuiltinFact({
  name: 'languageNeedsAddressed',
  type: 'boolean',
  label: { nb: 'språkbehov ivaretatt i planen', nn: 'språkbehov teke vare på i planen', en: 'language needs addressed in the plan' },
  description: {
    nb: 'Sann når planen registrerer at behov for språk- eller tolkehjelp er ivaretatt.',
    nn: 'Sann når planen registrerer at behov for språk- eller tolkehjelp er teke vare på.',
    en: 'True when the plan records that the need for language or interpreter support is addressed.',
  },
  derive: (ctx) => currentPlan(ctx)?.languageNeedsAddressed === true,
});

/** Another sector's plan that is not linked to the person's plan. */
export const unlinkedOtherPlans = /* @__PURE__ */ defineBuiltinFact({
  name: 'unlinkedOtherPlans',
  type: 'number',
  label: {
    nb: 'planer i andre sektorer som ikke er koblet',
    nn: 'planar i andre sektorar som ikkje er kopla',
    en: 'unlinked plans in other sectors',
  },
  description: {
    nb: 'Antall individuelle planer hos NAV, barnevern, skole, spesialisthelsetjenesten eller kommunen som ikke er koblet til personens plan. Ukjent når andre planer ikke er oppgitt.',
    nn: 'Talet på individuelle planar hos NAV, barnevern, skule, spesialisthelsetenesta eller kommunen som ikkje er kopla til planen til personen. Ukjend når andre planar ikkje er oppgitte.',
    en: "Number of individual plans held by NAV, child welfare, school, the specialist service or the municipality that are not linked to the person's plan. Unknown when other plans are not given.",
  },
  derive: ({ person }) => person.otherPlans?.filter((o) => o.linked !== true).length,
});

/** The nine content elements of an individual plan and whether each is present (Kleene). */
function contentElements(ctx: FactContext, p: Plan): [string, Maybe][] {
  const measures = p.measures ?? [];
  const coordinatorNamed = ctx.person.coordinator?.name !== undefined;
  const consent = hasValidConsent(ctx, p.kind === 'individual-plan' ? ['individual-plan'] : ['individual-plan', 'team']);
  return [
    ['goals-resources-needs', allOf([(p.goals?.length ?? 0) > 0, p.resourcesDescribed === true, p.serviceNeedsDescribed === true])],
    ['participants', (p.participants?.length ?? 0) > 0],
    ['coordination-responsible', coordinatorNamed],
    ['contributions', p.contributions === true],
    ['measures-extent-owner', measures.length > 0 && measures.every((m) => m.extent !== undefined && m.owner !== undefined)],
    ['measures-how', measures.length > 0 && measures.every((m) => m.howCarriedOut !== undefined)],
    ['period-and-revision', p.startDate !== undefined && (p.checkpoints?.length ?? 0) > 0],
    ['consent', consent],
    ['cooperation', p.cooperationWithOtherAgencies === true],
  ];
}

/** The plan's missing content elements (of the nine in the IP regulation). */
export const planMissingContent = /* @__PURE__ */ defineBuiltinFact({
  name: 'planMissingContent',
  type: 'list',
  label: { nb: 'manglende innhold i planen', nn: 'manglande innhald i planen', en: 'missing plan content' },
  description: {
    nb: 'Hvilke av de ni innholdselementene i en individuell plan som mangler: goals-resources-needs (mål, ressurser og behov), participants (hvem som deltar), coordination-responsible (hvem som har ansvar for koordinering og framdrift), contributions (hva hver part bidrar med), measures-extent-owner (tiltak, omfang og ansvarlig), measures-how (hvordan tiltakene gjennomføres), period-and-revision (planperiode og tidspunkt for revisjon), consent (samtykke til planen), cooperation (samarbeid med andre). Tom liste når alt er på plass.',
    nn: 'Kva for nokre av dei ni innhaldselementa i ein individuell plan som manglar: goals-resources-needs (mål, ressursar og behov), participants (kven som deltek), coordination-responsible (kven som har ansvar for koordinering og framdrift), contributions (kva kvar part bidreg med), measures-extent-owner (tiltak, omfang og ansvarleg), measures-how (korleis tiltaka blir gjennomførte), period-and-revision (planperiode og tidspunkt for revisjon), consent (samtykke til planen), cooperation (samarbeid med andre). Tom liste når alt er på plass.',
    en: 'Which of the nine content elements of an individual plan are missing: goals-resources-needs, participants, coordination-responsible, contributions, measures-extent-owner, measures-how, period-and-revision, consent, cooperation. Empty when everything is in place.',
  },
  source: IP_REGULATION,
  evidence: 'found',
  derive: (ctx) => {
    const p = currentPlan(ctx);
    if (p === undefined) return [];
    const els = contentElements(ctx, p);
    const missing = els.filter(([, v]) => v === false).map(([k]) => k);
    if (missing.length > 0) return missing;
    // Nothing known to be missing: the list is empty only if every element is known to be present.
    return els.some(([, v]) => v === undefined) ? undefined : [];
  },
});
