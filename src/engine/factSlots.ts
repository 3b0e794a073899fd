import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import { isBuiltinFact } from '../facts/types.js';
import type { FactDefinition } from '../facts/types.js';
import * as z from 'zod';
import { fromZodIssues } from '../model/issues.js';
import { canonicalJson } from '../util/sha256.js';
import { nearestName } from '../util/suggest.js';
import type { IssueLog, Seg } from './issueLog.js';

/*
 * The facts a rule set reads, one slot per fact and params: an evaluation derives each slot at most
 * once, and the compiled conditions read slots by number. Resolving a slot checks that the fact
 * exists, that its params are what the fact takes, and that its code lists are known.
 */

/** A fact slot: one fact with one set of params, derived at most once per evaluation. */
export interface FactSlot {
  readonly index: number;
  readonly name: string;
  /** `name` or `name:{canonical params}`; the key raw-fact inputs may use. */
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly def: FactDefinition<any> | undefined;
  /**
   * The fact is one of the library's own, whose strings and lists are codes (see `isBuiltinFact`):
   * derived from a validated person, its values are inside the domain the library vouches for.
   * @internal
   */
  readonly coded: boolean;
}

/** The slots of one rule set, as its conditions are compiled. */
export class FactSlots {
  readonly slots: FactSlot[] = [];
  /** Code lists the rule set and its facts read, by id. */
  readonly usedLists = new Set<string>();
  private readonly byKey = new Map<string, FactSlot>();

  constructor(
    private readonly facts: FactRegistry,
    private readonly codeLists: ReadonlyMap<string, CodeList>,
    private readonly log: IssueLog,
  ) {}

  /** Resolves a fact reference and checks its params; returns undefined after recording an issue. */
  resolve(name: string, params: Record<string, unknown> | undefined, segs: readonly Seg[]): FactSlot | undefined {
    const def = this.facts.get(name);
    if (!def) {
      const suggestion = nearestName(name, this.facts.keys());
      this.log.issue('unknown_fact', [...segs, 'fact'], suggestion ? { name, suggestion } : { name });
      return undefined;
    }
    let parsed: Record<string, unknown> | undefined = params;
    // A refusal says which params the fact takes and why these are wrong; the fact's label says what
    // it counts (e.g. falls in the last 12 months), which is why a fact without params takes none.
    const refuse = (reason: string | undefined): undefined => {
      const label = def.label[this.log.lang];
      this.log.issue('fact_params', [...segs, 'params'], {
        name,
        takes: paramNames(def.params),
        ...(label ? { label } : {}),
        ...(reason ? { reason } : {}),
      });
      return undefined;
    };
    if (def.params) {
      const r = def.params.safeParse(params);
      if (!r.success)
        return refuse(
          fromZodIssues(r.error.issues, this.log.lang)
            .map((i) => i.message.replace(/\.$/, ''))
            .join('; '),
        );
      parsed = r.data as Record<string, unknown> | undefined;
    } else if (params !== undefined && Object.keys(params).length > 0) return refuse(undefined);
    for (const l of def.codeLists ?? []) {
      if (!this.codeLists.has(l)) this.log.issue('unknown_code_list', [...segs, 'fact'], this.listNamed(l));
      else this.usedLists.add(l);
    }
    return this.slot(name, parsed, def);
  }

  /** A code list a condition compares with, by id; undefined (and no issue) when it is unknown. */
  list(id: string): CodeList | undefined {
    const list = this.codeLists.get(id);
    if (list) this.usedLists.add(id);
    return list;
  }

  /** The detail of an unknown code list: its name, and the nearest known list's id when one is near. */
  listNamed(name: string): { name: string; suggestion?: string } {
    const suggestion = nearestName(name, this.codeLists.keys());
    return suggestion ? { name, suggestion } : { name };
  }

  private slot(name: string, params: Record<string, unknown> | undefined, def: FactDefinition<any>): FactSlot {
    const key = params === undefined || Object.keys(params).length === 0 ? name : `${name}:${canonicalJson(params)}`;
    let s = this.byKey.get(key);
    if (!s) {
      s = { index: this.slots.length, name, key, params, def, coded: isBuiltinFact(def) };
      this.slots.push(s);
      this.byKey.set(key, s);
    }
    return s;
  }
}

/** The names of the params a fact takes: the keys of its params object, none when it takes none. */
function paramNames(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap();
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}
