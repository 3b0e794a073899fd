/*
 * Texts with placeholders are kept as plain data (`"{points} poeng"`) rather than functions, so a test
 * can check that every language has the text and uses the same placeholders.
 */

/** Fills `{name}` placeholders. An unknown placeholder is left as is, which the text tests catch. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : m));
}

/** The placeholder names of a template, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!).sort();
}
