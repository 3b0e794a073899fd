/**
 * `oppfolgingsteam/cds-hooks`: CDS Hooks 2.0 for GP systems. A decision becomes cards with
 * suggestions and override reasons; requests, responses and feedback are validated against the
 * specification and its invariants; the discovery document names the prefetch the service reads.
 *
 * Left out: the card texts, the summary truncation and the invariant table (internal). Turning the
 * prefetch into a person, and the FHIR resources a suggestion carries, are at `oppfolgingsteam/fhir`.
 *
 * @packageDocumentation
 */

// Cards
export { toCards } from './cards.js';
export type { CardOptions } from './cards.js';
export { toCardsForAll } from './cardsForAll.js';
export { CardOrigin } from './origin.js';
export { defaultSuggestionPolicy, SUGGESTION_KINDS } from './suggestions.js';
export type { SuggestionKind, SuggestionPolicy } from './suggestions.js';
export { OVERRIDE_REASONS, REASONS_BY_CARD, overrideReasons } from './overrideReasons.js';
export type { OverrideReasonCode } from './overrideReasons.js';
export { resourcesToCreate } from './accepted.js';

// Messages: request, response, discovery, feedback
export { CdsHooksResponse, CdsCard, CdsSuggestion, CdsAction, CdsLink, CdsSource, CdsCoding } from './schema.js';
export { cdsResponse, validateCdsResponse } from './response.js';
export { CdsHooksRequest, PatientViewContext, parseCdsHooksRequest, cardOptionsFromRequest } from './request.js';
export { CdsService, CdsDiscovery, patientViewService, cdsDiscovery } from './discovery.js';
export type { ServiceOptions } from './discovery.js';
export { PREFETCH_TEMPLATES } from '../fhir/model/prefetch.js';
export type { PrefetchTemplate } from '../fhir/model/prefetch.js';
export { CdsFeedback, CdsFeedbackItem, FeedbackRecord, ingestFeedback } from './feedback.js';
export type { IssuedCards } from './feedback.js';

// A deterministic name-based UUID (RFC 9562, version 8), the kind the cards derive theirs with: for reproducible hook instances in tests and replays
export { nameBasedUuid } from '../../util/uuid.js';

// Errors and their messages (pass CDS_HOOKS_ISSUE_MESSAGES to localizeIssue to re-render a stored issue)
export type { InvalidCdsHooksError } from './errors.js';
export { CDS_HOOKS_ISSUE_MESSAGES } from './issueMessages.js';
export type { CdsHooksIssueCode } from './issueMessages.js';
