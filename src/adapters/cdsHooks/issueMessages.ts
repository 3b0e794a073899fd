import type { IssueCatalogue, IssueCode, IssueDetail } from '../../model/issueCode.js';
import type { ValidationIssue } from '../../model/issues.js';
import { makeIssue } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import { list } from '../../model/locales/format.js';

/*
 * The CDS Hooks adapter's own issue codes and their messages, with the texts of the CDS Hooks 2.0
 * invariants. The core's issue machinery renders them from this table; the core itself knows nothing
 * of CDS Hooks.
 */

/** The issue codes of the CDS Hooks adapter. */
export type CdsHooksIssueCode =
  | 'cds_invariant'
  | 'cds_empty'
  | 'cds_unknown_card'
  | 'cds_unknown_suggestion'
  | 'cds_other_rule_set'
  | 'cds_no_rule_set'
  | 'cds_bare_id';

/** What each CDS Hooks 2.0 invariant demands (input/fsh/invariants in HL7/cds-hooks). */
const INVARIANTS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
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

function invariantText(d: IssueDetail, lang: Lang): string {
  const key = String(d['invariant'] ?? '');
  return Object.prototype.hasOwnProperty.call(INVARIANTS, key) ? INVARIANTS[key]![lang] : key;
}

/** The ids of the CDS Hooks invariants that have a message. */
export function cdsInvariantIds(): string[] {
  return Object.keys(INVARIANTS);
}

/** The messages for CdsHooksIssueCode, one block per language. */
export const CDS_HOOKS_ISSUE_MESSAGES: IssueCatalogue<CdsHooksIssueCode> = {
  nb: {
    cds_invariant: (p, d) => `${p} bryter CDS Hooks-regelen ${list(d['invariant'])}: ${invariantText(d, 'nb')}.`,
    cds_empty: (p) => `${p} er tom. Utelat valgfrie felt i stedet for å sende dem tomme (CDS Hooks).`,
    cds_unknown_card: (p) => `${p} viser til et kort som denne tjenesten ikke har laget.`,
    cds_unknown_suggestion: (p) => `${p} viser til et forslag som ikke finnes på kortet.`,
    cds_other_rule_set: (p) =>
      `${p} er ikke regelsettet (id og versjon) som beslutningen kommer fra. Send med regelsettet som ble evaluert.`,
    cds_no_rule_set: (p) =>
      `${p} kommer fra et regelsett (id og versjon) som ikke er blant regelsettene som ble sendt med. Send med regelsettene som ble evaluert.`,
    cds_bare_id: (p) =>
      `${p} skal være en FHIR-id uten ressurstypen foran (for eksempel «123», ikke «Patient/123»): 1–64 tegn av A–Z, a–z, 0–9, «-» og «.».`,
  },
  nn: {
    cds_invariant: (p, d) => `${p} bryt CDS Hooks-regelen ${list(d['invariant'])}: ${invariantText(d, 'nn')}.`,
    cds_empty: (p) => `${p} er tom. Utelat valfrie felt i staden for å sende dei tomme (CDS Hooks).`,
    cds_unknown_card: (p) => `${p} viser til eit kort som denne tenesta ikkje har laga.`,
    cds_unknown_suggestion: (p) => `${p} viser til eit forslag som ikkje finst på kortet.`,
    cds_other_rule_set: (p) => `${p} er ikkje regelsettet (id og versjon) som avgjerda kjem frå. Send med regelsettet som vart evaluert.`,
    cds_no_rule_set: (p) =>
      `${p} kjem frå eit regelsett (id og versjon) som ikkje er blant regelsetta som vart sende med. Send med regelsetta som vart evaluerte.`,
    cds_bare_id: (p) =>
      `${p} skal vere ein FHIR-id utan ressurstypen framfor (til dømes «123», ikkje «Patient/123»): 1–64 teikn av A–Z, a–z, 0–9, «-» og «.».`,
  },
  en: {
    cds_invariant: (p, d) => `${p} breaks the CDS Hooks rule ${list(d['invariant'])}: ${invariantText(d, 'en')}.`,
    cds_empty: (p) => `${p} is empty. Leave optional fields out instead of sending them empty (CDS Hooks).`,
    cds_unknown_card: (p) => `${p} refers to a card this service did not issue.`,
    cds_unknown_suggestion: (p) => `${p} refers to a suggestion that is not on the card.`,
    cds_other_rule_set: (p) => `${p} is not the rule set (id and version) the decision came from. Pass the rule set that was evaluated.`,
    cds_no_rule_set: (p) =>
      `${p} comes from a rule set (id and version) that is not among the rule sets given. Pass the rule sets that were evaluated.`,
    cds_bare_id: (p) =>
      `${p} must be a FHIR id without the resource type in front (for example "123", not "Patient/123"): 1–64 characters of A–Z, a–z, 0–9, "-" and ".".`,
  },
};

/** An issue of the CDS Hooks adapter: one of its own codes or a core one. */
export type CdsHooksIssue = ValidationIssue<IssueCode | CdsHooksIssueCode>;

/** Builds an issue of the CDS Hooks adapter, its message from {@link CDS_HOOKS_ISSUE_MESSAGES} or the core's. */
export function cdsHooksIssue(
  code: IssueCode | CdsHooksIssueCode,
  segments: readonly (string | number)[],
  lang: Lang,
  detail: IssueDetail = {},
): CdsHooksIssue {
  return makeIssue(code, segments, lang, detail, CDS_HOOKS_ISSUE_MESSAGES);
}
