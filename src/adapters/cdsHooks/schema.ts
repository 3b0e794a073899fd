import * as z from 'zod';
import { HttpUrl } from '../../model/url.js';

/*
 * CDS Hooks 2.0 response, as zod schemas with the specification's invariants (HL7/cds-hooks,
 * input/fsh/invariants): cds-resp-1 to cds-resp-7. Optional fields are omitted, never empty: every
 * optional string has a minimum length and every optional list at least one item (the `cards` list
 * is the one exception the specification makes). Objects are strict, so a misspelt field is an error.
 * Each invariant is reported as a custom issue carrying its id.
 */

const Str = z.string().min(1);
const invariant = (ctx: z.core.$RefinementCtx, id: string, path: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', path, params: { code: 'cds_invariant', invariant: id }, message: id });

/** A Coding as CDS Hooks uses it (override reasons, topics). */
export const CdsCoding = z.strictObject({
  system: Str.optional(),
  version: Str.optional(),
  code: Str,
  display: Str.optional(),
});
/** A CDS Hooks Coding. */
export type CdsCoding = z.infer<typeof CdsCoding>;

/** Vendor extensions: an object keyed by reverse-domain or product names; never empty. */
export const CdsExtension = z
  .record(z.string().min(1), z.json())
  .refine((o) => Object.keys(o).length > 0, { params: { code: 'cds_empty' } });

/** The source of a card: a label, a link to the guideline section, and a topic. */
export const CdsSource = z.strictObject({
  label: Str,
  url: HttpUrl.optional(),
  icon: HttpUrl.optional(),
  topic: CdsCoding.optional(),
});
/** A card's source. */
export type CdsSource = z.infer<typeof CdsSource>;

/** A suggested action: create, update or delete a FHIR resource. */
export const CdsAction = z
  .strictObject({
    type: z.enum(['create', 'update', 'delete']),
    description: Str.optional(),
    resource: z.looseObject({ resourceType: Str }).optional(),
    resourceId: Str.optional(),
  })
  .superRefine((a, ctx) => {
    // cds-resp-2: a delete names its target by resourceId and carries no resource.
    if (a.type === 'delete' && (a.resourceId === undefined || a.resource !== undefined)) invariant(ctx, 'cds-resp-2', ['resourceId']);
    if ((a.type === 'create' || a.type === 'update') && a.resource === undefined)
      ctx.addIssue({ code: 'invalid_type', expected: 'object', path: ['resource'], input: undefined });
  });
/** A suggested action. */
export type CdsAction = z.infer<typeof CdsAction>;

/** A suggestion: a labelled set of actions. */
export const CdsSuggestion = z
  .strictObject({
    label: Str,
    uuid: z.uuid().optional(),
    isRecommended: z.boolean().optional(),
    actions: z.array(CdsAction).min(1).optional(),
    actionSelectionBehavior: Str.optional(),
    extension: CdsExtension.optional(),
  })
  .superRefine((s, ctx) => {
    // cds-resp-5: every action has a description.
    (s.actions ?? []).forEach((a, i) => {
      if (a.description === undefined) invariant(ctx, 'cds-resp-5', ['actions', i, 'description']);
    });
    // cds-resp-7: actionSelectionBehavior is all, any or at-most-one (CDS Hooks 3.0 field).
    if (s.actionSelectionBehavior !== undefined && !['all', 'any', 'at-most-one'].includes(s.actionSelectionBehavior))
      invariant(ctx, 'cds-resp-7', ['actionSelectionBehavior']);
  });
/** A suggestion. */
export type CdsSuggestion = z.infer<typeof CdsSuggestion>;

/** A link to an app or more information. */
export const CdsLink = z
  .strictObject({
    label: Str,
    url: HttpUrl,
    type: z.enum(['absolute', 'smart']),
    appContext: Str.optional(),
    autolaunchable: z.boolean().optional(),
  })
  .superRefine((l, ctx) => {
    // cds-resp-3: appContext only for SMART links.
    if (l.type !== 'smart' && l.appContext !== undefined) invariant(ctx, 'cds-resp-3', ['appContext']);
  });
/** A card link. */
export type CdsLink = z.infer<typeof CdsLink>;

/** A card. `summary` is one sentence under 140 characters; `detail` is GitHub-flavoured Markdown. */
export const CdsCard = z
  .strictObject({
    uuid: z.uuid().optional(),
    summary: z.string().min(1).max(139),
    detail: Str.optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: CdsSource,
    suggestions: z.array(CdsSuggestion).min(1).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(CdsCoding).min(1).optional(),
    links: z.array(CdsLink).min(1).optional(),
    extension: CdsExtension.optional(),
  })
  .superRefine((c, ctx) => {
    // cds-resp-6: suggestions need a selectionBehavior.
    if (c.suggestions !== undefined && c.selectionBehavior === undefined) invariant(ctx, 'cds-resp-6', ['selectionBehavior']);
    // cds-resp-1: with at-most-one, at most one suggestion is recommended.
    if (c.selectionBehavior === 'at-most-one' && (c.suggestions ?? []).filter((s) => s.isRecommended === true).length > 1)
      invariant(ctx, 'cds-resp-1', ['suggestions']);
    // cds-resp-4: every override reason has a display.
    (c.overrideReasons ?? []).forEach((r, i) => {
      if (r.display === undefined) invariant(ctx, 'cds-resp-4', ['overrideReasons', i, 'display']);
    });
  });
/** A CDS Hooks card. */
export type CdsCard = z.infer<typeof CdsCard>;

/** A CDS Hooks 2.0 response: cards (possibly none) and optional system actions. */
export const CdsHooksResponse = z.strictObject({
  cards: z.array(CdsCard),
  systemActions: z.array(CdsAction).min(1).optional(),
  extension: CdsExtension.optional(),
});
/** A CDS Hooks response. */
export type CdsHooksResponse = z.infer<typeof CdsHooksResponse>;
