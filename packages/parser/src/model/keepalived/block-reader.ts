import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import type { KaElement, KaSetting, KaSettings } from './element.js';
import { parseBool } from './values.js';

/**
 * Reads the settings of one block body; the last statement of a keyword wins. Bodies are
 * short, so lookups scan the body instead of building an index per block.
 */
export class BlockReader {
  constructor(readonly body: readonly KaEffectiveStatement[]) {}

  all(...keywords: string[]): KaEffectiveStatement[] {
    const out: KaEffectiveStatement[] = [];
    const body = this.body;
    for (let i = 0; i < body.length; i++) if (keywords.includes(body[i].keyword.value)) out.push(body[i]);
    return out;
  }

  /** The last statement among `keywords` (synonyms such as lb_algo/lvs_sched). */
  last(k1: string, k2?: string): KaEffectiveStatement | undefined {
    const body = this.body;
    for (let i = body.length - 1; i >= 0; i--) {
      const k = body[i].keyword.value;
      if (k === k1 || k === k2) return body[i];
    }
    return undefined;
  }

  setting<T>(parse: (args: string[]) => T | undefined, k1: string, k2?: string): KaSetting<T> | undefined {
    const s = this.last(k1, k2);
    return s ? toSetting(s, parse) : undefined;
  }

  /** A flag keyword, optionally followed by a <BOOL> (`nopreempt`, `smtp_alert yes`). */
  flag(k1: string, k2?: string): KaSetting<boolean> | undefined {
    return this.setting(readFlag, k1, k2);
  }

  string(k1: string, k2?: string): KaSetting<string> | undefined {
    return this.setting(firstArg, k1, k2);
  }

  /** Every statement by keyword, in order. */
  index(): KaSettings {
    const map = new Map<string, KaEffectiveStatement[]>();
    for (const s of this.body) {
      const list = map.get(s.keyword.value);
      if (list) list.push(s);
      else map.set(s.keyword.value, [s]);
    }
    return map;
  }
}

const readFlag = (args: string[]) => (args.length ? parseBool(args[0]) : true);
const firstArg = (args: string[]) => args[0];

export function toSetting<T>(statement: KaEffectiveStatement, parse: (args: string[]) => T | undefined): KaSetting<T> {
  const args = argValues(statement);
  return { statement, fileName: statement.fileName, node: statement.node, keyword: statement.keyword.value, value: parse(args), args };
}

/** The element fields of a statement (written out, not spread: this runs per block). */
export function element(statement: KaEffectiveStatement): KaElement {
  return { statement, fileName: statement.fileName, node: statement.node };
}
