/** One line of a line diff: kept, removed or added. */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly line: string;
}

/**
 * A minimal line diff (longest common subsequence), for showing how a rule's prose changed. Rule
 * conditions are short, so the quadratic table is small; above 2,000 lines each side it gives up on
 * alignment and shows all of `before` removed and all of `after` added.
 */
export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  if (n > 2000 || m > 2000)
    return [...before.map((line) => ({ op: '-' as const, line })), ...after.map((line) => ({ op: '+' as const, line }))];
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: ' ', line: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: '-', line: before[i++]! });
    else out.push({ op: '+', line: after[j++]! });
  }
  while (i < n) out.push({ op: '-', line: before[i++]! });
  while (j < m) out.push({ op: '+', line: after[j++]! });
  return out;
}
