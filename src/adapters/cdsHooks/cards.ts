import * as E from '../../util/either.js';
import { decisionForCardsIssues } from './decisionShape.js';
import type { CompiledRuleSet } from '../../engine/compile.js';
import type { DataNeeded, Decision, Prompt } from '../../engine/decision.js';
import { scoreMissingText, scoreSummaryText } from '../../explain/score.js';
import { explainRule } from '../../explain/why.js';
import { RULE_SET_SYSTEM, ruleSystem } from '../fhir/model/systems.js';
import { Lang } from '../../model/lang.js';
import { makeIssue } from '../../model/issues.js';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import { cdsHooksIssue } from './issueMessages.js';
import { isHttpUrl } from '../../model/url.js';
import type { Severity, SourceRef } from '../../model/ruleSet.js';
import { trimEndChars } from '../../util/lines.js';
import { escapeMarkdown } from '../../util/markdown.js';
import { fill } from '../../util/template.js';
import { nameBasedUuid } from '../../util/uuid.js';
import type { CardOrigin } from './origin.js';
import { EXTENSION_KEY } from './origin.js';
import { overrideReasons } from './overrideReasons.js';
import type { CdsCard, CdsSource } from './schema.js';
import type { SuggestionPolicy } from './suggestions.js';
import { buildSuggestion, defaultSuggestionPolicy } from './suggestions.js';
import { CDS_TEXTS } from './texts.js';

/*
 * A decision → CDS Hooks 2.0 cards. Each fired prompt becomes a card: the rule's title as the summary
 * (under 140 characters), its text, the "why" from the trace and the source in the Markdown detail,
 * the severity as the indicator, the guideline section as the source (label, link, topic), suggestions
 * that create FHIR resources, and Norwegian override reasons. A score and "data needed" can also
 * become cards. Every card and suggestion has a UUID derived from the rule-set version, the rule, the
 * person and the hook instance, so the same call gives the same cards, and feedback can be tied to
 * the rule-set version that produced it (the `oppfolgingsteam` extension on each card).
 */

/** Options for {@link toCards}. */
export interface CardOptions {
  /** The hook call's `hookInstance` (a UUID); part of every card's UUID. */
  readonly hookInstance: string;
  /** The person as a reference, e.g. `Patient/123` (the CDS Hooks `context.patientId`). */
  readonly patient: string;
  /** The user (`context.userId`), e.g. `Practitioner/456`; becomes the GP and requester in suggestions. */
  readonly user?: string;
  /** Card language. Default: the decision's language. */
  readonly lang?: Lang;
  /** Lowest prompt severity that becomes a card. Default `info` (every prompt). */
  readonly minSeverity?: Severity;
  /** "Data needed" cards: `none`, `important` (rules of severity warning or critical; default) or `all`. */
  readonly dataNeeded?: 'none' | 'important' | 'all';
  /** Score card: `none`, `elevated` (moderate or high, or when missing data could raise it; default) or `always`. */
  readonly score?: 'none' | 'elevated' | 'always';
  /**
   * Cards for fired rules whose event type is `finding` (a trigger, a sub-group, multimorbidity): the
   * parts other prompts are made of, which their "why" already names. `none` (default) leaves them
   * out, so that every card is something to act on; `all` shows them too. They stay in the decision.
   */
  readonly findings?: 'none' | 'all';
  /** Which suggestions each prompt carries. Default {@link defaultSuggestionPolicy}. */
  readonly suggestions?: SuggestionPolicy;
  /**
   * Check the decision with the fast accept path first (a structural check that accepts only what
   * the full check accepts); `false` checks it with the schema alone. The cards are the same either
   * way. Default `true`.
   */
  readonly fastParse?: boolean;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** One sentence under 140 characters: cut at a word boundary and end with an ellipsis when needed. */
export function summaryOf(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length < 140) return s;
  const cut = s.slice(0, 138);
  const space = cut.lastIndexOf(' ');
  return `${trimEndChars(space > 80 ? cut.slice(0, space) : cut, ',;:.')}…`;
}

/** A card's source. The link is copied only when it is an `https:` or `http:` address, whatever the rule set held. */
function source(ref: SourceRef, topic: CdsSource['topic']): CdsSource {
  return {
    label: `${ref.document}, ${ref.section}`.slice(0, 500),
    ...(isHttpUrl(ref.url) ? { url: ref.url } : {}),
    ...(topic ? { topic } : {}),
  };
}

/** A field of a host's object, or `undefined` when it is not an object or reading it throws. */
function readOption(o: unknown, name: string): unknown {
  try {
    return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The language of the error: the options' when valid, else the decision's when valid, else bokmål. */
function errorLang(decision: unknown, options: unknown): Lang {
  const l = Lang.safeParse(readOption(options, 'lang'));
  if (l.success) return l.data;
  const d = Lang.safeParse(readOption(decision, 'lang'));
  return d.success ? d.data : 'nb';
}

/** What is wrong with toCards' arguments, as issues: a damaged decision, one from another rule set, or a missing option. */
function argumentIssues(decision: Decision, ruleSet: CompiledRuleSet, options: CardOptions, lang: Lang): InvalidCdsHooksError | undefined {
  const damaged = decisionForCardsIssues(decision, lang, readOption(options, 'fastParse') !== false);
  if (damaged.length > 0) return invalidCdsHooks('cards', damaged);
  if (decision.ruleSet.id !== ruleSet?.id || decision.ruleSet.version !== ruleSet?.version)
    return invalidCdsHooks('cards', [cdsHooksIssue('cds_other_rule_set', ['ruleSet'], lang)]);
  if (typeof options !== 'object' || options === null) return invalidCdsHooks('cards', [makeIssue('missing', ['hookInstance'], lang)]);
  for (const name of ['hookInstance', 'patient'] as const) {
    const v = options[name] as unknown;
    if (typeof v !== 'string' || v.trim() === '') return invalidCdsHooks('cards', [makeIssue('missing', [name], lang)]);
  }
  return undefined;
}

/**
 * The cards for one decision, most urgent first: prompts (critical, warning, info), then the score,
 * then "data needed". Pass the rule set the decision came from, for fact labels and rule metadata.
 * Never throws: a decision from another rule set (`cds_other_rule_set` at `ruleSet`), a damaged
 * decision (the first damaged path; re-evaluate rather than pass a stored decision back), or an empty
 * `hookInstance` or `patient` is an `InvalidCdsHooks` error (`message: 'cards'`), in `options.lang`.
 *
 * @example
 * ```ts
 * import { cdsResponse, toCards } from 'oppfolgingsteam/cds-hooks';
 *
 * const cards = toCards(decision, ruleSet, { hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', patient: 'Patient/p1', user: 'Practitioner/gp1' });
 * if (cards._tag === 'Left') throw new Error(cards.left.issues[0]!.message); // your own misuse, not the patient's data
 * const response = cdsResponse(cards.right);
 * if (response._tag === 'Right') send(200, response.right); // { cards: [...] }
 * ```
 */
export function toCards(decision: Decision, ruleSet: CompiledRuleSet, options: CardOptions): E.Either<InvalidCdsHooksError, CdsCard[]> {
  const wrong = argumentIssues(decision, ruleSet, options, errorLang(decision, options));
  if (wrong) return E.left(wrong);
  return E.right(buildCards(decision, ruleSet, options));
}

function buildCards(decision: Decision, ruleSet: CompiledRuleSet, options: CardOptions): CdsCard[] {
  const { hookInstance, patient } = options;
  const lang = options.lang ?? decision.lang;
  const policy = options.suggestions ?? defaultSuggestionPolicy;
  const rules = new Map(ruleSet.rules.map((r) => [r.rule.id, r.rule]));
  const traces = new Map((decision.trace ?? []).map((t) => [t.ruleId, t]));
  const findings = new Map(decision.findings.map((f) => [f.ruleId, f]));
  const rsTitle = ruleSet.file.title[lang];
  const uuid = (...parts: string[]) => nameBasedUuid([ruleSet.id, ruleSet.version, ...parts, patient, hookInstance]);
  const origin = (kind: CardOrigin['kind'], ruleId?: string): CdsCard['extension'] => {
    const o: CardOrigin = {
      kind,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      contentHash: ruleSet.contentHash,
      ...(ruleId ? { ruleId } : {}),
      asOf: decision.asOf,
    };
    return { [EXTENSION_KEY]: o as Record<string, string> };
  };
  const footer = (ruleId: string) =>
    `*${escapeMarkdown(fill(CDS_TEXTS.footer[lang], { ruleId, ruleSet: rsTitle, version: ruleSet.version }))}*`;
  const topic = (ruleId: string, title: string) => ({
    system: ruleSystem(ruleSet.id),
    version: ruleSet.version,
    code: ruleId,
    display: title,
  });

  const promptCard = (p: Prompt): CdsCard => {
    const rule = rules.get(p.ruleId);
    const title = rule?.title[lang] ?? p.title;
    const text = rule?.text[lang] ?? p.text;
    const parts = [escapeMarkdown(text)];
    const trace = traces.get(p.ruleId);
    if (trace) {
      const ex = explainRule(trace, { lang, ruleSet });
      const lines = ex.because.length > 0 ? ex.because.map((b) => `- ${escapeMarkdown(b)}`).join('\n') : escapeMarkdown(ex.summary);
      parts.push(`**${CDS_TEXTS.why[lang]}:**\n\n${lines}`);
    }
    const evidence = p.evidence === 'found' ? CDS_TEXTS.evidenceFound[lang] : CDS_TEXTS.evidenceInferred[lang];
    parts.push(`**${CDS_TEXTS.source[lang]}:** ${escapeMarkdown(`${p.source.document}, ${p.source.section}`)} (${evidence})`);
    parts.push(footer(p.ruleId));
    const kinds = policy(p, findings.get(p.ruleId));
    const suggestions = [...new Set(kinds)].map((kind, i) =>
      buildSuggestion(
        kind,
        {
          lang,
          patient,
          user: options.user,
          asOf: decision.asOf,
          ruleSetId: ruleSet.id,
          ruleSetVersion: ruleSet.version,
          ruleId: p.ruleId,
          ruleTitle: title,
          uuid: uuid('suggestion', p.ruleId, kind),
        },
        i === 0,
      ),
    );
    return {
      uuid: uuid('card', p.ruleId),
      summary: summaryOf(title),
      detail: parts.join('\n\n'),
      indicator: p.severity,
      source: source(p.source, topic(p.ruleId, title)),
      ...(suggestions.length > 0
        ? { suggestions, selectionBehavior: suggestions.length > 1 ? ('any' as const) : ('at-most-one' as const) }
        : {}),
      overrideReasons: overrideReasons('prompt', lang),
      extension: origin('prompt', p.ruleId),
    };
  };

  const dataNeededCard = (n: DataNeeded): CdsCard => {
    const rule = rules.get(n.ruleId);
    const title = rule?.title[lang] ?? n.title;
    const facts = n.missing.map((m) => ruleSet.slots.find((s) => s.name === m.fact)?.def?.label[lang] ?? m.label);
    const detail = fill(CDS_TEXTS.dataNeededDetail[lang], { title, facts: facts.join(', ') });
    return {
      uuid: uuid('data-needed', n.ruleId),
      summary: summaryOf(fill(CDS_TEXTS.dataNeededSummary[lang], { title })),
      detail: `${escapeMarkdown(detail)}\n\n${footer(n.ruleId)}`,
      indicator: 'info',
      source: source(rule?.source ?? { document: rsTitle, section: n.ruleId }, topic(n.ruleId, title)),
      overrideReasons: overrideReasons('data-needed', lang),
      extension: origin('data-needed', n.ruleId),
    };
  };

  const cards: CdsCard[] = [];
  const min = RANK[options.minSeverity ?? 'info'];
  const withFindings = options.findings === 'all';
  const prompts = decision.prompts.filter((p) => RANK[p.severity] >= min && (withFindings || findings.get(p.ruleId)?.type !== 'finding'));
  // Stable sort: most urgent first, rule order within a severity.
  prompts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => RANK[b.p.severity] - RANK[a.p.severity] || a.i - b.i)
    .forEach(({ p }) => cards.push(promptCard(p)));

  const s = decision.score;
  const scoreMode = options.score ?? 'elevated';
  if (s && (scoreMode === 'always' || (scoreMode === 'elevated' && (s.tier !== 'low' || s.tierIfComplete !== 'low')))) {
    const lines = s.reasons.map((r) => `- ${escapeMarkdown(r.text)}`);
    const parts = [lines.length > 0 ? `**${CDS_TEXTS.scorePoints[lang]}:**\n\n${lines.join('\n')}` : ''];
    if (s.highCutOff !== undefined) parts.push(escapeMarkdown(fill(CDS_TEXTS.scoreCutOff[lang], { cutOff: s.highCutOff })));
    const missing = scoreMissingText(s, lang);
    if (missing !== undefined) parts.push(escapeMarkdown(missing));
    if (ruleSet.file.scoring?.description) parts.push(escapeMarkdown(ruleSet.file.scoring.description[lang]));
    parts.push(`*${escapeMarkdown(fill(CDS_TEXTS.scoreFooter[lang], { ruleSet: rsTitle, version: ruleSet.version }))}*`);
    const firstSource = s.reasons.map((r) => rules.get(r.ruleId)?.source).find((x) => isHttpUrl(x?.url));
    cards.push({
      uuid: uuid('score'),
      summary: summaryOf(scoreSummaryText(s, lang)),
      detail: parts.filter((x) => x !== '').join('\n\n'),
      indicator: s.tier === 'high' ? 'warning' : 'info',
      source: {
        label: `${rsTitle} ${ruleSet.version}`,
        ...(isHttpUrl(firstSource?.url) ? { url: firstSource.url } : {}),
        topic: { system: RULE_SET_SYSTEM, version: ruleSet.version, code: ruleSet.id, display: rsTitle },
      },
      overrideReasons: overrideReasons('score', lang),
      extension: origin('score'),
    });
  }

  const dn = options.dataNeeded ?? 'important';
  if (dn !== 'none') for (const n of decision.dataNeeded) if (dn === 'all' || n.severity !== 'info') cards.push(dataNeededCard(n));
  return cards;
}
