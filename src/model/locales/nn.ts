import { DATE_RANGE } from '../../util/dates.js';
import type { JsonSyntaxReason } from '../../util/jsonScan.js';
import type { IssueLocale } from '../issueCode.js';
import { list } from './format.js';

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

/** Every issue message of the core in nynorsk. A message names the path and what was expected, never the value. */
export const nn: IssueLocale = {
  root: 'Rota',
  messages: {
    missing: (p) => `${p} manglar, men er påkravd.`,
    invalid_type: (p, d) => `${p} har feil type: venta ${list(d['expected'])}.`,
    unknown_key: (p) => `${p} er ikkje eit kjent felt. Sjekk stavemåten; ukjende felt blir ikkje ignorerte.`,
    too_big: (p, d) => `${p} er for stor: høgst ${list(d['maximum'])} er tillate.`,
    too_small: (p, d) => `${p} er for liten: minst ${list(d['minimum'])} er kravd.`,
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
    yaml_syntax: (p, d) => `Ugyldig YAML på linje ${list(d['line'])}, kolonne ${list(d['column'])} (${list(d['reason'])}).`,
    duplicate_key: (p) => `${p} står to gonger i same objekt; berre den siste blir brukt.`,
    rule_not_fired: (p, d) =>
      `Ingen testvektor ventar at regelen «${list(d['name'])}» blir utløyst. Legg til ein vektor med regelen under expect.fired.`,
    no_vectors: (p, d) => `Regelsettet «${list(d['name'])}» har ingen testvektorar. Legg dei i ${list(d['file'])} ved sida av regelsettet.`,
    unknown_rule_set: (p, d) => `${p} viser til regelsettet «${list(d['name'])}», som ikkje finst blant filene.`,
    unknown_fact: (p, d) => `${p} viser til faktumet «${list(d['name'])}», som ikkje finst.`,
    unknown_operator: (p, d) => `${p} brukar operatoren «${list(d['name'])}», som ikkje finst. Tillate: ${list(d['allowed'])}.`,
    unknown_code_list: (p, d) => `${p} viser til kodelista «${list(d['name'])}», som ikkje finst.`,
    unknown_condition: (p, d) => `${p} viser til vilkåret «${list(d['name'])}», som ikkje finst.`,
    unknown_parameter: (p, d) => `${p} viser til parameteren «${list(d['name'])}», som ikkje finst.`,
    unknown_rule: (p, d) => `${p} viser til regelen «${list(d['name'])}», som ikkje finst.`,
    duplicate_id: (p, d) => `${p}: id-en «${list(d['name'])}» er brukt meir enn éin gong.`,
    missing_text: (p, d) => `${p} manglar tekst på ${list(d['lang'])}.`,
    too_deep: (p, d) => `${p} er nøsta for djupt: høgst ${list(d['maximum'])} nivå er tillate.`,
    unsafe_path: (p) => `${p} er ikkje ein tillaten sti. Bruk $.felt.felt eller $.felt[0]; anna JSONPath blir aldri køyrt.`,
    operator_value: (p, d) => `${p} passar ikkje med operatoren «${list(d['operator'])}»: venta ${list(d['expected'])}.`,
    operator_fact_type: (p, d) =>
      `${p}: operatoren «${list(d['operator'])}» kan ikkje brukast på faktumet «${list(d['name'])}» av typen ${list(d['type'])}.`,
    fact_params: (p, d) => `${p} har ugyldige parametrar for faktumet «${list(d['name'])}»: ${list(d['expected'])}.`,
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
  },
};
