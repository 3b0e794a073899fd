import * as E from '../../util/either.js';
import type { CompiledRuleSet } from '../../engine/compile.js';
import type { Decision } from '../../engine/decision.js';
import type { ParsedPerson } from '../../engine/evaluate.js';
import { evaluateAll } from '../../engine/evaluate.js';
import { readInput } from '../../model/inputShape.js';
import type { ValidationIssue } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import { isLang } from '../../model/lang.js';
import { PERSON_LIST_KINDS } from '../fhir/model/prefetch.js';
import type { PrefetchTemplate } from '../fhir/model/prefetch.js';
import { PREFETCH_TEMPLATES } from '../fhir/model/prefetch.js';
import type { CardOptions } from './cards.js';
import { toCards } from './cards.js';
import { dataQualityCard } from './dataQualityCard.js';
import { notifyCoordinatingUnitCard } from './dischargeCard.js';
import type { EncounterDischargeRequest } from './dischargeRequest.js';
import { DISCHARGE_PREFETCH, parseDischargeRequest } from './dischargeRequest.js';
import { encounterDischargeService } from './dischargeService.js';
import type { CdsDiscovery } from './discovery.js';
import { cdsDiscovery, patientViewService } from './discovery.js';
import type { InvalidCdsHooksError } from './errors.js';
import type { FeedbackRecord } from './feedback.js';
import { CdsFeedback, ingestFeedback } from './feedback.js';
import type { CdsHooksIssue } from './issueMessages.js';
import { cdsHooksIssue } from './issueMessages.js';
import { EXTENSION_KEY } from './origin.js';
import type { FetchPrefetch } from './prefetchFetch.js';
import { completePrefetch } from './prefetchFetch.js';
import type { CdsHooksRequest } from './request.js';
import { cardOptionsFromRequest, parseCdsHooksRequest } from './request.js';
import { cdsResponse } from './response.js';
import type { CdsCard, CdsHooksResponse } from './schema.js';
import { SERVICE_TEXTS } from './serviceTexts.js';
import { osloDate } from './today.js';

/*
 * The handlers of a CDS Hooks service, free of any HTTP framework: each takes the parsed request body
 * and answers `{ status, body }`, the body plain JSON (the CDS Hooks response itself, or an error that
 * names the field and what was expected). Nothing is thrown: a host's fault (a rule set out of date,
 * a fetch function that throws) is a 500 or a missing prefetch, never an exception.
 *
 * Reading the prefetch into a person is passed in, so this adapter does not depend on the FHIR input
 * adapter; `createCdsService` in `oppfolgingsteam/cds-hooks` wires the two together.
 */

/** A person read from the prefetch, with what was not used: the shape `personFromPrefetch` answers with. */
export interface PrefetchPerson {
  readonly person: ParsedPerson;
  readonly notUnderstood: readonly ValidationIssue<string>[];
  readonly gaps: readonly ValidationIssue<string>[];
}

/** Reads a prefetch into a person (in the library, `personFromPrefetch` of `oppfolgingsteam/fhir`). */
export type PrefetchReader = (
  prefetch: unknown,
  options: { readonly lang: Lang; readonly patientId: string },
) => E.Either<{ readonly issues: readonly ValidationIssue<string>[] }, PrefetchPerson>;

/** The card options a service applies to every decision (the request gives hook instance, patient and user). */
export type ServiceCardOptions = Pick<CardOptions, 'minSeverity' | 'dataNeeded' | 'score' | 'findings' | 'suggestions'>;

/** Options of a CDS Hooks service. */
export interface CdsServiceOptions {
  /** The rule sets `patient-view` evaluates. Default: every bundled rule set. */
  readonly ruleSets?: readonly CompiledRuleSet[];
  /** The evaluation date, `YYYY-MM-DD`, or a function giving it per call. Default: today's date in Europe/Oslo. */
  readonly today?: string | (() => string);
  /** Language of discovery, cards and error bodies: `nb` (default), `nn` or `en`. */
  readonly lang?: Lang;
  /** Which cards each decision gives (see `toCards`): severity floor, data-needed, score and finding cards, suggestions. */
  readonly cards?: ServiceCardOptions;
  /**
   * Fetches a prefetch the CDS client did not send (or sent as `null`): called with the template key,
   * the query with the context filled in, and the request. Without it, what is missing stays unknown,
   * and a card says which lists are unknown.
   */
  readonly fetchPrefetch?: FetchPrefetch<CdsHooksRequest | EncounterDischargeRequest>;
  /** Finds a card this service issued by its UUID, for feedback: a stateless service only gets the id back. */
  readonly issuedCardLookup?: (uuid: string) => CdsCard | undefined | Promise<CdsCard | undefined>;
  /** Adds a card that says what in the prefetch could not be read (by resource type and code system). Default false. */
  readonly dataQualityCard?: boolean;
  /** The `patient-view` service id, the `{id}` in `{baseUrl}/cds-services/{id}`. Default `oppfolgingsteam`. */
  readonly id?: string;
  /** The `encounter-discharge` service id. Default `oppfolgingsteam-discharge`. */
  readonly dischargeId?: string;
}

/** What the adapter needs beyond the options: the rule sets, and the prefetch reader. */
export interface CdsServiceDeps extends Omit<CdsServiceOptions, 'ruleSets'> {
  readonly ruleSets: readonly CompiledRuleSet[];
  readonly readPrefetch: PrefetchReader;
  /** The scored rule set the `encounter-discharge` service evaluates; without it the service is not offered. */
  readonly dischargeRuleSet?: CompiledRuleSet;
}

/** One problem in an error body: where, what kind, and a sentence in the service's language. Never a value from the request. */
export interface CdsServiceIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The body of an error answer. */
export interface CdsServiceError {
  /** `invalid_request` (400), `prefetch_unavailable` (412), `unknown_service` (404) or `internal` (500). */
  readonly error: 'invalid_request' | 'prefetch_unavailable' | 'unknown_service' | 'internal';
  readonly issues: readonly CdsServiceIssue[];
}

/** An answer: the HTTP status and a plain JSON body. */
export interface CdsAnswer<B> {
  readonly status: number;
  readonly body: B;
}

/** The feedback answer's body: how many items matched an issued card, and the ones that did not. */
export interface CdsFeedbackBody {
  readonly matched: number;
  readonly unknown: readonly CdsServiceIssue[];
}

/** The feedback answer, with the records to store (not sent to the client). */
export interface CdsFeedbackAnswer extends CdsAnswer<CdsFeedbackBody | CdsServiceError> {
  readonly records: readonly FeedbackRecord[];
}

/** The handlers of a CDS Hooks service. */
export interface CdsServiceHandlers {
  /** `GET {baseUrl}/cds-services`; a 500 only when the service was given options that are not what they should be. */
  discovery(): Promise<CdsAnswer<CdsDiscovery | CdsServiceError>>;
  /** `POST {baseUrl}/cds-services/{id}` for the `patient-view` service. */
  patientView(body: unknown): Promise<CdsAnswer<CdsHooksResponse | CdsServiceError>>;
  /** `POST {baseUrl}/cds-services/{dischargeId}` for the `encounter-discharge` service. */
  encounterDischarge(body: unknown): Promise<CdsAnswer<CdsHooksResponse | CdsServiceError>>;
  /** `POST {baseUrl}/cds-services/{id}`, routed by service id; an unknown id is a 404. */
  call(serviceId: string, body: unknown): Promise<CdsAnswer<CdsHooksResponse | CdsServiceError>>;
  /** `POST {baseUrl}/cds-services/{id}/feedback`: records for the cards found through `issuedCardLookup`, the rest reported. */
  feedback(body: unknown): Promise<CdsFeedbackAnswer>;
}

const plainIssues = (issues: readonly ValidationIssue<string>[]): CdsServiceIssue[] =>
  issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));

const error = (status: number, kind: CdsServiceError['error'], issues: readonly ValidationIssue<string>[]): CdsAnswer<CdsServiceError> => ({
  status,
  body: { error: kind, issues: plainIssues(issues) },
});

const internal = (lang: Lang): CdsAnswer<CdsServiceError> => ({
  status: 500,
  body: { error: 'internal', issues: [{ path: '', code: 'internal', message: SERVICE_TEXTS.internalError[lang] }] },
});

const isScoreCard = (c: CdsCard): boolean => (c.extension?.[EXTENSION_KEY] as { kind?: unknown } | undefined)?.kind === 'score';

/** Whether a value has the shape of a compiled rule set (the host passes them; from JavaScript they may be anything). */
const isCompiled = (r: unknown): r is CompiledRuleSet =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as CompiledRuleSet).id === 'string' &&
  Array.isArray((r as CompiledRuleSet).rules) &&
  typeof (r as CompiledRuleSet).file === 'object' &&
  (r as CompiledRuleSet).file !== null;

/** Handlers that answer every call with a 500 naming the option that is wrong: a misconfigured service never throws. */
export function misconfigured(issues: readonly ValidationIssue<string>[]): CdsServiceHandlers {
  const answer = () => Promise.resolve(error(500, 'internal', issues));
  return {
    discovery: answer,
    patientView: answer,
    encounterDischarge: answer,
    call: answer,
    feedback: () => Promise.resolve({ ...error(500, 'internal', issues), records: [] }),
  };
}

/** The service's handlers over the given rule sets and prefetch reader (see `createCdsService`). */
export function cdsServiceHandlers(deps: CdsServiceDeps): CdsServiceHandlers {
  const lang: Lang = isLang(deps.lang) ? deps.lang : 'nb';
  if (!Array.isArray(deps.ruleSets)) return misconfigured([cdsHooksIssue('invalid_type', ['ruleSets'], lang, { expected: 'array' })]);
  const wrong = deps.ruleSets.findIndex((r) => !isCompiled(r));
  if (wrong >= 0) return misconfigured([cdsHooksIssue('invalid_type', ['ruleSets', wrong], lang, { expected: 'CompiledRuleSet' })]);
  const id = deps.id ?? 'oppfolgingsteam';
  const dischargeId = deps.dischargeId ?? 'oppfolgingsteam-discharge';
  const ruleSets = [...deps.ruleSets];
  const discharge = deps.dischargeRuleSet;
  const today = (): string => (typeof deps.today === 'string' ? deps.today : typeof deps.today === 'function' ? deps.today() : osloDate());

  /** The shared path of both hooks: prefetch → person → decisions → cards → validated response. */
  async function answer<R extends CdsHooksRequest | EncounterDischargeRequest>(
    request: E.Either<InvalidCdsHooksError, R>,
    templates: Readonly<Record<string, PrefetchTemplate>>,
    sets: readonly CompiledRuleSet[],
    cardsFor: (decisions: readonly Decision[], request: R) => E.Either<InvalidCdsHooksError, CdsCard[]>,
  ): Promise<CdsAnswer<CdsHooksResponse | CdsServiceError>> {
    if (E.isLeft(request)) return error(400, 'invalid_request', request.left.issues);
    const req = request.right;
    const got = await completePrefetch(req, templates, deps.fetchPrefetch, PERSON_LIST_KINDS);
    // Without the Patient there is no one to assess: CDS Hooks' "412 Precondition Failed".
    if (got.missing.includes('patient'))
      return error(412, 'prefetch_unavailable', [cdsHooksIssue('missing', ['prefetch', 'patient'], lang)]);
    const read = deps.readPrefetch(got.prefetch, { lang, patientId: req.context.patientId });
    if (E.isLeft(read)) return error(400, 'invalid_request', prefixed(read.left.issues, 'prefetch'));
    const decisions = evaluateAll(sets, read.right.person, { asOf: today(), lang });
    // An evaluation error here is the host's configuration (a date outside a rule set's validity), not the request.
    if (E.isLeft(decisions)) return error(500, 'internal', decisions.left.issues);
    const cards = cardsFor(decisions.right, req);
    if (E.isLeft(cards)) return error(500, 'internal', cards.left.issues);
    const quality = dataQualityCard(
      {
        missing: got.missing,
        unknownLists: got.unknownLists,
        notRead: read.right.notUnderstood,
        gaps: read.right.gaps,
        prefetch: got.prefetch,
      },
      { lang, hookInstance: req.hookInstance, patient: `Patient/${req.context.patientId}`, full: deps.dataQualityCard === true },
    );
    const response = cdsResponse(quality ? [...cards.right, quality] : cards.right, { lang });
    if (E.isLeft(response)) return error(500, 'internal', response.left.issues);
    return { status: 200, body: response.right };
  }

  const patientViewCards = (decisions: readonly Decision[], req: CdsHooksRequest): E.Either<InvalidCdsHooksError, CdsCard[]> => {
    const all: CdsCard[] = [];
    for (const [i, d] of decisions.entries()) {
      const made = toCards(d, ruleSets[i]!, { ...deps.cards, ...cardOptionsFromRequest(req), lang });
      if (E.isLeft(made)) return made;
      all.push(...made.right);
    }
    return E.right(all);
  };

  const dischargeCards = (decisions: readonly Decision[], req: EncounterDischargeRequest): E.Either<InvalidCdsHooksError, CdsCard[]> => {
    const d = decisions[0]!;
    const base = { hookInstance: req.hookInstance, patient: `Patient/${req.context.patientId}`, user: req.context.userId, lang };
    const made = toCards(d, discharge!, { ...base, score: 'always', dataNeeded: 'none' });
    if (E.isLeft(made)) return made;
    const notify = notifyCoordinatingUnitCard(d, { ...base, ruleSetTitle: discharge!.file.title[lang] });
    return E.right([...made.right.filter(isScoreCard), ...(notify ? [notify] : [])]);
  };

  const guarded = async <T>(f: () => Promise<T>, fallback: () => T): Promise<T> => {
    try {
      return await f();
    } catch {
      // A host's callback (fetch, lookup, today) threw: the answer is a 500, never an exception out of the handler.
      return fallback();
    }
  };

  const handlers: CdsServiceHandlers = {
    discovery: () =>
      guarded(
        async () => ({
          status: 200,
          body: cdsDiscovery([
            patientViewService({ id, lang, ruleSets }),
            ...(discharge ? [encounterDischargeService({ id: dischargeId, lang, ruleSet: discharge })] : []),
          ]),
        }),
        () => ({ status: 200, body: { services: [] } }),
      ),
    patientView: (body) =>
      guarded(
        () => answer(parseCdsHooksRequest(body, lang), PREFETCH_TEMPLATES, ruleSets, patientViewCards),
        () => internal(lang),
      ),
    encounterDischarge: (body) =>
      guarded(
        async () =>
          discharge
            ? answer(parseDischargeRequest(body, lang), DISCHARGE_PREFETCH, [discharge], dischargeCards)
            : error(404, 'unknown_service', [cdsHooksIssue('invalid_value', ['id'], lang, { allowed: [id] })]),
        () => internal(lang),
      ),
    call: (serviceId, body) => {
      if (serviceId === id) return handlers.patientView(body);
      if (serviceId === dischargeId && discharge) return handlers.encounterDischarge(body);
      const allowed = [id, ...(discharge ? [dischargeId] : [])];
      return Promise.resolve(error(404, 'unknown_service', [cdsHooksIssue('invalid_value', ['id'], lang, { allowed })]));
    },
    feedback: (body) =>
      guarded(
        () => feedback(body, deps.issuedCardLookup, lang),
        () => ({ ...internal(lang), records: [] }),
      ),
  };
  return handlers;
}

/** Issues of the prefetch reader, their paths under `prefetch` as in the request. */
function prefixed(issues: readonly ValidationIssue<string>[], root: string): CdsHooksIssue[] {
  return issues.map((i) => ({ ...i, path: i.path === '' ? root : `${root}.${i.path}`, segments: [root, ...i.segments] }) as CdsHooksIssue);
}

/**
 * Feedback matched by card id: each item is ingested on its own against the card the lookup finds, so
 * one unknown id is reported without losing the others. A body that is not CDS Hooks feedback is a 400.
 */
async function feedback(body: unknown, lookup: CdsServiceOptions['issuedCardLookup'], lang: Lang): Promise<CdsFeedbackAnswer> {
  // First the shape, with no card known: every issue but "unknown card" is the body's own fault.
  const shape = ingestFeedback(body, () => undefined, lang);
  const items = E.isLeft(shape) ? shape.left.issues : [];
  const bad = items.filter((i) => i.code !== 'cds_unknown_card');
  if (bad.length > 0) return { ...error(400, 'invalid_request', bad), records: [] };
  // Read once into plain data, as ingestFeedback does: a host's getter is not asked twice.
  const plain = readInput(body, lang, [], { jsonOnly: true });
  if ('issue' in plain) return { ...error(400, 'invalid_request', [plain.issue]), records: [] };
  const parsed = CdsFeedback.safeParse(plain.value);
  if (!parsed.success) return { ...error(400, 'invalid_request', []), records: [] };
  const records: FeedbackRecord[] = [];
  const unknown: CdsHooksIssue[] = [];
  for (const [i, item] of parsed.data.feedback.entries()) {
    let card: CdsCard | undefined;
    try {
      card = lookup ? await lookup(item.card) : undefined;
    } catch {
      card = undefined;
    }
    const one = ingestFeedback({ feedback: [item] }, card ? [card] : [], lang);
    if (E.isRight(one)) records.push(...one.right);
    else
      for (const issue of one.left.issues)
        unknown.push(cdsHooksIssue(issue.code, ['feedback', i, ...issue.segments.slice(2)], lang, issue.detail ?? {}));
  }
  return { status: 200, body: { matched: records.length, unknown: plainIssues(unknown) }, records };
}
