/**
 * Joins the lines of a text with single spaces: every run of whitespace that holds a line break
 * becomes one space. Done in linear time, because the obvious regex backtracks quadratically on
 * long runs of whitespace, and the text can come from a record or a rule file.
 */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const parts = text.split('\n');
  const out: string[] = [];
  parts.forEach((p, i) => {
    let x = p;
    if (i > 0) x = x.trimStart();
    if (i < parts.length - 1) x = x.trimEnd();
    // Whitespace-only lines between breaks belong to one run of whitespace: one space in all.
    if (x === '' && i > 0 && i < parts.length - 1) return;
    out.push(x);
  });
  return out.join(' ');
}

/** Removes trailing characters found in `chars`, in linear time. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}
