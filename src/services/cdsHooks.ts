/**
 * `oppfolgingsteam/cds-hooks`: CDS Hooks 2.0 for GP systems and hospital EPJs. `createCdsService` is a
 * whole service in one call (discovery, `patient-view`, `encounter-discharge`, feedback). Under it: a
 * decision becomes cards with suggestions and override reasons; requests, responses and feedback are
 * validated against the specification and its invariants; the discovery document names the prefetch
 * the service reads.
 *
 * Left out: the card texts, the summary truncation and the invariant table (internal). Turning the
 * prefetch into a person, and the FHIR resources a suggestion carries, are at `oppfolgingsteam/fhir`.
 *
 * @packageDocumentation
 */

export * from '../adapters/cdsHooks/index.js';

// The service in one call
export { createCdsService } from './createCdsService.js';
export type {
  CdsServiceOptions,
  CdsServiceHandlers,
  CdsAnswer,
  CdsServiceError,
  CdsServiceIssue,
  CdsFeedbackAnswer,
  CdsFeedbackBody,
  ServiceCardOptions,
} from '../adapters/cdsHooks/service.js';
export type { FetchPrefetch } from '../adapters/cdsHooks/prefetchFetch.js';
export { EncounterDischargeRequest, EncounterDischargeContext, parseDischargeRequest } from '../adapters/cdsHooks/dischargeRequest.js';
