import { activeOn } from './active.js';
import { defineBuiltinFact } from './types.js';

/** Number of distinct regular medicines (ATC) in use on `asOf`. As-needed medicines do not count. */
export const regularMedications = /* @__PURE__ */ defineBuiltinFact({
  name: 'regularMedications',
  type: 'number',
  label: { nb: 'antall faste legemidler', nn: 'talet på faste legemiddel', en: 'number of regular medicines' },
  description: {
    nb: 'Antall ulike faste legemidler (ATC-kode) i bruk på vurderingsdatoen. Behovsmedisin teller ikke.',
    nn: 'Talet på ulike faste legemiddel (ATC-kode) i bruk på vurderingsdatoen. Behovsmedisin tel ikkje.',
    en: 'Number of distinct regular medicines (ATC code) in use on the evaluation date. As-needed medicines do not count.',
  },
  source: {
    document: 'NICE NG56 Multimorbidity: clinical assessment and management (2016)',
    section:
      '1.2.1 (prescribed multiple regular medicines) and 1.3 (identifying people prescribed 15 or more, or 10 to 14, regular medicines)',
    url: 'https://www.nice.org.uk/guidance/ng56/chapter/Recommendations',
  },
  evidence: 'found',
  derive: ({ person, asOfDay }) => {
    const ms = person.medications;
    if (ms === undefined) return undefined;
    if (ms.length === 0) return 0;
    const codes = new Set<string>();
    for (const m of ms) if (m.regimen === 'regular' && activeOn(asOfDay, m.start, m.end)) codes.add(m.atc);
    return codes.size;
  },
});
