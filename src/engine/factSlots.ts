import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import { isBuiltinFact } from '../facts/types.js';
import type { FactDefinition } from '../facts/types.js';
import { canonicalJson } from '../util/sha256.js';
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
      this.log.issue('unknown_fact', [...segs, 'fact'], { name });
      return undefined;
    }
    let parsed: Record<string, unknown> | undefined = params;
    if (def.params) {
      const r = def.params.safeParse(params);
      if (!r.success) {
        this.log.issue('fact_params', [...segs, 'params'], {
          name,
          expected: r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.code}`).join('; '),
        });
        return undefined;
      }
      parsed = r.data as Record<string, unknown> | undefined;
    } else if (params !== undefined && Object.keys(params).length > 0) {
      this.log.issue('fact_params', [...segs, 'params'], { name, expected: '—' });
      return undefined;
    }
    for (const l of def.codeLists ?? []) {
      if (!this.codeLists.has(l)) this.log.issue('unknown_code_list', [...segs, 'fact'], { name: l });
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
