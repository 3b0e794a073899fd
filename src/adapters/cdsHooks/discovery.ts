import * as z from 'zod';
import type { CompiledRuleSet } from '../../engine/compile.js';
import { PREFETCH_TEMPLATES } from '../fhir/model/prefetch.js';
import type { Lang } from '../../model/lang.js';
import { fill } from '../../util/template.js';
import { CdsExtension } from './schema.js';
import { CDS_TEXTS } from './texts.js';

/*
 * The discovery document (`GET {baseUrl}/cds-services`) for a `patient-view` service, so a vendor can
 * expose the same logic over HTTP without changes. The prefetch templates are the ones the FHIR input
 * adapter knows how to read, and it uses the same table to treat a fetched, empty search as "none".
 */

/** One CDS service in a discovery response. */
export const CdsService = z.strictObject({
  hook: z.string().min(1),
  title: z.string().min(1).optional(),
  id: z.string().regex(/^[A-Za-z0-9\-._~]+$/),
  description: z.string().min(1),
  prefetch: z.record(z.string().min(1), z.string().min(1)).optional(),
  usageRequirements: z.string().min(1).optional(),
  extension: CdsExtension.optional(),
});
/** A CDS service description. */
export type CdsService = z.infer<typeof CdsService>;

/** A discovery response. */
export const CdsDiscovery = z.strictObject({ services: z.array(CdsService) });
/** A discovery response. */
export type CdsDiscovery = z.infer<typeof CdsDiscovery>;

/** Options for {@link patientViewService}. */
export interface ServiceOptions {
  /** The service id, the `{id}` in `{baseUrl}/cds-services/{id}`. Default `oppfolgingsteam`. */
  readonly id?: string;
  /** Language of title, description and usage requirements: `nb` (default), `nn` or `en`. */
  readonly lang?: Lang;
  /** The rule sets the service evaluates; named in the description and the extension. */
  readonly ruleSets?: readonly CompiledRuleSet[];
}

/** The `patient-view` service description with the library's prefetch templates. */
export function patientViewService(options: ServiceOptions = {}): CdsService {
  const lang = options.lang ?? 'nb';
  const sets = options.ruleSets ?? [];
  // Without rule sets the description says what the service is, and names none (never a placeholder dash).
  const names = sets.map((r) => `${r.file.title[lang]} ${r.version}`).join(', ');
  const description = [
    CDS_TEXTS.serviceDescription[lang],
    ...(sets.length > 0 ? [fill(CDS_TEXTS.serviceRuleSets[lang], { ruleSets: names })] : []),
  ];
  return {
    hook: 'patient-view',
    title: CDS_TEXTS.serviceTitle[lang],
    id: options.id ?? 'oppfolgingsteam',
    description: description.join(' '),
    prefetch: Object.fromEntries(Object.entries(PREFETCH_TEMPLATES).map(([k, v]) => [k, v.query])),
    usageRequirements: CDS_TEXTS.serviceUsage[lang],
    ...(sets.length > 0
      ? { extension: { oppfolgingsteam: { ruleSets: sets.map((r) => ({ id: r.id, version: r.version, contentHash: r.contentHash })) } } }
      : {}),
  };
}

/** A discovery response listing services. */
export function cdsDiscovery(services: readonly CdsService[]): CdsDiscovery {
  return { services: [...services] };
}
