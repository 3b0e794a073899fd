/*
 * "Did you mean …?" for a name that is not known: the known name nearest to it in edit distance,
 * when it is near enough to be a slip of the keyboard rather than a different word. Names are
 * compared without regard to case, so «Livesalone» finds «livesAlone».
 */

/**
 * The Levenshtein distance between two strings (insertions, deletions and substitutions of one
 * UTF-16 unit each), or `limit + 1` as soon as it is known to be larger than `limit`, so that a long
 * list of candidates costs little.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  const d = prev[b.length]!;
  return d > limit ? limit + 1 : d;
}

/** Longest name compared: a longer one is not a slip of the keyboard, and comparing it costs time. */
const MAX_NAME = 100;

/**
 * The candidate nearest to `name`, or `undefined` when none is near enough or `name` is itself a
 * candidate. Near enough: at most a third of the name's length in edits (at least one, at most
 * four), after ignoring case. A tie goes to the candidate listed first.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  // Called while reporting a hostile or damaged file: the name, or a candidate, may be no string.
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) return undefined;
  const list = [...candidates].filter((c): c is string => typeof c === 'string');
  if (list.includes(name)) return undefined;
  const lower = name.toLowerCase();
  const limit = Math.min(4, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of list) {
    if (c.length > MAX_NAME) continue;
    const d = editDistance(lower, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** An issue's detail for an unknown name: the name and, when one is near, the name it was probably meant to be. */
export function namedWithSuggestion(name: string, known: Iterable<string>): { name: string; suggestion?: string } {
  const suggestion = nearestName(name, known);
  return suggestion ? { name, suggestion } : { name };
}
