import type { LocalizedText } from '../../model/lang.js';
import type { PersonListKind } from '../fhir/model/prefetch.js';

/**
 * The texts of the ready-made service around the cards: the data-quality card, the note on prefetch
 * that was not fetched, the discharge service and the service's own error bodies. `{x}` are placeholders.
 */
export const SERVICE_TEXTS = {
  notFetchedSummary: {
    nb: 'Deler av journalen ble ikke hentet: {lists} er ukjent',
    nn: 'Delar av journalen vart ikkje henta: {lists} er ukjend',
    en: 'Parts of the record were not fetched: {lists} unknown',
  },
  dataQualitySummary: {
    nb: 'Datakvalitet: ikke alt i journalen kunne leses',
    nn: 'Datakvalitet: ikkje alt i journalen kunne lesast',
    en: 'Data quality: not everything in the record could be read',
  },
  notFetched: {
    nb: 'Ikke hentet (prefetch {keys}): {lists} er derfor ukjent, ikke «ingen».',
    nn: 'Ikkje henta (prefetch {keys}): {lists} er difor ukjend, ikkje «ingen».',
    en: 'Not fetched (prefetch {keys}): {lists} are therefore unknown, not "none".',
  },
  notRead: { nb: 'Ikke lest: {items}.', nn: 'Ikkje lese: {items}.', en: 'Not read: {items}.' },
  codeSystems: { nb: 'kodeverk', nn: 'kodeverk', en: 'code systems' },
  madeWithout: {
    nb: 'Vurderingene er gjort uten disse opplysningene. Sjekk journalen før du handler på et kort som mangler dem.',
    nn: 'Vurderingane er gjorde utan desse opplysningane. Sjekk journalen før du handlar på eit kort som manglar dei.',
    en: 'The assessments were made without this information. Check the record before acting on a card that lacks it.',
  },
  internalError: {
    nb: 'Tjenesten kunne ikke lage et svar. Feilen er hos tjenesten, ikke i forespørselen.',
    nn: 'Tenesta kunne ikkje lage eit svar. Feilen er hos tenesta, ikkje i førespurnaden.',
    en: 'The service could not produce a response. The fault is the service’s, not the request’s.',
  },
} as const satisfies Record<string, LocalizedText>;

/** The person lists by name, for the notes above. */
export const LIST_NAMES: Readonly<Record<PersonListKind, LocalizedText>> = {
  diagnoses: { nb: 'diagnoser', nn: 'diagnosar', en: 'diagnoses' },
  encounters: { nb: 'kontakter', nn: 'kontaktar', en: 'encounters' },
  medications: { nb: 'legemidler', nn: 'legemiddel', en: 'medications' },
  iplos: { nb: 'IPLOS-opplysninger', nn: 'IPLOS-opplysningar', en: 'IPLOS data' },
  functionMeasures: { nb: 'funksjonsmål', nn: 'funksjonsmål', en: 'function measures' },
  consents: { nb: 'samtykker', nn: 'samtykke', en: 'consents' },
  whatMatters: { nb: '«Hva er viktig for deg?»', nn: '«Kva er viktig for deg?»', en: '"What matters to you?"' },
};
