import { toDayNumber } from '../util/dates.js';
import { childComplexConditionGroups } from './diagnoses.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts the rights rules need beyond the service needs: the child's serious condition (pbrl. § 2-5 c),
 * notifications to the coordinating unit (hpl. § 38 a) and refused requests (pbrl. § 7-2).
 */

/**
 * Serious illness, injury or disability in a child. The clinician's judgement in the assessment
 * decides when recorded; otherwise a paediatric complex chronic condition (CCC v2) makes it true, and
 * the absence of one leaves it unknown, because CCC is not an exhaustive list of serious conditions.
 */
export const seriousChildCondition = /* @__PURE__ */ defineBuiltinFact({
  name: 'seriousChildCondition',
  type: 'boolean',
  label: {
    nb: 'alvorlig sykdom, skade eller nedsatt funksjonsevne',
    nn: 'alvorleg sjukdom, skade eller nedsett funksjonsevne',
    en: 'serious illness, injury or disability',
  },
  description: {
    nb: 'Fagpersonens vurdering i kartleggingen når den er registrert; ellers sann ved en alvorlig kronisk tilstand hos barn (CCC v2), og ukjent uten.',
    nn: 'Vurderinga til fagpersonen i kartlegginga når ho er registrert; elles sann ved ein alvorleg kronisk tilstand hos barn (CCC v2), og ukjend utan.',
    en: "The professional's judgement in the assessment when recorded; otherwise true with a paediatric complex chronic condition (CCC v2), and unknown without one.",
  },
  codeLists: ['pediatric-complex-conditions'],
  source: {
    document: 'Helsedirektoratet, rundskriv pasient- og brukerrettighetsloven, § 2-5 c; Feudtner et al. 2014 (CCC v2)',
    section: '§ 2-5 c første ledd (alvorlig sykdom, skade eller nedsatt funksjonsevne); CCC-kategoriene',
  },
  evidence: 'inferred',
  derive: (ctx) => {
    const judged = ctx.person.assessment?.seriousIllnessInjuryOrDisability;
    if (judged !== undefined) return judged;
    const groups = childComplexConditionGroups.derive(ctx, undefined);
    return typeof groups === 'number' && groups >= 1 ? true : undefined;
  },
});

/** Notifications (referrals) to a coordinating unit on or before `asOf`. */
export const referralsToCoordinatingUnit = /* @__PURE__ */ defineBuiltinFact({
  name: 'referralsToCoordinatingUnit',
  type: 'number',
  label: {
    nb: 'meldinger til koordinerende enhet',
    nn: 'meldingar til koordinerande eining',
    en: 'notifications to the coordinating unit',
  },
  description: {
    nb: 'Antall meldinger om behov for individuell plan og koordinator sendt til koordinerende enhet. Ukjent når listen ikke er sendt.',
    nn: 'Talet på meldingar om behov for individuell plan og koordinator sende til koordinerande eining. Ukjend når lista ikkje er send.',
    en: 'Number of notifications of need for an individual plan and coordinator sent to a coordinating unit. Unknown when the list is not sent.',
  },
  derive: ({ person, asOfDay }) => person.referrals?.filter((r) => (toDayNumber(r.date) ?? Infinity) <= asOfDay).length,
});

/** A notification that is not journaled, or without a recorded consent or legal basis. */
export const referralRecordIncomplete = /* @__PURE__ */ defineBuiltinFact({
  name: 'referralRecordIncomplete',
  type: 'boolean',
  label: {
    nb: 'melding mangler journalføring eller grunnlag',
    nn: 'melding manglar journalføring eller grunnlag',
    en: 'notification lacks journaling or basis',
  },
  description: {
    nb: 'Sann når en melding til koordinerende enhet ikke er registrert som journalført, eller mangler registrert samtykke eller annet rettslig grunnlag.',
    nn: 'Sann når ei melding til koordinerande eining ikkje er registrert som journalført, eller manglar registrert samtykke eller anna rettsleg grunnlag.',
    en: 'True when a notification to the coordinating unit is not recorded as journaled, or lacks a recorded consent or other legal basis.',
  },
  derive: ({ person, asOfDay }) =>
    person.referrals
      ?.filter((r) => (toDayNumber(r.date) ?? Infinity) <= asOfDay)
      .some((r) => r.journaled !== true || r.consentOrLegalBasis !== true),
});

/** What refused requests were about (individual-plan, coordinator, child-coordinator). */
export const refusedRequests = /* @__PURE__ */ defineBuiltinFact({
  name: 'refusedRequests',
  type: 'list',
  label: { nb: 'avslåtte anmodninger', nn: 'avslåtte oppmodingar', en: 'refused requests' },
  description: {
    nb: 'Hva avslåtte anmodninger gjaldt: individuell plan, koordinator eller barnekoordinator. Ukjent når listen ikke er sendt.',
    nn: 'Kva avslåtte oppmodingar galdt: individuell plan, koordinator eller barnekoordinator. Ukjend når lista ikkje er send.',
    en: 'What refused requests were about: individual plan, coordinator or child coordinator. Unknown when the list is not sent.',
  },
  derive: ({ person, asOfDay }) => {
    const rs = person.requests;
    if (rs === undefined) return undefined;
    if (rs.length === 0) return [];
    return [...new Set(rs.filter((r) => r.outcome === 'refused' && (toDayNumber(r.date) ?? Infinity) <= asOfDay).map((r) => r.about))];
  },
});
