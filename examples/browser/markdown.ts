/**
 * A minimal renderer for the Markdown the library writes in card details: paragraphs, `- ` lists,
 * **bold**, *italic* and backslash escapes. Everything is HTML-escaped first, so no markup from a
 * rule file or record can reach the page. A real EPJ uses its own Markdown component.
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  // Protect escaped characters, then apply emphasis, then restore them.
  const kept: string[] = [];
  const protectedText = text.replace(/\\(.)/g, (_m, c: string) => `\u0000${kept.push(c) - 1}\u0000`);
  const html = escapeHtml(protectedText)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => escapeHtml(kept[Number(i)]!));
}

/** Markdown (the subset above) → safe HTML. */
export function renderMarkdown(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}
