import { ageInYears } from './demographics.js';
import { defineFact } from './types.js';

/** PRISMA-7 total. Item 6 ("can you count on someone close?") scores a point for "no". */
export const prisma7Score = defineFact({
  name: 'prisma7Score',
  type: 'number',
  label: { nb: 'PRISMA-7-skår', nn: 'PRISMA-7-skår', en: 'PRISMA-7 score' },
  description: {
    nb: 'Sum av de sju PRISMA-7-spørsmålene; spørsmål 6 gir poeng for «nei». 3 eller mer er positiv screening.',
    nn: 'Sum av dei sju PRISMA-7-spørsmåla; spørsmål 6 gir poeng for «nei». 3 eller meir er positiv screening.',
    en: 'Sum of the seven PRISMA-7 items; item 6 scores for "no". 3 or more is a positive screen.',
  },
  source: { document: 'Raîche et al. 2008, PRISMA-7; domain-verified 4.1', section: 'Items and cut-off ≥ 3' },
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
 * speed > 5 s over 4 m; from age 65. Physical tests are not used when the person is acutely unwell.
 */
export const frail = defineFact({
  name: 'frail',
  type: 'boolean',
  label: { nb: 'skrøpelighet (screening)', nn: 'skrøpelegheit (screening)', en: 'frailty (screening)' },
  description: {
    nb: 'Sann fra 65 år ved PRISMA-7 ≥ 3, egenvurdert helse ≤ 6 av 10, eller ganghastighet over 5 sekunder på 4 meter (ikke ved akutt sykdom). Usann under 65 år.',
    nn: 'Sann frå 65 år ved PRISMA-7 ≥ 3, eigenvurdert helse ≤ 6 av 10, eller ganghastigheit over 5 sekund på 4 meter (ikkje ved akutt sjukdom). Usann under 65 år.',
    en: 'True from age 65 with PRISMA-7 ≥ 3, self-rated health ≤ 6 of 10, or gait over 5 seconds for 4 metres (not when acutely unwell). False under 65.',
  },
  source: { document: 'NICE NG56 Multimorbidity', section: '1.3 Frailty assessment' },
  evidence: 'found',
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
        : Number(p.olderThan85) + Number(p.male) + Number(p.healthProblemsLimitActivities) + Number(p.needsRegularHelp) +
            Number(p.healthProblemsKeepAtHome) + Number(!p.canCountOnSomeoneClose) + Number(p.usesWalkingAid) >= 3;
    const selfRated = f.selfRatedHealth === undefined ? undefined : f.selfRatedHealth <= 6;
    const gait = f.gaitSpeed4mSeconds === undefined || f.acutelyUnwell === true ? undefined : f.gaitSpeed4mSeconds > 5;
    if (prisma === true || selfRated === true || gait === true) return true;
    if (prisma === undefined && selfRated === undefined && gait === undefined) return undefined;
    return false;
  },
});

/** Falls in the last 12 months as reported. */
export const falls = defineFact({
  name: 'falls',
  type: 'number',
  label: { nb: 'fall siste 12 måneder', nn: 'fall siste 12 månader', en: 'falls in the last 12 months' },
  description: {
    nb: 'Antall fall siste 12 måneder slik det er registrert.',
    nn: 'Talet på fall siste 12 månader slik det er registrert.',
    en: 'Number of falls in the last 12 months as recorded.',
  },
  derive: ({ person }) => person.frailty?.fallsLast12Months,
});
