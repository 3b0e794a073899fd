import { DATE_RANGE } from '../../util/dates.js';
import type { JsonSyntaxReason } from '../../util/jsonScan.js';
import type { IssueDetail, IssueLocale } from '../issueCode.js';
import { list, typeName } from './format.js';

/** A rule's text field as a sentence names it. */
const FIELDS: Readonly<Record<string, string>> = { title: 'tittelen', text: 'teksten', rationale: 'grunngjevinga' };
const field = (f: unknown): string => (Object.hasOwn(FIELDS, String(f)) ? FIELDS[String(f)]! : list(f));

/** Why a text is not JSON, in nynorsk. */
const reasons: Readonly<Record<JsonSyntaxReason, string>> = {
  unexpected_end: 'teksten sluttar for tidleg',
  unexpected_character: 'uventa teikn',
  expected_comma_or_end: 'venta komma eller slutten av lista/objektet',
  expected_colon: 'venta kolon etter feltnamnet',
  expected_key: 'venta eit feltnamn i hermeteikn',
  trailing_comma: 'komma før slutten er ikkje tillate',
  bad_string: 'ugyldig tekststreng (linjeskift eller ugyldig \\-teikn)',
  bad_number: 'ugyldig tal',
  trailing_data: 'meir tekst etter slutten av JSON-verdien',
  too_deep: 'nøsta for djupt',
};
const reason = (r: unknown): string => (Object.hasOwn(reasons, String(r)) ? reasons[String(r) as JsonSyntaxReason] : list(r));

/** Typenamn på nynorsk, for det eit felt eller ein operator ventar. */
const types: Readonly<Record<string, string>> = {
  number: 'eit tal',
  integer: 'eit heiltal',
  'integer ≥ 0': 'eit heiltal (0 eller meir)',
  'number ≥ 0': 'eit tal (0 eller meir)',
  string: 'ein tekst',
  boolean: 'true eller false',
  object: 'eit objekt ({ … })',
  array: 'ei liste ([ … ])',
  list: 'ei liste',
  date: 'ein dato',
  'YYYY-MM-DD': 'ein dato på forma ÅÅÅÅ-MM-DD',
  'code list id': 'id-en til ei kodeliste',
};
const type = (t: unknown): string => typeName(types, t);

/** Kvifor ein tekst ikkje er YAML, på nynorsk, etter koden frå tolkaren. */
const yamlReasons: Readonly<Record<string, string>> = {
  UNCLOSED_FLOW: 'ein { eller [ som ikkje er lukka',
  UNCLOSED_QUOTE: 'eit hermeteikn som ikkje er lukka',
  BAD_INDENT: 'feil innrykk',
  TAB_AS_INDENT: 'tabulator brukt som innrykk; bruk mellomrom',
  DUPLICATE_KEY: 'same nøkkel står to gonger',
  BLOCK_AS_IMPLICIT_KEY: 'feil innrykk eller eitt kolon for mykje',
  MULTILINE_IMPLICIT_KEY: 'ein nøkkel må stå på éi linje',
  MISSING_CHAR: 'eit teikn manglar',
  UNEXPECTED_TOKEN: 'uventa teikn',
  ALIAS_COUNT: 'for mange alias (*)',
};
const yamlReason = (r: unknown): string => (Object.hasOwn(yamlReasons, String(r)) ? yamlReasons[String(r)]! : list(r));
const didYouMean = (d: IssueDetail): string => (d['suggestion'] ? ` Meinte du «${list(d['suggestion'])}»?` : '');

/** Every issue message of the core in nynorsk. A message names the path and what was expected, never the value. */
export const nn: IssueLocale = {
  root: 'Rota',
  messages: {
    missing: (p) => `${p} manglar, men er påkravd.`,
    invalid_type: (p, d) => `${p} har feil type: venta ${type(d['expected'])}.`,
    unknown_key: (p) => `${p} er ikkje eit kjent felt. Sjekk stavemåten; ukjende felt blir ikkje ignorerte.`,
    too_big: (p, d) =>
      d['origin'] === 'string'
        ? `${p} er for lang: høgst ${list(d['maximum'])} teikn er tillate.`
        : d['origin'] === 'array'
          ? `${p} har for mange element: høgst ${list(d['maximum'])} er tillate.`
          : `${p} er for stor: høgst ${list(d['maximum'])} er tillate.`,
    too_small: (p, d) =>
      d['origin'] === 'string'
        ? `${p} er for kort: minst ${list(d['minimum'])} teikn er kravd.`
        : d['origin'] === 'array'
          ? `${p} har for få element: minst ${list(d['minimum'])} er kravd.`
          : `${p} er for liten: minst ${list(d['minimum'])} er kravd.`,
    empty: (p, d) => (d['origin'] === 'array' ? `${p} er ei tom liste: minst eitt element er kravd.` : `${p} er tom: skriv ein tekst.`),
    nynorsk_bokmal: (p, d) => `${p} ser ut som bokmål (fann «${list(d['word'])}»). Nynorsk skriv til dømes «ikkje», «kva», «frå».`,
    invalid_value: (p, d) => `${p} har ein ugyldig verdi: venta ein av ${list(d['allowed'])}.`,
    invalid_format: (p, d) => `${p} har feil format${d['format'] ? ` (venta ${list(d['format'])})` : ''}.`,
    invalid_shape: (p) => `${p} passar ikkje med nokon av dei tillatne formene.`,
    iso_date: (p) => `${p} må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD.`,
    date_range: (p) => `${p} må liggje mellom ${DATE_RANGE.min} og ${DATE_RANGE.max}.`,
    birth_date: (p) => `${p} må vere ein gyldig dato på forma ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ når berre månad eller år er kjend.`,
    date_order: (p) => `${p} ligg før startdatoen.`,
    icpc2_code: (p) => `${p} er ikkje ein ICPC-2-kode (éin bokstav og to siffer, t.d. K77).`,
    icd10_code: (p) => `${p} er ikkje ein ICD-10-kode (t.d. I50 eller F32.1).`,
    national_id: (p) => `${p} er ikkje eit gyldig fødselsnummer eller D-nummer (11 siffer med gyldige kontrollsiffer).`,
    national_id_in_clear: (p) =>
      `${p} ser ut til å innehalde eit fødselsnummer eller D-nummer. Bruk vertssystemet sin eigen referanse til personen (t.d. Patient/123), ikkje identitetsnummeret.`,
    json_syntax: (p, d) => `Ugyldig JSON${d['line'] ? ` på linje ${d['line']}, kolonne ${d['column']}` : ''}: ${reason(d['reason'])}.`,
    line_too_long: (p, d) => `Linja er for lang: høgst ${list(d['maximum'])} byte er tillate. Ho er hoppa over.`,
    yaml_syntax: (p, d) => `Ugyldig YAML på linje ${list(d['line'])}, kolonne ${list(d['column'])}: ${yamlReason(d['reason'])}.`,
    duplicate_key: (p) => `${p} står to gonger i same objekt; berre den siste blir brukt.`,
    rule_not_fired: (p, d) =>
      `Ingen testvektor ventar at regelen «${list(d['name'])}» blir utløyst. Legg til ein vektor med regelen under expect.fired.`,
    no_vectors: (p, d) => `Regelsettet «${list(d['name'])}» har ingen testvektorar. Legg dei i ${list(d['file'])} ved sida av regelsettet.`,
    unknown_rule_set: (p, d) => `${p} viser til regelsettet «${list(d['name'])}», som ikkje finst blant filene.${didYouMean(d)}`,
    unknown_fact: (p, d) => `${p} viser til faktumet «${list(d['name'])}», som ikkje finst.${didYouMean(d)}`,
    unknown_operator: (p, d) =>
      `${p} brukar operatoren «${list(d['name'])}», som ikkje finst.${didYouMean(d)} Tillate: ${list(d['allowed'])}.`,
    unknown_code_list: (p, d) => `${p} viser til kodelista «${list(d['name'])}», som ikkje finst.${didYouMean(d)}`,
    unknown_condition: (p, d) => `${p} viser til vilkåret «${list(d['name'])}», som ikkje finst.${didYouMean(d)}`,
    unknown_parameter: (p, d) => `${p} viser til parameteren «${list(d['name'])}», som ikkje finst.${didYouMean(d)}`,
    unknown_placeholder: (p, d) =>
      `${p}: regelen «${list(d['rule'])}» har plasshaldaren «{${list(d['name'])}}» i ${field(d['field'])} (${list(d['lang'])}), men regelsettet har ingen parameter med det namnet.${d['suggestion'] ? ` Meinte du «{${list(d['suggestion'])}}»?` : ''}`,
    parameter_in_text: (p, d) =>
      `${p}: ${field(d['field'])} i regelen «${list(d['rule'])}» (${list(d['lang'])}) har talet ${list(d['value'])}, som er verdien til parameteren «${list(d['name'])}» som regelen brukar. Skriv «{${list(d['name'])}}», så følgjer teksten parameteren når han blir endra.`,
    parameter_off_source: (p, d) =>
      `${p}: parameteren «${list(d['name'])}» er merkt funnen i kjelda, men verdien er endra frå ${list(d['sourceValue'])} i kjelda til ${list(d['value'])}. Skriv kvifor i «changeNote» (eller merk han «inferred»).`,
    unknown_rule: (p, d) => `${p} viser til regelen «${list(d['name'])}», som ikkje finst.${didYouMean(d)}`,
    duplicate_id: (p, d) => `${p}: id-en «${list(d['name'])}» er brukt meir enn éin gong.`,
    missing_text: (p, d) => `${p} manglar tekst på ${list(d['lang'])}.`,
    too_deep: (p, d) => `${p} er nøsta for djupt: høgst ${list(d['maximum'])} nivå er tillate.`,
    unsafe_path: (p) => `${p} er ikkje ein tillaten sti. Bruk $.felt.felt eller $.felt[0]; anna JSONPath blir aldri køyrt.`,
    operator_value: (p, d) => `${p} passar ikkje med operatoren «${list(d['operator'])}»: venta ${type(d['expected'])}.`,
    operator_fact_type: (p, d) =>
      `${p}: operatoren «${list(d['operator'])}» kan ikkje brukast på faktumet «${list(d['name'])}», som gir ${type(d['type'])}.`,
    fact_params: (p, d) => {
      const name = `faktumet «${list(d['name'])}»${d['label'] ? ` (${list(d['label'])})` : ''}`;
      if (Array.isArray(d['takes']) && d['takes'].length === 0) return `${p}: ${name} tek ingen parametrar. Fjern «params».`;
      const takes = Array.isArray(d['takes']) ? `, som tek ${d['takes'].map((t) => `«${t}»`).join(' og ')}` : '';
      const why = list(d['reason'] ?? d['expected']);
      return `${p} har ugyldige parametrar for ${name}${takes}${why ? `: ${why}` : ''}.`;
    },
    condition_cycle: (p, d) => `${p}: vilkåret «${list(d['name'])}» viser til seg sjølv.`,
    leaf_root: (p) =>
      `${p} er eitt enkelt vilkår (fact, operator, value) rett på rota. Rota må vere all, any, not eller condition, fordi json-rules-engine ikkje godtek noko anna der. Pakk det inn: {"all": [ … ]}.`,
    not_valid_now: (p, d) => `Regelsettet gjeld ikkje på datoen ${list(d['asOf'])} (gyldig ${list(d['from'])} til ${list(d['to'])}).`,
    before_last_event: (p) => `${p} er før den siste hendinga i forløpet. Hendingar blir sende i tidsrekkjefølgje.`,
    after_as_of: (p) => `${p} er etter datoen forløpet blir gjenoppretta for (asOf). Historikk frå framtida blir ikkje godteken.`,
    not_a_transition: (p) =>
      `${p} følgjer ikkje av forløpet: hendinga fører ikkje dit frå tilstanden før, med dei avgjerdene som er lagra.`,
    context_mismatch: (p) => `${p} stemmer ikkje med det historikken gir. Forløpet er endra utanom hendingane.`,
    unreadable: (p) => `${p} kunne ikkje lesast: ein get-metode eller proxy kasta ein feil. Send reine data (som frå JSON.parse).`,
    not_after_as_of: (p) => `${p} må vere etter datoen hendinga gjeld (asOf).`,
    after_event_date: (p) => `${p} er etter datoen hendinga gjeld (asOf): det som blir registrert, må ha skjedd innan då.`,
    key_too_long: (p, d) => `${p} har eit feltnamn som er for langt: høgst ${list(d['maximum'])} teikn er tillate.`,
    too_many_issues: (p, d) => `Det er fleire feil enn dei ${list(d['maximum'])} som er viste. Rett desse og prøv igjen.`,
    period_order: (p, d) =>
      `${p}: sluttdatoen ${list(d['to'])} er før startdatoen ${list(d['from'])}. validTo må vere same dag som validFrom eller seinare.`,
    overlapping_versions: (p, d) =>
      `${p}: versjon ${list(d['version'])} av regelsettet «${list(d['name'])}» gjeld samtidig som versjon ${list(d['otherVersion'])} i ${list(d['other'])}: begge gjeld ${d['to'] === '…' ? `frå ${list(d['from'])} og vidare` : `frå ${list(d['from'])} til ${list(d['to'])}`}. Berre éin versjon kan gjelde på ein dato; set validTo på den eldste til dagen før den nye byrjar.`,
    duplicate_version: (p, d) => `${p}: versjon ${list(d['version'])} av regelsettet «${list(d['name'])}» finst òg i ${list(d['other'])}.`,
    unknown_version: (p, d) =>
      `${p} viser til versjon ${list(d['version'])} av regelsettet «${list(d['name'])}», som ikkje finst blant filene.`,
  },
};
