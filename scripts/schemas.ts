import { z } from 'zod';
import { CdsDiscovery, CdsFeedback, CdsHooksRequest, CdsHooksResponse } from '../src/adapters/cdsHooks/index.js';
import { SnomedMapFile } from '../src/adapters/fhir/index.js';
import { CodeListFile, RuleSetFile, TestVectorFile } from '../src/policy/index.js';
import { Person } from '../src/index.js';
import { PathwayEnvelope, PathwayEvent } from '../src/pathway/index.js';

/** The schema files and their zod sources. Other modules add theirs here. */
export const SCHEMAS: Readonly<Record<string, { schema: z.ZodType; title: string }>> = {
  'rule-set.schema.json': { schema: RuleSetFile, title: 'oppfolgingsteam rule set' },
  'code-list.schema.json': { schema: CodeListFile, title: 'oppfolgingsteam code list' },
  'person.schema.json': { schema: Person, title: 'oppfolgingsteam person' },
  'rule-tests.schema.json': { schema: TestVectorFile, title: 'oppfolgingsteam rule test vectors' },
  'pathway-envelope.schema.json': { schema: PathwayEnvelope, title: 'oppfolgingsteam persisted pathway' },
  'pathway-event.schema.json': { schema: PathwayEvent, title: 'oppfolgingsteam pathway event' },
  // CDS Hooks 2.0 messages as the library reads and writes them. The invariants (cds-resp-1..7,
  // cds-fb-1..3) cannot be expressed in JSON Schema; validateCdsResponse and ingestFeedback check them.
  'cds-hooks-request.schema.json': { schema: CdsHooksRequest, title: 'CDS Hooks 2.0 patient-view request (oppfolgingsteam)' },
  'cds-hooks-response.schema.json': { schema: CdsHooksResponse, title: 'CDS Hooks 2.0 response (oppfolgingsteam)' },
  'cds-hooks-feedback.schema.json': { schema: CdsFeedback, title: 'CDS Hooks 2.0 feedback (oppfolgingsteam)' },
  'cds-hooks-discovery.schema.json': { schema: CdsDiscovery, title: 'CDS Hooks 2.0 discovery (oppfolgingsteam)' },
  // That each entry maps to exactly one of icd10 and icpc2, and the code formats, parseSnomedMap checks.
  'snomed-map.schema.json': { schema: SnomedMapFile, title: 'oppfolgingsteam SNOMED CT → ICD-10/ICPC-2 map' },
};

/** Renders every schema as pretty JSON text, keyed by file name. */
export function renderSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMAS)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    // Person files (examples/persons, the CLI's `explain`) name their schema for the editor, as rule
    // files do; the CLI strips the key before `parsePerson`, which does not take it.
    if (file === 'person.schema.json') json['properties'] = { $schema: { type: 'string' }, ...(json['properties'] as object) };
    out[file] = `${JSON.stringify({ $id: `https://unpkg.com/oppfolgingsteam/schemas/${file}`, title, ...json }, null, 2)}\n`;
  }
  return out;
}
