/*
 * A tiny document model with two renderers, Markdown and HTML, so the rule catalogue is built once
 * and rendered twice without the two drifting apart. Every text is escaped by the renderer; the
 * builder never writes markup.
 */
import { joinLines } from '../util/lines.js';

/**
 * A piece of inline text: plain, code, strong, or a link. Only http and https links and links to an
 * anchor in the same document (`#id`) become links; anything else is shown as text.
 */
export type Inline = string | { readonly code: string } | { readonly strong: string } | { readonly text: string; readonly href: string };

/** A list item with nested items. */
export interface ListItem {
  readonly text: readonly Inline[];
  readonly children?: readonly ListItem[];
}

/** A block of the document. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string }
  | { readonly kind: 'paragraph'; readonly text: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Inline[])[][] }
  | {
      readonly kind: 'fields';
      readonly fields: readonly { readonly label: string; readonly value: readonly Inline[]; readonly list?: readonly ListItem[] }[];
    };

const isAnchor = (href: string) => /^#[A-Za-z0-9._-]+$/.test(href);
const safeHref = (href: string) => /^https?:\/\//i.test(href) || isAnchor(href);

/**
 * Plain text whose `backticked` words become code: descriptions written for the editor use Markdown
 * code spans, and a reader of the catalogue should see code, not the backticks.
 */
export function richText(s: string): Inline[] {
  const parts = s.split('`');
  // An odd number of backticks leaves the last one as written.
  if (parts.length % 2 === 0) return [s];
  return parts.flatMap((p, i): Inline[] => (p === '' ? [] : i % 2 === 1 ? [{ code: p }] : [p]));
}

const mdText = (s: string) => joinLines(s).replace(/[\\`*_[\]<>|#]/g, '\\$&');

function mdInline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return mdText(p);
      if ('code' in p) return `\`${p.code.replace(/`/g, "'")}\``;
      if ('strong' in p) return `**${mdText(p.strong)}**`;
      if (isAnchor(p.href)) return `[${mdText(p.text)}](${p.href})`;
      return safeHref(p.href) ? `[${mdText(p.text)}](<${p.href.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdText(p.text);
    })
    .join('');
}

function mdList(items: readonly ListItem[], depth: number): string[] {
  return items.flatMap((it) => [`${'  '.repeat(depth)}- ${mdInline(it.text)}`, ...mdList(it.children ?? [], depth + 1)]);
}

/** Renders blocks as CommonMark (GitHub tables). */
export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        // An explicit anchor, so the contents' links work on GitHub and in other Markdown viewers,
        // whose own heading anchors differ from one to the next.
        out.push(`<a id="${b.id.replace(/[^A-Za-z0-9._-]/g, '')}"></a>`, '', `${'#'.repeat(b.level)} ${mdText(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(mdInline(b.text), '');
        break;
      case 'list':
        out.push(...mdList(b.items, 0), '');
        break;
      case 'table':
        out.push(`| ${b.head.map(mdText).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`);
        for (const r of b.rows) out.push(`| ${r.map(mdInline).join(' | ')} |`);
        out.push('');
        break;
      case 'fields':
        for (const f of b.fields) {
          out.push(`- **${mdText(f.label)}:**${f.value.length ? ` ${mdInline(f.value)}` : ''}`);
          if (f.list) out.push(...mdList(f.list, 1));
        }
        out.push('');
        break;
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function htmlInline(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeHtml(p);
      if ('code' in p) return `<code>${escapeHtml(p.code)}</code>`;
      if ('strong' in p) return `<strong>${escapeHtml(p.strong)}</strong>`;
      if (isAnchor(p.href)) return `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`;
      return safeHref(p.href) ? `<a href="${escapeHtml(p.href)}" rel="noreferrer noopener">${escapeHtml(p.text)}</a>` : escapeHtml(p.text);
    })
    .join('');
}

function htmlList(items: readonly ListItem[]): string {
  if (items.length === 0) return '';
  return `<ul>${items.map((it) => `<li>${htmlInline(it.text)}${htmlList(it.children ?? [])}</li>`).join('')}</ul>`;
}

/** Renders blocks as an HTML fragment. */
export function toHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        out.push(`<p>${htmlInline(b.text)}</p>`);
        break;
      case 'list':
        out.push(htmlList(b.items));
        break;
      case 'table':
        out.push(
          `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map((r) => `<tr>${r.map((c) => `<td>${htmlInline(c)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        );
        break;
      case 'fields':
        out.push(
          `<dl>${b.fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${htmlInline(f.value)}${htmlList(f.list ?? [])}</dd>`).join('')}</dl>`,
        );
        break;
    }
  }
  return out.join('\n');
}
