import type { CdsCard } from './schema.js';

/*
 * From an accepted suggestion to the FHIR resources to create: the host applies these (e.g. POSTs
 * them to its FHIR server, or as a transaction) when the clinician accepts. The resources are built
 * by the library and validate against the FHIR R4 JSON Schema (tested).
 */

/** The FHIR resources of the `create` actions of the accepted suggestions on a card, in order. */
export function resourcesToCreate(card: CdsCard, acceptedSuggestionUuids: readonly string[]): Record<string, unknown>[] {
  const wanted = new Set(acceptedSuggestionUuids);
  return (card.suggestions ?? [])
    .filter((s) => s.uuid !== undefined && wanted.has(s.uuid))
    .flatMap((s) =>
      (s.actions ?? [])
        .filter((a) => a.type === 'create' && a.resource !== undefined)
        .map((a) => JSON.parse(JSON.stringify(a.resource)) as Record<string, unknown>),
    );
}
