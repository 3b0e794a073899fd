import type { z } from 'zod';
import type { Lang } from './lang.js';
import { resolveLang } from './lang.js';
import { LIMITS } from './limits.js';
import { DATE_RANGE } from '../util/dates.js';

/**
 * Validation issues: what was wrong, where, and what was expected. A message names the path and the
 * expectation in the requested language, and never repeats the offending value, because a value in a
 * person record is health data.
 */

/** The closed set of issue codes. */
export type IssueCode =
  | 'missing'
  | 'invalid_type'
  | 'unknown_key'
  | 'too_big'
  | 'too_small'
  | 'invalid_value'
  | 'invalid_format'
  | 'invalid_shape'
  | 'iso_date'
  | 'date_range'
  | 'birth_date'
  | 'date_order'
  | 'icpc2_code'
  | 'icd10_code'
  | 'national_id'
  | 'national_id_in_clear'
  | 'json_syntax'
  | 'line_too_long'
  | 'yaml_syntax'
  | 'duplicate_key'
  | 'rule_not_fired'
  | 'no_vectors'
  | 'unknown_rule_set'
  | 'unknown_fact'
  | 'unknown_operator'
  | 'unknown_code_list'
  | 'unknown_condition'
  | 'unknown_parameter'
  | 'unknown_rule'
  | 'duplicate_id'
  | 'missing_text'
  | 'too_deep'
  | 'unsafe_path'
  | 'operator_value'
  | 'operator_fact_type'
  | 'fact_params'
  | 'condition_cycle'
  | 'leaf_root'
  | 'not_valid_now'
  | 'before_last_event'
  | 'after_as_of'
  | 'not_a_transition'
  | 'context_mismatch'
  | 'unreadable'
  | 'not_after_as_of'
  | 'fhir_resource_type'
  | 'fhir_element'
  | 'fhir_extension'
  | 'fhir_modifier'
  | 'fhir_code'
  | 'fhir_value'
  | 'fhir_excluded'
  | 'fhir_page'
  | 'fhir_reference'
  | 'fhir_patient'
  | 'fhir_subject'
  | 'cds_invariant'
  | 'cds_empty'
  | 'cds_unknown_card'
  | 'cds_unknown_suggestion'
  | 'key_too_long'
  | 'too_many_issues';

/** One problem with an input, located by its path. */
export interface ValidationIssue {
  /** Path to the offending field, e.g. `diagnoses[2].code`; empty for the root. */
  readonly path: string;
  /** The same path as segments, for tools that map it to a line and column. */
  readonly segments: readonly (string | number)[];
  /** What kind of problem it is. */
  readonly code: IssueCode;
  /** A sentence in the requested language that names the path and what was expected. */
  readonly message: string;
  /** Non-sensitive details: expected type, limits, allowed values, the unknown name. */
  readonly detail?: Readonly<Record<string, string | number | readonly string[]>>;
}

/** Formats path segments as `a.b[2].c`. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}

type Detail = Record<string, string | number | readonly string[]>;
type Template = (p: string, d: Detail) => string;

// Details are strings, numbers and string lists; anything else (a damaged stored issue) is left out rather than coerced.
const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const list = (v: unknown): string => (Array.isArray(v) ? v.map(scalar).join(', ') : scalar(v));
const REASONS: Record<string, Record<Lang, string>> = {
  unexpected_end: { nb: 'teksten slutter for tidlig', nn: 'teksten sluttar for tidleg', en: 'the text ends too early' },
  unexpected_character: { nb: 'uventet tegn', nn: 'uventa teikn', en: 'unexpected character' },
  expected_comma_or_end: { nb: 'forventet komma eller slutten av listen/objektet', nn: 'venta komma eller slutten av lista/objektet', en: 'expected a comma or the end of the list/object' },
  expected_colon: { nb: 'forventet kolon etter feltnavnet', nn: 'venta kolon etter feltnamnet', en: 'expected a colon after the field name' },
  expected_key: { nb: 'forventet et feltnavn i anførselstegn', nn: 'venta eit feltnamn i hermeteikn', en: 'expected a field name in double quotes' },
  trailing_comma: { nb: 'komma før slutten er ikke tillatt', nn: 'komma før slutten er ikkje tillate', en: 'a comma before the end is not allowed' },
  bad_string: { nb: 'ugyldig tekststreng (linjeskift eller ugyldig \\-tegn)', nn: 'ugyldig tekststreng (linjeskift eller ugyldig \\-teikn)', en: 'invalid string (line break or invalid \\ escape)' },
  bad_number: { nb: 'ugyldig tall', nn: 'ugyldig tal', en: 'invalid number' },
  trailing_data: { nb: 'mer tekst etter slutten av JSON-verdien', nn: 'meir tekst etter slutten av JSON-verdien', en: 'more text after the end of the JSON value' },
  too_deep: { nb: 'nøstet for dypt', nn: 'nøsta for djupt', en: 'nested too deeply' },
};
const reasonText = (r: unknown, lang: Lang): string => REASONS[String(r)]?.[lang] ?? list(r);
const at = (p: string, lang: Lang) => (p === '' ? { nb: 'Roten', nn: 'Rota', en: 'The root' }[lang] : `«${p}»`);

/** What each CDS Hooks 2.0 invariant demands (input/fsh/invariants in HL7/cds-hooks). */
const INVARIANTS: Readonly<Record<string, Record<Lang, string>>> = {
  'cds-resp-1': {
    nb: 'med selectionBehavior «at-most-one» kan høyst ett forslag være anbefalt',
    nn: 'med selectionBehavior «at-most-one» kan høgst eitt forslag vere tilrådd',
    en: 'with selectionBehavior "at-most-one", at most one suggestion may be recommended',
  },
  'cds-resp-2': {
    nb: 'en slettehandling må ha resourceId og ikke resource',
    nn: 'ei slettehandling må ha resourceId og ikkje resource',
    en: 'a delete action needs a resourceId and no resource',
  },
  'cds-resp-3': {
    nb: 'appContext er bare tillatt for SMART-lenker',
    nn: 'appContext er berre tillate for SMART-lenkjer',
    en: 'appContext is only allowed on SMART links',
  },
  'cds-resp-4': {
    nb: 'hver overstyringsgrunn må ha display',
    nn: 'kvar overstyringsgrunn må ha display',
    en: 'every override reason needs a display',
  },
  'cds-resp-5': {
    nb: 'hver handling i et forslag må ha en beskrivelse',
    nn: 'kvar handling i eit forslag må ha ei skildring',
    en: 'every suggestion action needs a description',
  },
  'cds-resp-6': {
    nb: 'et kort med forslag må ha selectionBehavior',
    nn: 'eit kort med forslag må ha selectionBehavior',
    en: 'a card with suggestions needs a selectionBehavior',
  },
  'cds-resp-7': {
    nb: 'actionSelectionBehavior må være all, any eller at-most-one',
    nn: 'actionSelectionBehavior må vere all, any eller at-most-one',
    en: 'actionSelectionBehavior must be all, any or at-most-one',
  },
  'cds-fb-1': {
    nb: 'outcome må være accepted eller overridden',
    nn: 'outcome må vere accepted eller overridden',
    en: 'outcome must be accepted or overridden',
  },
  'cds-fb-2': {
    nb: 'når outcome er accepted, må acceptedSuggestions være med',
    nn: 'når outcome er accepted, må acceptedSuggestions vere med',
    en: 'when outcome is accepted, acceptedSuggestions is required',
  },
  'cds-fb-3': {
    nb: 'overrideReason må ha reason, userComment eller begge',
    nn: 'overrideReason må ha reason, userComment eller begge',
    en: 'an overrideReason needs a reason, a userComment or both',
  },
};

function invariantText(d: Detail, lang: Lang): string {
  const key = String(d['invariant'] ?? '');
  return Object.prototype.hasOwnProperty.call(INVARIANTS, key) ? INVARIANTS[key]![lang] : key;
}

/** The ids of the CDS Hooks invariants that have a message. */
export function cdsInvariantIds(): string[] {
  return Object.keys(INVARIANTS);
}

const MESSAGES: Record<IssueCode, Record<Lang, Template>> = {
  missing: {
    nb: (p) => `${p} mangler, men er påkrevd.`,
    nn: (p) => `${p} manglar, men er påkravd.`,
    en: (p) => `${p} is missing but required.`,
  },
  invalid_type: {
    nb: (p, d) => `${p} har feil type: forventet ${list(d['expected'])}.`,
    nn: (p, d) => `${p} har feil type: venta ${list(d['expected'])}.`,
    en: (p, d) => `${p} has the wrong type: expected ${list(d['expected'])}.`,
  },
  unknown_key: {
    nb: (p) => `${p} er ikke et kjent felt. Sjekk stavemåten; ukjente felt blir ikke ignorert.`,
    nn: (p) => `${p} er ikkje eit kjent felt. Sjekk stavemåten; ukjende felt blir ikkje ignorerte.`,
    en: (p) => `${p} is not a known field. Check the spelling; unknown fields are not ignored.`,
  },
  too_big: {
    nb: (p, d) => `${p} er for stor: høyst ${list(d['maximum'])} er tillatt.`,
    nn: (p, d) => `${p} er for stor: høgst ${list(d['maximum'])} er tillate.`,
    en: (p, d) => `${p} is too large: at most ${list(d['maximum'])} is allowed.`,
  },
  too_small: {
    nb: (p, d) => `${p} er for liten: minst ${list(d['minimum'])} kreves.`,
    nn: (p, d) => `${p} er for liten: minst ${list(d['minimum'])} er kravd.`,
    en: (p, d) => `${p} is too small: at least ${list(d['minimum'])} is required.`,
  },
  invalid_value: {
    nb: (p, d) => `${p} har en ugyldig verdi: forventet en av ${list(d['allowed'])}.`,
    nn: (p, d) => `${p} har ein ugyldig verdi: venta ein av ${list(d['allowed'])}.`,
    en: (p, d) => `${p} has an invalid value: expected one of ${list(d['allowed'])}.`,
  },
  invalid_format: {
    nb: (p, d) => `${p} har feil format${d['format'] ? ` (forventet ${list(d['format'])})` : ''}.`,
    nn: (p, d) => `${p} har feil format${d['format'] ? ` (venta ${list(d['format'])})` : ''}.`,
    en: (p, d) => `${p} has the wrong format${d['format'] ? ` (expected ${list(d['format'])})` : ''}.`,
  },
  invalid_shape: {
    nb: (p) => `${p} passer ikke med noen av de tillatte formene.`,
    nn: (p) => `${p} passar ikkje med nokon av dei tillatne formene.`,
    en: (p) => `${p} does not match any of the allowed shapes.`,
  },
  iso_date: {
    nb: (p) => `${p} må være en gyldig dato på formen ÅÅÅÅ-MM-DD.`,
    nn: (p) => `${p} må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD.`,
    en: (p) => `${p} must be a valid date in the form YYYY-MM-DD.`,
  },
  date_range: {
    nb: (p) => `${p} må ligge mellom ${DATE_RANGE.min} og ${DATE_RANGE.max}.`,
    nn: (p) => `${p} må liggje mellom ${DATE_RANGE.min} og ${DATE_RANGE.max}.`,
    en: (p) => `${p} must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}.`,
  },
  birth_date: {
    nb: (p) => `${p} må være en gyldig dato på formen ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når bare måned eller år er kjent.`,
    nn: (p) => `${p} må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når berre månad eller år er kjend.`,
    en: (p) => `${p} must be a valid date in the form YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known.`,
  },
  date_order: {
    nb: (p) => `${p} ligger før startdatoen.`,
    nn: (p) => `${p} ligg før startdatoen.`,
    en: (p) => `${p} is before the start date.`,
  },
  icpc2_code: {
    nb: (p) => `${p} er ikke en ICPC-2-kode (én bokstav og to sifre, f.eks. K77).`,
    nn: (p) => `${p} er ikkje ein ICPC-2-kode (éin bokstav og to siffer, t.d. K77).`,
    en: (p) => `${p} is not an ICPC-2 code (one letter and two digits, e.g. K77).`,
  },
  icd10_code: {
    nb: (p) => `${p} er ikke en ICD-10-kode (f.eks. I50 eller F32.1).`,
    nn: (p) => `${p} er ikkje ein ICD-10-kode (t.d. I50 eller F32.1).`,
    en: (p) => `${p} is not an ICD-10 code (e.g. I50 or F32.1).`,
  },
  national_id: {
    nb: (p) => `${p} er ikke et gyldig fødselsnummer eller D-nummer (11 sifre med gyldige kontrollsifre).`,
    nn: (p) => `${p} er ikkje eit gyldig fødselsnummer eller D-nummer (11 siffer med gyldige kontrollsiffer).`,
    en: (p) => `${p} is not a valid national identity number or D number (11 digits with valid check digits).`,
  },
  national_id_in_clear: {
    nb: (p) => `${p} ser ut til å inneholde et fødselsnummer eller D-nummer. Bruk vertssystemets egen referanse til personen (f.eks. Patient/123), ikke identitetsnummeret.`,
    nn: (p) => `${p} ser ut til å innehalde eit fødselsnummer eller D-nummer. Bruk vertssystemet sin eigen referanse til personen (t.d. Patient/123), ikkje identitetsnummeret.`,
    en: (p) => `${p} appears to hold a national identity number or D number. Use the host system's own reference to the person (e.g. Patient/123), not the identity number.`,
  },
  json_syntax: {
    nb: (p, d) => `Ugyldig JSON${d['line'] ? ` på linje ${d['line']}, kolonne ${d['column']}` : ''}: ${reasonText(d['reason'], 'nb')}.`,
    nn: (p, d) => `Ugyldig JSON${d['line'] ? ` på linje ${d['line']}, kolonne ${d['column']}` : ''}: ${reasonText(d['reason'], 'nn')}.`,
    en: (p, d) => `Invalid JSON${d['line'] ? ` at line ${d['line']}, column ${d['column']}` : ''}: ${reasonText(d['reason'], 'en')}.`,
  },
  line_too_long: {
    nb: (p, d) => `Linjen er for lang: høyst ${list(d['maximum'])} byte er tillatt. Den er hoppet over.`,
    nn: (p, d) => `Linja er for lang: høgst ${list(d['maximum'])} byte er tillate. Ho er hoppa over.`,
    en: (p, d) => `The line is too long: at most ${list(d['maximum'])} bytes are allowed. It was skipped.`,
  },
  yaml_syntax: {
    nb: (p, d) => `Ugyldig YAML på linje ${list(d['line'])}, kolonne ${list(d['column'])} (${list(d['reason'])}).`,
    nn: (p, d) => `Ugyldig YAML på linje ${list(d['line'])}, kolonne ${list(d['column'])} (${list(d['reason'])}).`,
    en: (p, d) => `Invalid YAML at line ${list(d['line'])}, column ${list(d['column'])} (${list(d['reason'])}).`,
  },
  duplicate_key: {
    nb: (p) => `${p} står to ganger i samme objekt; bare den siste blir brukt.`,
    nn: (p) => `${p} står to gonger i same objekt; berre den siste blir brukt.`,
    en: (p) => `${p} appears twice in the same object; only the last one is used.`,
  },
  rule_not_fired: {
    nb: (p, d) => `Ingen testvektor forventer at regelen «${list(d['name'])}» utløses. Legg til en vektor med regelen under expect.fired.`,
    nn: (p, d) => `Ingen testvektor ventar at regelen «${list(d['name'])}» blir utløyst. Legg til ein vektor med regelen under expect.fired.`,
    en: (p, d) => `No test vector expects the rule "${list(d['name'])}" to fire. Add a vector with the rule under expect.fired.`,
  },
  no_vectors: {
    nb: (p, d) => `Regelsettet «${list(d['name'])}» har ingen testvektorer. Legg dem i ${list(d['file'])} ved siden av regelsettet.`,
    nn: (p, d) => `Regelsettet «${list(d['name'])}» har ingen testvektorar. Legg dei i ${list(d['file'])} ved sida av regelsettet.`,
    en: (p, d) => `The rule set "${list(d['name'])}" has no test vectors. Put them in ${list(d['file'])} next to the rule set.`,
  },
  unknown_rule_set: {
    nb: (p, d) => `${p} viser til regelsettet «${list(d['name'])}», som ikke finnes blant filene.`,
    nn: (p, d) => `${p} viser til regelsettet «${list(d['name'])}», som ikkje finst blant filene.`,
    en: (p, d) => `${p} refers to the rule set "${list(d['name'])}", which is not among the files.`,
  },
  unknown_fact: {
    nb: (p, d) => `${p} viser til faktumet «${list(d['name'])}», som ikke finnes.`,
    nn: (p, d) => `${p} viser til faktumet «${list(d['name'])}», som ikkje finst.`,
    en: (p, d) => `${p} refers to the fact "${list(d['name'])}", which does not exist.`,
  },
  unknown_operator: {
    nb: (p, d) => `${p} bruker operatoren «${list(d['name'])}», som ikke finnes. Tillatt: ${list(d['allowed'])}.`,
    nn: (p, d) => `${p} brukar operatoren «${list(d['name'])}», som ikkje finst. Tillate: ${list(d['allowed'])}.`,
    en: (p, d) => `${p} uses the operator "${list(d['name'])}", which does not exist. Allowed: ${list(d['allowed'])}.`,
  },
  unknown_code_list: {
    nb: (p, d) => `${p} viser til kodelisten «${list(d['name'])}», som ikke finnes.`,
    nn: (p, d) => `${p} viser til kodelista «${list(d['name'])}», som ikkje finst.`,
    en: (p, d) => `${p} refers to the code list "${list(d['name'])}", which does not exist.`,
  },
  unknown_condition: {
    nb: (p, d) => `${p} viser til betingelsen «${list(d['name'])}», som ikke finnes.`,
    nn: (p, d) => `${p} viser til vilkåret «${list(d['name'])}», som ikkje finst.`,
    en: (p, d) => `${p} refers to the condition "${list(d['name'])}", which does not exist.`,
  },
  unknown_parameter: {
    nb: (p, d) => `${p} viser til parameteren «${list(d['name'])}», som ikke finnes.`,
    nn: (p, d) => `${p} viser til parameteren «${list(d['name'])}», som ikkje finst.`,
    en: (p, d) => `${p} refers to the parameter "${list(d['name'])}", which does not exist.`,
  },
  unknown_rule: {
    nb: (p, d) => `${p} viser til regelen «${list(d['name'])}», som ikke finnes.`,
    nn: (p, d) => `${p} viser til regelen «${list(d['name'])}», som ikkje finst.`,
    en: (p, d) => `${p} refers to the rule "${list(d['name'])}", which does not exist.`,
  },
  duplicate_id: {
    nb: (p, d) => `${p}: id-en «${list(d['name'])}» er brukt mer enn én gang.`,
    nn: (p, d) => `${p}: id-en «${list(d['name'])}» er brukt meir enn éin gong.`,
    en: (p, d) => `${p}: the id "${list(d['name'])}" is used more than once.`,
  },
  missing_text: {
    nb: (p, d) => `${p} mangler tekst på ${list(d['lang'])}.`,
    nn: (p, d) => `${p} manglar tekst på ${list(d['lang'])}.`,
    en: (p, d) => `${p} is missing its ${list(d['lang'])} text.`,
  },
  too_deep: {
    nb: (p, d) => `${p} er nøstet for dypt: høyst ${list(d['maximum'])} nivåer er tillatt.`,
    nn: (p, d) => `${p} er nøsta for djupt: høgst ${list(d['maximum'])} nivå er tillate.`,
    en: (p, d) => `${p} is nested too deeply: at most ${list(d['maximum'])} levels are allowed.`,
  },
  unsafe_path: {
    nb: (p) => `${p} er ikke en tillatt sti. Bruk $.felt.felt eller $.felt[0]; annen JSONPath kjøres aldri.`,
    nn: (p) => `${p} er ikkje ein tillaten sti. Bruk $.felt.felt eller $.felt[0]; anna JSONPath blir aldri køyrt.`,
    en: (p) => `${p} is not an allowed path. Use $.field.field or $.field[0]; other JSONPath is never run.`,
  },
  operator_value: {
    nb: (p, d) => `${p} passer ikke med operatoren «${list(d['operator'])}»: forventet ${list(d['expected'])}.`,
    nn: (p, d) => `${p} passar ikkje med operatoren «${list(d['operator'])}»: venta ${list(d['expected'])}.`,
    en: (p, d) => `${p} does not fit the operator "${list(d['operator'])}": expected ${list(d['expected'])}.`,
  },
  operator_fact_type: {
    nb: (p, d) => `${p}: operatoren «${list(d['operator'])}» kan ikke brukes på faktumet «${list(d['name'])}» av typen ${list(d['type'])}.`,
    nn: (p, d) => `${p}: operatoren «${list(d['operator'])}» kan ikkje brukast på faktumet «${list(d['name'])}» av typen ${list(d['type'])}.`,
    en: (p, d) => `${p}: the operator "${list(d['operator'])}" cannot be used on the fact "${list(d['name'])}" of type ${list(d['type'])}.`,
  },
  fact_params: {
    nb: (p, d) => `${p} har ugyldige parametre for faktumet «${list(d['name'])}»: ${list(d['expected'])}.`,
    nn: (p, d) => `${p} har ugyldige parametrar for faktumet «${list(d['name'])}»: ${list(d['expected'])}.`,
    en: (p, d) => `${p} has invalid parameters for the fact "${list(d['name'])}": ${list(d['expected'])}.`,
  },
  condition_cycle: {
    nb: (p, d) => `${p}: betingelsen «${list(d['name'])}» viser til seg selv.`,
    nn: (p, d) => `${p}: vilkåret «${list(d['name'])}» viser til seg sjølv.`,
    en: (p, d) => `${p}: the condition "${list(d['name'])}" refers to itself.`,
  },
  leaf_root: {
    nb: (p) =>
      `${p} er én enkelt betingelse (fact, operator, value) rett på roten. Roten må være all, any, not eller condition, fordi json-rules-engine ikke godtar noe annet der. Pakk den inn: {"all": [ … ]}.`,
    nn: (p) =>
      `${p} er eitt enkelt vilkår (fact, operator, value) rett på rota. Rota må vere all, any, not eller condition, fordi json-rules-engine ikkje godtek noko anna der. Pakk det inn: {"all": [ … ]}.`,
    en: (p) =>
      `${p} is a single condition (fact, operator, value) at the root. The root must be all, any, not or condition, because json-rules-engine accepts nothing else there. Wrap it: {"all": [ … ]}.`,
  },
  not_valid_now: {
    nb: (p, d) => `Regelsettet gjelder ikke på datoen ${list(d['asOf'])} (gyldig ${list(d['from'])} til ${list(d['to'])}).`,
    nn: (p, d) => `Regelsettet gjeld ikkje på datoen ${list(d['asOf'])} (gyldig ${list(d['from'])} til ${list(d['to'])}).`,
    en: (p, d) => `The rule set is not valid on ${list(d['asOf'])} (valid ${list(d['from'])} to ${list(d['to'])}).`,
  },
  before_last_event: {
    nb: (p) => `${p} er før forløpets siste hendelse. Hendelser sendes i tidsrekkefølge.`,
    nn: (p) => `${p} er før den siste hendinga i forløpet. Hendingar blir sende i tidsrekkjefølgje.`,
    en: (p) => `${p} is before the pathway's last event. Events are sent in time order.`,
  },
  after_as_of: {
    nb: (p) => `${p} er etter datoen forløpet gjenopprettes for (asOf). Historikk fra fremtiden godtas ikke.`,
    nn: (p) => `${p} er etter datoen forløpet blir gjenoppretta for (asOf). Historikk frå framtida blir ikkje godteken.`,
    en: (p) => `${p} is after the date the pathway is restored for (asOf). History from the future is not accepted.`,
  },
  not_a_transition: {
    nb: (p) => `${p} følger ikke av forløpet: hendelsen fører ikke dit fra tilstanden før, med de avgjørelsene som er lagret.`,
    nn: (p) => `${p} følgjer ikkje av forløpet: hendinga fører ikkje dit frå tilstanden før, med dei avgjerdene som er lagra.`,
    en: (p) => `${p} does not follow: the event does not lead there from the state before it, with the decisions stored.`,
  },
  context_mismatch: {
    nb: (p) => `${p} stemmer ikke med det historikken gir. Forløpet er endret utenom hendelsene.`,
    nn: (p) => `${p} stemmer ikkje med det historikken gir. Forløpet er endra utanom hendingane.`,
    en: (p) => `${p} does not match what the history gives. The pathway was changed outside its events.`,
  },
  unreadable: {
    nb: (p) => `${p} kunne ikke leses: en get-metode eller proxy kastet en feil. Send rene data (som fra JSON.parse).`,
    nn: (p) => `${p} kunne ikkje lesast: ein get-metode eller proxy kasta ein feil. Send reine data (som frå JSON.parse).`,
    en: (p) => `${p} could not be read: a getter or proxy threw. Pass plain data (as JSON.parse gives).`,
  },
  not_after_as_of: {
    nb: (p) => `${p} må være etter datoen hendelsen gjelder (asOf).`,
    nn: (p) => `${p} må vere etter datoen hendinga gjeld (asOf).`,
    en: (p) => `${p} must be after the date of the event (asOf).`,
  },
  fhir_resource_type: {
    nb: (p, d) => `${p} er en ${list(d['resourceType'])}-ressurs, som ikke leses. Ressursen har ikke påvirket vurderingen.`,
    nn: (p, d) => `${p} er ein ${list(d['resourceType'])}-ressurs, som ikkje blir lesen. Ressursen har ikkje påverka vurderinga.`,
    en: (p, d) => `${p} is a resource of type ${list(d['resourceType'])}, which is not read. It did not influence the assessment.`,
  },
  fhir_element: {
    nb: (p) => `${p} leses ikke og har ikke påvirket vurderingen.`,
    nn: (p) => `${p} blir ikkje lesen og har ikkje påverka vurderinga.`,
    en: (p) => `${p} is not read and did not influence the assessment.`,
  },
  fhir_extension: {
    nb: (p, d) => `${p}: utvidelsen «${list(d['url'])}» er ukjent og leses ikke.`,
    nn: (p, d) => `${p}: utvidinga «${list(d['url'])}» er ukjend og blir ikkje lesen.`,
    en: (p, d) => `${p}: the extension "${list(d['url'])}" is not understood and is not read.`,
  },
  fhir_modifier: {
    nb: (p) => `${p} har en modifikatorutvidelse som ikke forstås, så ressursen er ikke brukt.`,
    nn: (p) => `${p} har ei modifikatorutviding som ikkje blir forstått, så ressursen er ikkje brukt.`,
    en: (p) => `${p} has a modifier extension that is not understood, so the resource was not used.`,
  },
  fhir_code: {
    nb: (p, d) => `${p} har ingen kode i et kodeverk som leses (forventet ${list(d['expected'])}), så ressursen er ikke brukt.`,
    nn: (p, d) => `${p} har ingen kode i eit kodeverk som blir lese (venta ${list(d['expected'])}), så ressursen er ikkje brukt.`,
    en: (p, d) => `${p} has no code in a code system that is read (expected ${list(d['expected'])}), so the resource was not used.`,
  },
  fhir_value: {
    nb: (p, d) => `${p} har en verdi som ikke støttes (forventet ${list(d['expected'])}) og er ikke brukt.`,
    nn: (p, d) => `${p} har ein verdi som ikkje er støtta (venta ${list(d['expected'])}) og er ikkje brukt.`,
    en: (p, d) => `${p} has a value that is not supported (expected ${list(d['expected'])}) and was not used.`,
  },
  fhir_page: {
    nb: (p, d) => `${p} er bare én side av et søkeresultat (en next-lenke, eller total over antall treff): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} er derfor ukjent` : 'resten er ikke lest'}.`,
    nn: (p, d) => `${p} er berre éi side av eit søkjeresultat (ei next-lenkje, eller total over talet på treff): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} er difor ukjend` : 'resten er ikkje lese'}.`,
    en: (p, d) => `${p} is only one page of a search result (a next link, or total above the matches it holds): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} is therefore unknown` : 'the rest was not read'}.`,
  },
  fhir_excluded: {
    nb: (p, d) => `${p} er utelatt fordi statusen er «${list(d['status'])}».`,
    nn: (p, d) => `${p} er utelaten fordi statusen er «${list(d['status'])}».`,
    en: (p, d) => `${p} was left out because its status is "${list(d['status'])}".`,
  },
  fhir_reference: {
    nb: (p) => `${p} viser til en ressurs som ikke finnes i bunten. Opplysningen er ikke brukt.`,
    nn: (p) => `${p} viser til ein ressurs som ikkje finst i bunten. Opplysninga er ikkje brukt.`,
    en: (p) => `${p} refers to a resource that is not in the bundle. The entry was not used.`,
  },
  fhir_patient: {
    nb: (p, d) => `Bunten må ha nøyaktig én Patient-ressurs (fant ${list(d['count'])}).`,
    nn: (p, d) => `Bunten må ha nøyaktig éin Patient-ressurs (fann ${list(d['count'])}).`,
    en: (p, d) => `The bundle must hold exactly one Patient resource (found ${list(d['count'])}).`,
  },
  fhir_subject: {
    nb: (p) => `${p} gjelder en annen pasient enn Patient-ressursen i bunten. Bunter med flere pasienter avvises.`,
    nn: (p) => `${p} gjeld ein annan pasient enn Patient-ressursen i bunten. Buntar med fleire pasientar blir avviste.`,
    en: (p) => `${p} belongs to another patient than the bundle's Patient. Bundles with several patients are rejected.`,
  },
  cds_invariant: {
    nb: (p, d) => `${p} bryter CDS Hooks-regelen ${list(d['invariant'])}: ${invariantText(d, 'nb')}.`,
    nn: (p, d) => `${p} bryt CDS Hooks-regelen ${list(d['invariant'])}: ${invariantText(d, 'nn')}.`,
    en: (p, d) => `${p} breaks the CDS Hooks rule ${list(d['invariant'])}: ${invariantText(d, 'en')}.`,
  },
  cds_empty: {
    nb: (p) => `${p} er tom. Utelat valgfrie felt i stedet for å sende dem tomme (CDS Hooks).`,
    nn: (p) => `${p} er tom. Utelat valfrie felt i staden for å sende dei tomme (CDS Hooks).`,
    en: (p) => `${p} is empty. Leave optional fields out instead of sending them empty (CDS Hooks).`,
  },
  cds_unknown_card: {
    nb: (p) => `${p} viser til et kort som denne tjenesten ikke har laget.`,
    nn: (p) => `${p} viser til eit kort som denne tenesta ikkje har laga.`,
    en: (p) => `${p} refers to a card this service did not issue.`,
  },
  cds_unknown_suggestion: {
    nb: (p) => `${p} viser til et forslag som ikke finnes på kortet.`,
    nn: (p) => `${p} viser til eit forslag som ikkje finst på kortet.`,
    en: (p) => `${p} refers to a suggestion that is not on the card.`,
  },
  key_too_long: {
    nb: (p, d) => `${p} har et feltnavn som er for langt: høyst ${list(d['maximum'])} tegn er tillatt.`,
    nn: (p, d) => `${p} har eit feltnamn som er for langt: høgst ${list(d['maximum'])} teikn er tillate.`,
    en: (p, d) => `${p} has a field name that is too long: at most ${list(d['maximum'])} characters are allowed.`,
  },
  too_many_issues: {
    nb: (p, d) => `Det er flere feil enn de ${list(d['maximum'])} som er vist. Rett disse og prøv igjen.`,
    nn: (p, d) => `Det er fleire feil enn dei ${list(d['maximum'])} som er viste. Rett desse og prøv igjen.`,
    en: (p, d) => `There are more problems than the ${list(d['maximum'])} shown. Fix these and try again.`,
  },
};


/** Builds an issue with its message in the requested language. */
export function makeIssue(
  code: IssueCode,
  segments: readonly (string | number)[],
  lang: Lang,
  detail: Detail = {},
): ValidationIssue {
  const l = resolveLang(lang);
  const path = formatPath(segments);
  const message = MESSAGES[code][l](at(path, l), detail);
  return Object.keys(detail).length > 0 ? { path, segments, code, message, detail } : { path, segments, code, message };
}

/**
 * Re-renders an issue in another language. An issue this version does not know (a stored issue from
 * another version, or a damaged one) is returned unchanged rather than thrown on.
 */
export function localizeIssue(issue: ValidationIssue, lang: Lang): ValidationIssue {
  if (typeof issue !== 'object' || issue === null || typeof issue.code !== 'string' || !Object.hasOwn(MESSAGES, issue.code)) return issue;
  if (!Array.isArray(issue.segments) || !issue.segments.every((s) => typeof s === 'string' || typeof s === 'number')) return issue;
  if (issue.detail !== undefined && (typeof issue.detail !== 'object' || issue.detail === null)) return issue;
  return makeIssue(issue.code, issue.segments, lang, (issue.detail ?? {}) as Detail);
}

/**
 * Whether an invalid_type issue is a missing value. zod reports the input only when parsing with
 * `reportInput`; otherwise its default message ends in "received undefined". The input itself is
 * only compared with undefined, never copied.
 */
function isMissing(i: z.core.$ZodIssue): boolean {
  if ('input' in i) return i.input === undefined;
  return /received undefined$/.test(i.message);
}

const KNOWN_CUSTOM = new Set<IssueCode>(['iso_date', 'date_range', 'birth_date', 'date_order', 'icpc2_code', 'icd10_code', 'national_id', 'national_id_in_clear']);

/**
 * Keeps at most {@link LIMITS.issues} issues and says how many more there were, so that a list of
 * 10,000 broken encounters gives a readable error of bounded size instead of 10,000 messages.
 */
export function capIssues(issues: readonly ValidationIssue[], lang: Lang): ValidationIssue[] {
  if (issues.length <= LIMITS.issues) return [...issues];
  return [...issues.slice(0, LIMITS.issues), makeIssue('too_many_issues', [], lang, { maximum: LIMITS.issues })];
}

/** Maps zod issues to ours. Only the path, the expectation and limits are kept; never the input value. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix: readonly (string | number)[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  // Several checks on one field (format, then calendar validity) must not report it twice.
  const push = (x: ValidationIssue): void => {
    const k = `${x.code}|${x.path}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(x);
  };
  for (const i of issues) {
    // One more than the cap is enough for capIssues to say that some were left out.
    if (out.length > LIMITS.issues) break;
    const segs = [...prefix, ...i.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
    switch (i.code) {
      case 'invalid_type':
        push(isMissing(i) ? makeIssue('missing', segs, lang) : makeIssue('invalid_type', segs, lang, { expected: String(i.expected) }));
        break;
      case 'unrecognized_keys':
        for (const k of i.keys) push(makeIssue('unknown_key', [...segs, k], lang));
        break;
      case 'too_big':
        push(makeIssue('too_big', segs, lang, { maximum: String(i.maximum) }));
        break;
      case 'too_small':
        push(makeIssue('too_small', segs, lang, { minimum: String(i.minimum) }));
        break;
      case 'invalid_value':
        push(makeIssue('invalid_value', segs, lang, { allowed: i.values.map((v) => JSON.stringify(v)) }));
        break;
      case 'invalid_format':
        if (i.message === 'iso_date' || i.message === 'birth_date') {
          push(makeIssue(i.message, segs, lang));
          break;
        }
        push(makeIssue('invalid_format', segs, lang, i.format === 'regex' ? {} : { format: i.format }));
        break;
      case 'invalid_union':
        push(makeIssue('invalid_shape', segs, lang));
        break;
      case 'custom': {
        const c = (i.params as { code?: string } | undefined)?.code;
        push(makeIssue(c && KNOWN_CUSTOM.has(c as IssueCode) ? (c as IssueCode) : 'invalid_format', segs, lang));
        break;
      }
      default:
        push(makeIssue('invalid_format', segs, lang));
    }
  }
  return capIssues(out, lang);
}

/** Every issue code, read from the message table, so tools and tests can check all languages. */
export function issueCodes(): IssueCode[] {
  return Object.keys(MESSAGES) as IssueCode[];
}
