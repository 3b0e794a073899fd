import { DATE_RANGE } from '../../util/dates.js';
import type { JsonSyntaxReason } from '../../util/jsonScan.js';
import type { IssueDetail, IssueLocale } from '../issueCode.js';
import { list, typeName } from './format.js';

/** A rule's text field as a sentence names it. */
const FIELDS: Readonly<Record<string, string>> = { title: 'tittelen', text: 'teksten', rationale: 'begrunnelsen' };
const field = (f: unknown): string => (Object.hasOwn(FIELDS, String(f)) ? FIELDS[String(f)]! : list(f));

/** Why a text is not JSON, in bokmål. */
const reasons: Readonly<Record<JsonSyntaxReason, string>> = {
  unexpected_end: 'teksten slutter for tidlig',
  unexpected_character: 'uventet tegn',
  expected_comma_or_end: 'forventet komma eller slutten av listen/objektet',
  expected_colon: 'forventet kolon etter feltnavnet',
  expected_key: 'forventet et feltnavn i anførselstegn',
  trailing_comma: 'komma før slutten er ikke tillatt',
  bad_string: 'ugyldig tekststreng (linjeskift eller ugyldig \\-tegn)',
  bad_number: 'ugyldig tall',
  trailing_data: 'mer tekst etter slutten av JSON-verdien',
  too_deep: 'nøstet for dypt',
};
const reason = (r: unknown): string => (Object.hasOwn(reasons, String(r)) ? reasons[String(r) as JsonSyntaxReason] : list(r));

/** Type names in bokmål, for what a field or an operator expects. */
const types: Readonly<Record<string, string>> = {
  number: 'et tall',
  integer: 'et heltall',
  'integer ≥ 0': 'et heltall (0 eller mer)',
  'number ≥ 0': 'et tall (0 eller mer)',
  string: 'en tekst',
  boolean: 'true eller false',
  object: 'et objekt ({ … })',
  array: 'en liste ([ … ])',
  list: 'en liste',
  date: 'en dato',
  'YYYY-MM-DD': 'en dato på formen ÅÅÅÅ-MM-DD',
  'code list id': 'id-en til en kodeliste',
};
const type = (t: unknown): string => typeName(types, t);

/** Why a text is not YAML, in bokmål, by the parser's code. */
const yamlReasons: Readonly<Record<string, string>> = {
  UNCLOSED_FLOW: 'en { eller [ som ikke er lukket',
  UNCLOSED_QUOTE: 'et anførselstegn som ikke er lukket',
  BAD_INDENT: 'feil innrykk',
  TAB_AS_INDENT: 'tabulator brukt som innrykk; bruk mellomrom',
  DUPLICATE_KEY: 'samme nøkkel står to ganger',
  BLOCK_AS_IMPLICIT_KEY: 'feil innrykk eller et kolon for mye',
  MULTILINE_IMPLICIT_KEY: 'en nøkkel må stå på én linje',
  MISSING_CHAR: 'et tegn mangler',
  UNEXPECTED_TOKEN: 'uventet tegn',
  ALIAS_COUNT: 'for mange alias (*)',
};
const yamlReason = (r: unknown): string => (Object.hasOwn(yamlReasons, String(r)) ? yamlReasons[String(r)]! : list(r));
const didYouMean = (d: IssueDetail): string => (d['suggestion'] ? ` Mente du «${list(d['suggestion'])}»?` : '');

/** Every issue message of the core in bokmål. A message names the path and what was expected, never the value. */
export const nb: IssueLocale = {
  root: 'Roten',
  messages: {
    missing: (p) => `${p} mangler, men er påkrevd.`,
    invalid_type: (p, d) => `${p} har feil type: forventet ${type(d['expected'])}.`,
    unknown_key: (p) => `${p} er ikke et kjent felt. Sjekk stavemåten; ukjente felt blir ikke ignorert.`,
    too_big: (p, d) =>
      d['origin'] === 'string'
        ? `${p} er for lang: høyst ${list(d['maximum'])} tegn er tillatt.`
        : d['origin'] === 'array'
          ? `${p} har for mange elementer: høyst ${list(d['maximum'])} er tillatt.`
          : `${p} er for stor: høyst ${list(d['maximum'])} er tillatt.`,
    too_small: (p, d) =>
      d['origin'] === 'string'
        ? `${p} er for kort: minst ${list(d['minimum'])} tegn kreves.`
        : d['origin'] === 'array'
          ? `${p} har for få elementer: minst ${list(d['minimum'])} kreves.`
          : `${p} er for liten: minst ${list(d['minimum'])} kreves.`,
    empty: (p, d) => (d['origin'] === 'array' ? `${p} er en tom liste: minst ett element kreves.` : `${p} er tom: skriv en tekst.`),
    nynorsk_bokmal: (p, d) => `${p} ser ut som bokmål (fant «${list(d['word'])}»). Nynorsk skriver f.eks. «ikkje», «kva», «frå».`,
    invalid_value: (p, d) => `${p} har en ugyldig verdi: forventet en av ${list(d['allowed'])}.`,
    invalid_format: (p, d) => `${p} har feil format${d['format'] ? ` (forventet ${list(d['format'])})` : ''}.`,
    invalid_shape: (p) => `${p} passer ikke med noen av de tillatte formene.`,
    iso_date: (p) => `${p} må være en gyldig dato på formen ÅÅÅÅ-MM-DD.`,
    date_range: (p) => `${p} må ligge mellom ${DATE_RANGE.min} og ${DATE_RANGE.max}.`,
    birth_date: (p) => `${p} må være en gyldig dato på formen ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når bare måned eller år er kjent.`,
    date_order: (p) => `${p} ligger før startdatoen.`,
    icpc2_code: (p) => `${p} er ikke en ICPC-2-kode (én bokstav og to sifre, f.eks. K77).`,
    icd10_code: (p) => `${p} er ikke en ICD-10-kode (f.eks. I50 eller F32.1).`,
    national_id: (p) => `${p} er ikke et gyldig fødselsnummer eller D-nummer (11 sifre med gyldige kontrollsifre).`,
    national_id_in_clear: (p) =>
      `${p} ser ut til å inneholde et fødselsnummer eller D-nummer. Bruk vertssystemets egen referanse til personen (f.eks. Patient/123), ikke identitetsnummeret.`,
    json_syntax: (p, d) => `Ugyldig JSON${d['line'] ? ` på linje ${d['line']}, kolonne ${d['column']}` : ''}: ${reason(d['reason'])}.`,
    line_too_long: (p, d) => `Linjen er for lang: høyst ${list(d['maximum'])} byte er tillatt. Den er hoppet over.`,
    yaml_syntax: (p, d) => `Ugyldig YAML på linje ${list(d['line'])}, kolonne ${list(d['column'])}: ${yamlReason(d['reason'])}.`,
    duplicate_key: (p) => `${p} står to ganger i samme objekt; bare den siste blir brukt.`,
    rule_not_fired: (p, d) =>
      `Ingen testvektor forventer at regelen «${list(d['name'])}» utløses. Legg til en vektor med regelen under expect.fired.`,
    no_vectors: (p, d) =>
      `Regelsettet «${list(d['name'])}» har ingen testvektorer. Legg dem i ${list(d['file'])} ved siden av regelsettet.`,
    unknown_rule_set: (p, d) => `${p} viser til regelsettet «${list(d['name'])}», som ikke finnes blant filene.${didYouMean(d)}`,
    unknown_fact: (p, d) => `${p} viser til faktumet «${list(d['name'])}», som ikke finnes.${didYouMean(d)}`,
    unknown_operator: (p, d) =>
      `${p} bruker operatoren «${list(d['name'])}», som ikke finnes.${didYouMean(d)} Tillatt: ${list(d['allowed'])}.`,
    unknown_code_list: (p, d) => `${p} viser til kodelisten «${list(d['name'])}», som ikke finnes.${didYouMean(d)}`,
    unknown_condition: (p, d) => `${p} viser til betingelsen «${list(d['name'])}», som ikke finnes.${didYouMean(d)}`,
    unknown_parameter: (p, d) => `${p} viser til parameteren «${list(d['name'])}», som ikke finnes.${didYouMean(d)}`,
    unknown_placeholder: (p, d) =>
      `${p}: regelen «${list(d['rule'])}» har plassholderen «{${list(d['name'])}}» i ${field(d['field'])} (${list(d['lang'])}), men regelsettet har ingen parameter med det navnet.${d['suggestion'] ? ` Mente du «{${list(d['suggestion'])}}»?` : ''}`,
    parameter_in_text: (p, d) =>
      `${p}: ${field(d['field'])} i regelen «${list(d['rule'])}» (${list(d['lang'])}) har tallet ${list(d['value'])}, som er verdien til parameteren «${list(d['name'])}» som regelen bruker. Skriv «{${list(d['name'])}}», så følger teksten parameteren når den endres.`,
    parameter_off_source: (p, d) =>
      `${p}: parameteren «${list(d['name'])}» er merket funnet i kilden, men verdien er endret fra kildens ${list(d['sourceValue'])} til ${list(d['value'])}. Skriv hvorfor i «changeNote» (eller merk den «inferred»).`,
    unknown_rule: (p, d) => `${p} viser til regelen «${list(d['name'])}», som ikke finnes.${didYouMean(d)}`,
    duplicate_id: (p, d) => `${p}: id-en «${list(d['name'])}» er brukt mer enn én gang.`,
    missing_text: (p, d) => `${p} mangler tekst på ${list(d['lang'])}.`,
    too_deep: (p, d) => `${p} er nøstet for dypt: høyst ${list(d['maximum'])} nivåer er tillatt.`,
    unsafe_path: (p) => `${p} er ikke en tillatt sti. Bruk $.felt.felt eller $.felt[0]; annen JSONPath kjøres aldri.`,
    operator_value: (p, d) => `${p} passer ikke med operatoren «${list(d['operator'])}»: forventet ${type(d['expected'])}.`,
    operator_fact_type: (p, d) =>
      `${p}: operatoren «${list(d['operator'])}» kan ikke brukes på faktumet «${list(d['name'])}», som gir ${type(d['type'])}.`,
    fact_params: (p, d) => {
      const name = `faktumet «${list(d['name'])}»${d['label'] ? ` (${list(d['label'])})` : ''}`;
      if (Array.isArray(d['takes']) && d['takes'].length === 0) return `${p}: ${name} tar ingen parametre. Fjern «params».`;
      const takes = Array.isArray(d['takes']) ? `, som tar ${d['takes'].map((t) => `«${t}»`).join(' og ')}` : '';
      const why = list(d['reason'] ?? d['expected']);
      return `${p} har ugyldige parametre for ${name}${takes}${why ? `: ${why}` : ''}.`;
    },
    condition_cycle: (p, d) => `${p}: betingelsen «${list(d['name'])}» viser til seg selv.`,
    leaf_root: (p) =>
      `${p} er én enkelt betingelse (fact, operator, value) rett på roten. Roten må være all, any, not eller condition, fordi json-rules-engine ikke godtar noe annet der. Pakk den inn: {"all": [ … ]}.`,
    not_valid_now: (p, d) => `Regelsettet gjelder ikke på datoen ${list(d['asOf'])} (gyldig ${list(d['from'])} til ${list(d['to'])}).`,
    before_last_event: (p) => `${p} er før forløpets siste hendelse. Hendelser sendes i tidsrekkefølge.`,
    after_as_of: (p) => `${p} er etter datoen forløpet gjenopprettes for (asOf). Historikk fra fremtiden godtas ikke.`,
    not_a_transition: (p) =>
      `${p} følger ikke av forløpet: hendelsen fører ikke dit fra tilstanden før, med de avgjørelsene som er lagret.`,
    context_mismatch: (p) => `${p} stemmer ikke med det historikken gir. Forløpet er endret utenom hendelsene.`,
    unreadable: (p) => `${p} kunne ikke leses: en get-metode eller proxy kastet en feil. Send rene data (som fra JSON.parse).`,
    not_after_as_of: (p) => `${p} må være etter datoen hendelsen gjelder (asOf).`,
    after_event_date: (p) => `${p} er etter datoen hendelsen gjelder (asOf): det som registreres, må ha skjedd innen da.`,
    key_too_long: (p, d) => `${p} har et feltnavn som er for langt: høyst ${list(d['maximum'])} tegn er tillatt.`,
    too_many_issues: (p, d) => `Det er flere feil enn de ${list(d['maximum'])} som er vist. Rett disse og prøv igjen.`,
    period_order: (p, d) =>
      `${p}: sluttdatoen ${list(d['to'])} er før startdatoen ${list(d['from'])}. validTo må være samme dag som validFrom eller senere.`,
    overlapping_versions: (p, d) =>
      `${p}: versjon ${list(d['version'])} av regelsettet «${list(d['name'])}» gjelder samtidig som versjon ${list(d['otherVersion'])} i ${list(d['other'])}: begge gjelder ${d['to'] === '…' ? `fra ${list(d['from'])} og videre` : `fra ${list(d['from'])} til ${list(d['to'])}`}. Bare én versjon kan gjelde på en dato; sett validTo på den eldste til dagen før den nye begynner.`,
    duplicate_version: (p, d) =>
      `${p}: versjon ${list(d['version'])} av regelsettet «${list(d['name'])}» finnes også i ${list(d['other'])}.`,
    unknown_version: (p, d) =>
      `${p} viser til versjon ${list(d['version'])} av regelsettet «${list(d['name'])}», som ikke finnes blant filene.`,
  },
};
