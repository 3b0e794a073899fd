import * as z from 'zod';
import { addMonths, toDayNumber } from '../util/dates.js';
import { ageInYears } from './demographics.js';
import { defineBuiltinFact } from './types.js';

/** PRISMA-7 total. Item 6 ("can you count on someone close?") scores a point for "no". */
export const prisma7Score = /* @__PURE__ */ defineBuiltinFact({
  name: 'prisma7Score',
  type: 'number',
  label: { nb: 'PRISMA-7-skår', nn: 'PRISMA-7-skår', en: 'PRISMA-7 score' },
  description: {
    nb: 'Sum av de sju PRISMA-7-spørsmålene; spørsmål 6 gir poeng for «nei». 3 eller mer er positiv screening.',
    nn: 'Sum av dei sju PRISMA-7-spørsmåla; spørsmål 6 gir poeng for «nei». 3 eller meir er positiv screening.',
    en: 'Sum of the seven PRISMA-7 items; item 6 scores for "no". 3 or more is a positive screen.',
  },
  source: {
    document: 'Raîche, Hébert, Dubois 2008, PRISMA-7 (Arch Gerontol Geriatr 48:97); NICE NG56 1.4 (PRISMA-7, 3 or more indicates frailty)',
    section: 'Items and cut-off ≥ 3; item 6 reverse-scored',
    url: 'https://www.nice.org.uk/guidance/ng56/chapter/Recommendations',
  },
  evidence: 'found',
  derive: ({ person }) => {
    const p = person.frailty?.prisma7;
    if (p === undefined) return undefined;
    return (
      Number(p.olderThan85) +
      Number(p.male) +
      Number(p.healthProblemsLimitActivities) +
      Number(p.needsRegularHelp) +
      Number(p.healthProblemsKeepAtHome) +
      Number(!p.canCountOnSomeoneClose) +
      Number(p.usesWalkingAid)
    );
  },
});

/**
 * Frailty by the screening tools NICE NG56 names: PRISMA-7 ≥ 3, self-rated health ≤ 6/10, or gait
 * speed > 5 s over 4 m. Physical tests are not used when the person is acutely unwell. NG56 gives no
 * age; the screen applies from 65 because the tools are validated in older people (eFI and PRISMA-7
 * from 65): that age is this library's inference, so the fact is marked inferred.
 */
export const frail = /* @__PURE__ */ defineBuiltinFact({
  name: 'frail',
  type: 'boolean',
  label: { nb: 'skrøpelighet (screening)', nn: 'skrøpelegheit (screening)', en: 'frailty (screening)' },
  description: {
    nb: 'Sann fra 65 år ved PRISMA-7 ≥ 3, egenvurdert helse ≤ 6 av 10, eller ganghastighet over 5 sekunder på 4 meter (ikke ved akutt sykdom). Usann under 65 år. Verktøyene og grensene er funnet (NICE NG56 1.4); aldersgrensen 65 er utledet (eFI og PRISMA-7 er laget for personer fra 65 år, NG56 nevner ingen alder).',
    nn: 'Sann frå 65 år ved PRISMA-7 ≥ 3, eigenvurdert helse ≤ 6 av 10, eller ganghastigheit over 5 sekund på 4 meter (ikkje ved akutt sjukdom). Usann under 65 år. Verktøya og grensene er funne (NICE NG56 1.4); aldersgrensa 65 er utleidd (eFI og PRISMA-7 er laga for personar frå 65 år, NG56 nemner ingen alder).',
    en: 'True from age 65 with PRISMA-7 ≥ 3, self-rated health ≤ 6 of 10, or gait over 5 seconds for 4 metres (not when acutely unwell). False under 65. The tools and cut-offs are found (NICE NG56 1.4); the age of 65 is inferred (eFI and PRISMA-7 are made for people from 65; NG56 gives no age).',
  },
  source: {
    document: 'NICE NG56 Multimorbidity: clinical assessment and management (2016); Clegg et al. 2016 (eFI, population aged 65 and over)',
    section: '1.4 Assessing frailty (the tools and cut-offs); the age of 65 from eFI',
    url: 'https://www.nice.org.uk/guidance/ng56/chapter/Recommendations',
  },
  evidence: 'inferred',
  derive: (ctx) => {
    const age = ageInYears(ctx);
    if (age === undefined) return undefined;
    if (age < 65) return false;
    const f = ctx.person.frailty;
    if (f === undefined) return undefined;
    // NICE NG56 1.3 names the three as alternatives ("use one of"): one positive screen is frail, one
    // negative screen with no positive is not, and none done is unknown. (Not Kleene's OR, which
    // would leave a negative PRISMA-7 unknown until gait speed is measured too.)
    const p = f.prisma7;
    const prisma =
      p === undefined
        ? undefined
        : Number(p.olderThan85) +
            Number(p.male) +
            Number(p.healthProblemsLimitActivities) +
            Number(p.needsRegularHelp) +
            Number(p.healthProblemsKeepAtHome) +
            Number(!p.canCountOnSomeoneClose) +
            Number(p.usesWalkingAid) >=
          3;
    const selfRated = f.selfRatedHealth === undefined ? undefined : f.selfRatedHealth <= 6;
    const gait = f.gaitSpeed4mSeconds === undefined || f.acutelyUnwell === true ? undefined : f.gaitSpeed4mSeconds > 5;
    if (prisma === true || selfRated === true || gait === true) return true;
    if (prisma === undefined && selfRated === undefined && gait === undefined) return undefined;
    return false;
  },
});

/** Window parameter: the last `months` months up to and including `asOf`, as the encounter counts take it. */
const FallWindow = z.strictObject({ months: z.number().int().min(1).max(120) }).optional();

/** The window of the count-only form, `frailty.fallsLast12Months`. */
const COUNTED_MONTHS = 12;

/**
 * Falls in the last `months` months (12 when not given). Dated falls (`person.falls`) are counted in
 * (asOf − months, asOf]; a fall dated after `asOf` is not counted. The count-only form covers 12
 * months, so it answers a window of 12 months and says nothing about a shorter one; for 12 months or
 * more, a count above the dated falls is taken, since neither record can show fewer falls than it
 * holds. A window the data does not cover is unknown, never guessed.
 */
export const falls = /* @__PURE__ */ defineBuiltinFact({
  name: 'falls',
  type: 'number',
  label: { nb: 'fall siste 12 måneder', nn: 'fall siste 12 månader', en: 'falls in the last 12 months' },
  windowedLabel: { nb: 'antall fall', nn: 'talet på fall', en: 'number of falls' },
  description: {
    nb: 'Antall fall de siste `months` månedene fram til vurderingsdatoen (12 når `months` ikke er gitt), talt fra daterte fall eller, for 12 måneder, fra antallet som er registrert.',
    nn: 'Talet på fall dei siste `months` månadene fram til vurderingsdatoen (12 når `months` ikkje er gitt), talt frå daterte fall eller, for 12 månader, frå talet som er registrert.',
    en: 'Number of falls in the last `months` months up to the evaluation date (12 when `months` is not given), counted from dated falls or, for 12 months, from the recorded count.',
  },
  params: FallWindow,
  derive: (ctx, p) => {
    const months = p?.months ?? COUNTED_MONTHS;
    const counted = months >= COUNTED_MONTHS ? ctx.person.frailty?.fallsLast12Months : undefined;
    const dated = ctx.person.falls;
    if (dated === undefined) return months === COUNTED_MONTHS ? counted : undefined;
    const lo = toDayNumber(addMonths(ctx.asOf, -months)) ?? ctx.asOfDay;
    let n = 0;
    for (const f of dated) {
      const d = toDayNumber(f.date);
      if (d !== undefined && d > lo && d <= ctx.asOfDay) n++;
    }
    return counted === undefined ? n : Math.max(n, counted);
  },
});
