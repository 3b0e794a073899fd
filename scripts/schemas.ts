import { z } from 'zod';
import { CdsDiscovery, CdsFeedback, CdsHooksRequest, CdsHooksResponse } from '../src/adapters/cdsHooks/index.js';
import { SnomedMapFile } from '../src/adapters/fhir/index.js';
import { CodeListFile, OPERATORS, RuleSetFile, TestVectorFile, builtinFacts } from '../src/policy/index.js';
import { BUNDLED_CODE_LISTS } from '../src/ruleSets/bundled.js';
import { Person } from '../src/index.js';
import { PathwayEnvelope, PathwayEvent } from '../src/pathway/index.js';
import { ENUM_DESCRIPTIONS, describeRuleSetPath } from './schemasRuleSetHelp.js';

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
    if (file === 'rule-set.schema.json') addEditorHelp(json);
    out[file] = `${JSON.stringify({ $id: `https://unpkg.com/oppfolgingsteam/schemas/${file}`, title, ...json }, null, 2)}\n`;
  }
  return out;
}

/*
 * Editor help for rule files: the facts and operators the library knows, with what each means, so
 * an editor (VS Code reads `enum` inside `anyOf`, and `markdownEnumDescriptions`) completes and
 * explains them. Each list is offered beside a plain string, so a host's own fact or operator is
 * not marked as an error here; `oppfolgingsteam validate` checks names against the registry.
 */
function addEditorHelp(json: Record<string, unknown>): void {
  const facts = [...builtinFacts().values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const operators = [...OPERATORS.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const factHelp = {
    description: 'Faktumet betingelsen leser (se «oppfolgingsteam docs» for alle). / The fact the condition reads.',
    anyOf: [
      {
        enum: facts.map((f) => f.name),
        markdownEnumDescriptions: facts.map(
          (f) => `**${f.label.nb}** (${f.type}${f.params ? ', tar parametre' : ''}): ${f.description.nb}`,
        ),
      },
      { type: 'string' },
    ],
  };
  const operatorHelp = {
    description: 'Sammenligningen. / The comparison.',
    anyOf: [
      {
        enum: operators.map((o) => o.name),
        markdownEnumDescriptions: operators.map((o) => `${o.label.nb}${o.factTypes ? ` (for ${o.factTypes.join(', ')})` : ''}`),
      },
      { type: 'string' },
    ],
  };
  // The bundled code lists, offered where a condition's value may name one (inCodeList, notInCodeList).
  const lists = (BUNDLED_CODE_LISTS as { id: string; title: { nb: string } }[]).slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const codeListHelp = {
    type: 'string',
    enum: lists.map((l) => l.id),
    markdownEnumDescriptions: lists.map((l) => `Kodeliste: **${l.title.nb}**`),
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    const props = o['properties'] as Record<string, Record<string, unknown>> | undefined;
    if (props?.['fact']?.['type'] === 'string') props['fact'] = { ...props['fact'], ...factHelp };
    if (props?.['operator']?.['type'] === 'string') props['operator'] = { ...props['operator'], ...operatorHelp };
    const value = props?.['value'];
    if (props?.['operator'] && Array.isArray(value?.['anyOf'])) value['anyOf'] = [codeListHelp, ...value['anyOf']];
    for (const v of Object.values(o)) visit(v);
  };
  visit(json);
  describe(json, []);
}

/** Gives every property its description from the table (keeping one set above) and every fixed list its meanings. */
function describe(node: unknown, path: readonly string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) describe(n, path);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o['enum']) && !o['markdownEnumDescriptions'] && o['enum'].every((v) => typeof v === 'string' && v in ENUM_DESCRIPTIONS))
    o['markdownEnumDescriptions'] = o['enum'].map((v) => ENUM_DESCRIPTIONS[v as string]);
  const props = o['properties'] as Record<string, Record<string, unknown>> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    const d = describeRuleSetPath([...path, name]);
    if (d !== undefined && prop['description'] === undefined) prop['description'] = d;
    describe(prop, [...path, name]);
  }
  if (o['items']) describe(o['items'], [...path, '[]']);
  if (typeof o['additionalProperties'] === 'object') describe(o['additionalProperties'], [...path, '*']);
  for (const key of ['anyOf', 'oneOf', 'allOf']) if (o[key]) describe(o[key], path);
  // The recursive condition: its fields are described by their own names.
  for (const def of Object.values((o['$defs'] as Record<string, unknown> | undefined) ?? {})) describe(def, ['#condition']);
}
