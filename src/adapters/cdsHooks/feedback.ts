import { readInput } from '../../model/inputShape.js';
import * as E from '../../util/either.js';
import * as z from 'zod';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import type { CdsHooksIssue } from './issueMessages.js';
import { cdsHooksIssue } from './issueMessages.js';
import type { Lang } from '../../model/lang.js';
import { LIB } from '../fhir/model/systems.js';
import { cdsIssues } from './issues.js';
import { CardOrigin, EXTENSION_KEY } from './origin.js';
import type { CdsCard } from './schema.js';
import { CdsCoding, CdsExtension } from './schema.js';

/*
 * Feedback (`POST {baseUrl}/cds-services/{id}/feedback`): what the clinician did with a card. It is
 * validated against CDS Hooks 2.0 and its invariants cds-fb-1 to cds-fb-3, matched with the cards the
 * service issued, and turned into records the host stores. Each record names the rule set, version
 * and content hash that produced the card, so override rates can be counted per rule and version.
 */

const invariant = (ctx: z.core.$RefinementCtx, id: string, path: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', path, params: { code: 'cds_invariant', invariant: id }, message: id });

/** One feedback item. */
export const CdsFeedbackItem = z
  .strictObject({
    card: z.string().min(1),
    outcome: z.string().min(1),
    acceptedSuggestions: z
      .array(z.strictObject({ id: z.string().min(1) }))
      .min(1)
      .optional(),
    overrideReason: z.strictObject({ reason: CdsCoding.optional(), userComment: z.string().min(1).optional() }).optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
    extension: CdsExtension.optional(),
  })
  .superRefine((f, ctx) => {
    // cds-fb-1: outcome is accepted or overridden.
    if (f.outcome !== 'accepted' && f.outcome !== 'overridden') invariant(ctx, 'cds-fb-1', ['outcome']);
    // cds-fb-2: an accepted card names the accepted suggestions.
    if (f.outcome === 'accepted' && f.acceptedSuggestions === undefined) invariant(ctx, 'cds-fb-2', ['acceptedSuggestions']);
    // cds-fb-3: an override reason has a reason, a comment or both.
    if (f.overrideReason !== undefined && f.overrideReason.reason === undefined && f.overrideReason.userComment === undefined)
      invariant(ctx, 'cds-fb-3', ['overrideReason']);
  });
/** A feedback item. */
export type CdsFeedbackItem = z.infer<typeof CdsFeedbackItem>;

/** The feedback request body. */
export const CdsFeedback = z.strictObject({ feedback: z.array(CdsFeedbackItem).min(1) });
/** A feedback request body. */
export type CdsFeedback = z.infer<typeof CdsFeedback>;

/** A stored feedback record: the outcome, tied to the card's rule, rule set and version. */
export const FeedbackRecord = z.strictObject({
  cardUuid: z.uuid(),
  cardKind: z.enum(['prompt', 'data-needed', 'score']),
  ruleSetId: z.string().min(1),
  ruleSetVersion: z.string().min(1),
  contentHash: z.string().min(1),
  ruleId: z.string().min(1).optional(),
  asOf: z.string().min(1),
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.strictObject({ uuid: z.string().min(1), kind: z.string().min(1).optional() })).optional(),
  overrideReason: z
    .strictObject({
      system: z.string().min(1).optional(),
      code: z.string().min(1),
      display: z.string().min(1).optional(),
      /** True when the reason is one the card offered; a client may add its own. */
      offered: z.boolean(),
    })
    .optional(),
  /** The clinician's free-text comment, as given. It may contain health data: store it accordingly. */
  userComment: z.string().min(1).optional(),
  outcomeTimestamp: z.string().min(1),
});
/** A stored feedback record. */
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** The cards the service issued: a list, or a lookup by UUID for hosts that keep them in a store. */
export type IssuedCards = readonly CdsCard[] | ((uuid: string) => CdsCard | undefined);

/**
 * Validates a feedback body and turns it into records to store. A feedback item for a card this
 * service did not issue (or one without the library's origin extension), or naming a suggestion
 * that is not on the card, is an error: feedback is never attributed to the wrong rule version.
 */
export function ingestFeedback(body: unknown, issued: IssuedCards, lang: Lang = 'nb'): E.Either<InvalidCdsHooksError, FeedbackRecord[]> {
  // Before zod, whose recursive walk of a 10,000-level body would overflow the stack.
  const read = readInput(body, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidCdsHooks('feedback', [read.issue]));
  const parsed = CdsFeedback.safeParse(read.value);
  if (!parsed.success) return E.left(invalidCdsHooks('feedback', cdsIssues(read.value, parsed.error.issues, lang)));
  const lookup = typeof issued === 'function' ? issued : (uuid: string) => issued.find((c) => c.uuid === uuid);
  const issues: CdsHooksIssue[] = [];
  const records: FeedbackRecord[] = [];
  parsed.data.feedback.forEach((f, i) => {
    const card = lookup(f.card);
    const origin = CardOrigin.safeParse(card?.extension?.[EXTENSION_KEY]);
    if (!card || !origin.success) {
      issues.push(cdsHooksIssue('cds_unknown_card', ['feedback', i, 'card'], lang));
      return;
    }
    const suggestions = new Map((card.suggestions ?? []).map((s) => [s.uuid, s]));
    const accepted: { uuid: string; kind?: string }[] = [];
    (f.acceptedSuggestions ?? []).forEach((a, j) => {
      const s = suggestions.get(a.id);
      if (!s) issues.push(cdsHooksIssue('cds_unknown_suggestion', ['feedback', i, 'acceptedSuggestions', j, 'id'], lang));
      else {
        const kind = (s.extension?.[EXTENSION_KEY] as { kind?: unknown } | undefined)?.kind;
        accepted.push({ uuid: a.id, ...(typeof kind === 'string' ? { kind } : {}) });
      }
    });
    const o = origin.data;
    const reason = f.overrideReason?.reason;
    const offered =
      reason !== undefined &&
      (card.overrideReasons ?? []).some(
        (r) => r.code === reason.code && (r.system ?? LIB.overrideReason) === (reason.system ?? LIB.overrideReason),
      );
    records.push({
      cardUuid: f.card,
      cardKind: o.kind,
      ruleSetId: o.ruleSetId,
      ruleSetVersion: o.ruleSetVersion,
      contentHash: o.contentHash,
      ...(o.ruleId ? { ruleId: o.ruleId } : {}),
      asOf: o.asOf,
      outcome: f.outcome as 'accepted' | 'overridden',
      ...(accepted.length > 0 ? { acceptedSuggestions: accepted } : {}),
      ...(reason
        ? {
            overrideReason: {
              ...(reason.system ? { system: reason.system } : {}),
              code: reason.code,
              ...(reason.display ? { display: reason.display } : {}),
              offered,
            },
          }
        : {}),
      ...(f.overrideReason?.userComment ? { userComment: f.overrideReason.userComment } : {}),
      outcomeTimestamp: f.outcomeTimestamp,
    });
  });
  if (issues.length > 0) return E.left(invalidCdsHooks('feedback', issues));
  return E.right(records);
}
