import type { IssueCatalogue, IssueCode, IssueDetail } from '../../model/issueCode.js';
import type { ValidationIssue } from '../../model/issues.js';
import { makeIssue } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import { list } from '../../model/locales/format.js';

/*
 * The FHIR adapter's own issue codes and their messages: what was not read in a bundle or prefetch and
 * why. The core's issue machinery (`makeIssue`, `localizeIssue`) renders them from this table; the
 * core itself knows nothing of FHIR.
 */

/** The issue codes of the FHIR adapter. */
export type FhirIssueCode =
  | 'fhir_resource_type'
  | 'fhir_element'
  | 'fhir_extension'
  | 'fhir_modifier'
  | 'fhir_code'
  | 'fhir_value'
  | 'fhir_page'
  | 'fhir_excluded'
  | 'fhir_reference'
  | 'fhir_patient'
  | 'fhir_subject'
  | 'fhir_unmapped'
  | 'snomed_target'
  | 'snomed_duplicate'
  | 'fhir_other_rule_set';

/** The messages for FhirIssueCode, one block per language. */
export const FHIR_ISSUE_MESSAGES: IssueCatalogue<FhirIssueCode> = {
  nb: {
    fhir_resource_type: (p, d) => `${p} er en ${list(d['resourceType'])}-ressurs, som ikke leses. Ressursen har ikke påvirket vurderingen.`,
    fhir_element: (p) => `${p} leses ikke og har ikke påvirket vurderingen.`,
    fhir_extension: (p, d) => `${p}: utvidelsen «${list(d['url'])}» er ukjent og leses ikke.`,
    fhir_modifier: (p) => `${p} har en modifikatorutvidelse som ikke forstås, så ressursen er ikke brukt.`,
    fhir_code: (p, d) => `${p} har ingen kode i et kodeverk som leses (forventet ${list(d['expected'])}), så ressursen er ikke brukt.`,
    fhir_value: (p, d) => `${p} har en verdi som ikke støttes (forventet ${list(d['expected'])}) og er ikke brukt.`,
    fhir_page: (p, d) =>
      `${p} er bare én side av et søkeresultat (en next-lenke, eller total over antall treff): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} er derfor ukjent` : 'resten er ikke lest'}.`,
    fhir_excluded: (p, d) => `${p} er utelatt fordi statusen er «${list(d['status'])}».`,
    fhir_reference: (p) => `${p} viser til en ressurs som ikke finnes i bunten. Opplysningen er ikke brukt.`,
    fhir_patient: (p, d) => `Bunten må ha nøyaktig én Patient-ressurs (fant ${list(d['count'])}).`,
    fhir_subject: (p) => `${p} gjelder en annen pasient enn Patient-ressursen i bunten. Bunter med flere pasienter avvises.`,
    fhir_unmapped: (p, d) =>
      `${p}: ${list(d['count'])} diagnosekoder i ${list(d['system'])} har ingen oversettelse i kodekartet (forventet ${list(d['expected'])}); de er ikke brukt, og diagnoselisten er derfor ukjent.`,
    snomed_target: (p) => `${p} må oversette til nøyaktig én av «icd10» og «icpc2».`,
    snomed_duplicate: (p, d) => `${p} er samme SNOMED CT-begrep som ${list(d['first'])}; hvert begrep kan bare oversettes én gang.`,
    fhir_other_rule_set: (p) =>
      `${p} er ikke regelsettet (id og versjon) som beslutningen kommer fra. Send med regelsettet som ble evaluert.`,
  },
  nn: {
    fhir_resource_type: (p, d) =>
      `${p} er ein ${list(d['resourceType'])}-ressurs, som ikkje blir lesen. Ressursen har ikkje påverka vurderinga.`,
    fhir_element: (p) => `${p} blir ikkje lesen og har ikkje påverka vurderinga.`,
    fhir_extension: (p, d) => `${p}: utvidinga «${list(d['url'])}» er ukjend og blir ikkje lesen.`,
    fhir_modifier: (p) => `${p} har ei modifikatorutviding som ikkje blir forstått, så ressursen er ikkje brukt.`,
    fhir_code: (p, d) => `${p} har ingen kode i eit kodeverk som blir lese (venta ${list(d['expected'])}), så ressursen er ikkje brukt.`,
    fhir_value: (p, d) => `${p} har ein verdi som ikkje er støtta (venta ${list(d['expected'])}) og er ikkje brukt.`,
    fhir_page: (p, d) =>
      `${p} er berre éi side av eit søkjeresultat (ei next-lenkje, eller total over talet på treff): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} er difor ukjend` : 'resten er ikkje lese'}.`,
    fhir_excluded: (p, d) => `${p} er utelaten fordi statusen er «${list(d['status'])}».`,
    fhir_reference: (p) => `${p} viser til ein ressurs som ikkje finst i bunten. Opplysninga er ikkje brukt.`,
    fhir_patient: (p, d) => `Bunten må ha nøyaktig éin Patient-ressurs (fann ${list(d['count'])}).`,
    fhir_subject: (p) => `${p} gjeld ein annan pasient enn Patient-ressursen i bunten. Buntar med fleire pasientar blir avviste.`,
    fhir_unmapped: (p, d) =>
      `${p}: ${list(d['count'])} diagnosekodar i ${list(d['system'])} har inga omsetjing i kodekartet (venta ${list(d['expected'])}); dei er ikkje brukte, og diagnoselista er difor ukjend.`,
    snomed_target: (p) => `${p} må omsetjast til nøyaktig éin av «icd10» og «icpc2».`,
    snomed_duplicate: (p, d) => `${p} er same SNOMED CT-omgrep som ${list(d['first'])}; kvart omgrep kan berre omsetjast éin gong.`,
    fhir_other_rule_set: (p) => `${p} er ikkje regelsettet (id og versjon) som avgjerda kjem frå. Send med regelsettet som vart evaluert.`,
  },
  en: {
    fhir_resource_type: (p, d) =>
      `${p} is a resource of type ${list(d['resourceType'])}, which is not read. It did not influence the assessment.`,
    fhir_element: (p) => `${p} is not read and did not influence the assessment.`,
    fhir_extension: (p, d) => `${p}: the extension "${list(d['url'])}" is not understood and is not read.`,
    fhir_modifier: (p) => `${p} has a modifier extension that is not understood, so the resource was not used.`,
    fhir_code: (p, d) => `${p} has no code in a code system that is read (expected ${list(d['expected'])}), so the resource was not used.`,
    fhir_value: (p, d) => `${p} has a value that is not supported (expected ${list(d['expected'])}) and was not used.`,
    fhir_page: (p, d) =>
      `${p} is only one page of a search result (a next link, or total above the matches it holds): ${d['lists'] && (d['lists'] as readonly string[]).length > 0 ? `${list(d['lists'])} is therefore unknown` : 'the rest was not read'}.`,
    fhir_excluded: (p, d) => `${p} was left out because its status is "${list(d['status'])}".`,
    fhir_reference: (p) => `${p} refers to a resource that is not in the bundle. The entry was not used.`,
    fhir_patient: (p, d) => `The bundle must hold exactly one Patient resource (found ${list(d['count'])}).`,
    fhir_subject: (p) => `${p} belongs to another patient than the bundle's Patient. Bundles with several patients are rejected.`,
    fhir_unmapped: (p, d) =>
      `${p}: ${list(d['count'])} diagnosis codes in ${list(d['system'])} have no mapping in the code map (expected ${list(d['expected'])}); they were not used, so the diagnosis list is unknown.`,
    snomed_target: (p) => `${p} must map to exactly one of "icd10" and "icpc2".`,
    snomed_duplicate: (p, d) => `${p} is the same SNOMED CT concept as ${list(d['first'])}; each concept can be mapped only once.`,
    fhir_other_rule_set: (p) => `${p} is not the rule set (id and version) the decision came from. Pass the rule set that was evaluated.`,
  },
};

/** An issue of the FHIR adapter: one of its own codes or a core one. */
export type FhirIssue = ValidationIssue<IssueCode | FhirIssueCode>;

/** Builds an issue of the FHIR adapter, its message from {@link FHIR_ISSUE_MESSAGES} or the core's. */
export function fhirIssue(
  code: IssueCode | FhirIssueCode,
  segments: readonly (string | number)[],
  lang: Lang,
  detail: IssueDetail = {},
): FhirIssue {
  return makeIssue(code, segments, lang, detail, FHIR_ISSUE_MESSAGES);
}
