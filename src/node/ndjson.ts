import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as E from 'fp-ts/lib/Either.js';
import type { Lang } from '../model/lang.js';
import { parseJsonText } from '../util/parseJson.js';
import type { LoadError } from './sources.js';

/** A line that is not JSON: where it is and why. */
export interface NdjsonSyntaxError {
  readonly _tag: 'NdjsonSyntax';
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Streams a file of one JSON value per line (NDJSON), so a cohort of any size is read in constant
 * memory. Blank lines are skipped. Stops at the first line that is not JSON.
 */
export async function readNdjson(
  path: string,
  onRecord: (line: number, value: unknown) => void,
  lang: Lang,
): Promise<E.Either<LoadError | NdjsonSyntaxError, number>> {
  try {
    if (!statSync(path).isFile()) return E.left({ _tag: 'Unreadable', path });
  } catch {
    return E.left({ _tag: 'NotFound', path });
  }
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let count = 0;
  try {
    for await (const raw of rl) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      const r = parseJsonText(text, lang);
      if (E.isLeft(r)) {
        rl.close();
        const issue = r.left.issues[0]!;
        return E.left({ _tag: 'NdjsonSyntax', path, line, column: Number(issue.detail?.['column'] ?? 1), message: issue.message });
      }
      count++;
      onRecord(line, r.right);
    }
  } catch {
    return E.left({ _tag: 'Unreadable', path });
  }
  return E.right(count);
}
