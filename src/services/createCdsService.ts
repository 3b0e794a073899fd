import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import type { CdsServiceHandlers, CdsServiceOptions } from '../adapters/cdsHooks/service.js';
import { cdsServiceHandlers, misconfigured } from '../adapters/cdsHooks/service.js';
import { makeIssue } from '../model/issues.js';
import { personFromPrefetch } from '../adapters/fhir/in/toPerson.js';
import { isLang } from '../model/lang.js';
import { bundledRuleSetIds, loadBundledRuleSet } from '../ruleSets/load.js';

/*
 * The ready-made CDS Hooks service: the CDS Hooks adapter's handlers, the FHIR input adapter's
 * prefetch reader and the bundled rule sets, wired together. Adapters never use each other, so the
 * wiring lives here, above both, and is exported at `oppfolgingsteam/cds-hooks`.
 */

/** The bundled rule sets, compiled. They are the library's own files, so they always compile. */
function bundled(lang: CdsServiceOptions['lang']): CompiledRuleSet[] {
  return bundledRuleSetIds().flatMap((id) => {
    const r = loadBundledRuleSet(id, { lang: isLang(lang) ? lang : 'nb' });
    return E.isRight(r) ? [r.right] : [];
  });
}

/**
 * A CDS Hooks 2.0 service in one call: discovery, `patient-view`, `encounter-discharge` and feedback,
 * as framework-free handlers that take the parsed request body and answer `{ status, body }`, the body
 * plain JSON (the CDS Hooks response itself). Mount them on any HTTP server. Nothing is thrown: a bad
 * body is a 400 that names the field and what was expected, never echoing the request's data.
 *
 * A prefetch the client did not send is fetched through `fetchPrefetch` when given (the library does
 * no network); without it, the lists it would answer stay unknown and a card says so. `today` is the
 * date in Europe/Oslo unless given. Compile the service once, at start-up.
 *
 * @example
 * ```ts
 * import { createCdsService } from 'oppfolgingsteam/cds-hooks';
 *
 * const service = createCdsService({ lang: 'nb', today: '2026-11-23' });
 * const discovery = await service.discovery(); // GET /cds-services
 * const answer = await service.patientView(requestBody); // POST /cds-services/oppfolgingsteam
 * // answer.status is 200 with the CDS Hooks response in answer.body, or 400/412 with the issues
 * console.log(answer.status, 'cards' in answer.body ? answer.body.cards.length : answer.body.issues);
 * ```
 */
export function createCdsService(options: CdsServiceOptions = {}): CdsServiceHandlers {
  try {
    return wire(options);
  } catch {
    // Options whose reading throws (a getter of the host's, a proxy): every call answers 500 naming them.
    return misconfigured([makeIssue('invalid_type', ['options'], 'nb', { expected: 'CdsServiceOptions' })]);
  }
}

function wire(options: CdsServiceOptions): CdsServiceHandlers {
  const o: CdsServiceOptions = typeof options === 'object' && options !== null ? options : {};
  // Rule sets that are not compiled ones are reported by the handlers (a 500 naming the option), not thrown here.
  const ruleSets = o.ruleSets === undefined ? bundled(o.lang) : o.ruleSets;
  // The discharge score is the identification rule set's: the host's own when it passes one, else the bundled one.
  const own = Array.isArray(ruleSets)
    ? ruleSets.find((r: Partial<CompiledRuleSet> | null) => r?.id === 'identification' && r.file?.scoring !== undefined)
    : undefined;
  let dischargeRuleSet = own;
  if (!dischargeRuleSet) {
    const r = loadBundledRuleSet('identification', { lang: isLang(o.lang) ? o.lang : 'nb' });
    if (E.isRight(r)) dischargeRuleSet = r.right;
  }
  return cdsServiceHandlers({
    ...o,
    ruleSets,
    readPrefetch: personFromPrefetch,
    ...(dischargeRuleSet ? { dischargeRuleSet } : {}),
  });
}
