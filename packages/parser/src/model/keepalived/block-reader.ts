import type { KaEffectiveStatement } from '../../keepalived/preprocess/effective.js';
import { argValues } from './element.js';
import type { KaSetting, KaSettings } from './element.js';
import { parseBool } from './values.js';

/** Reads the settings of one block body; the last statement of a keyword wins. */
export class BlockReader {
  readonly settings: KaSettings;
  private readonly index = new Map<string, KaEffectiveStatement[]>();
  private readonly order = new Map<KaEffectiveStatement, number>();

  constructor(readonly body: readonly KaEffectiveStatement[]) {
    for (let i = 0; i < body.length; i++) {
      const s = body[i];
      const key = s.keyword.value;
      const list = this.index.get(key);
      if (list) list.push(s);
      else this.index.set(key, [s]);
      this.order.set(s, i);
    }
    this.settings = this.index;
  }

  all(...keywords: string[]): KaEffectiveStatement[] {
    if (keywords.length === 1) return this.index.get(keywords[0]) ?? [];
    const out: KaEffectiveStatement[] = [];
    for (const k of keywords) out.push(...(this.index.get(k) ?? []));
    return out.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** The last statement among `keywords` (synonyms such as lb_algo/lvs_sched). */
  last(...keywords: string[]): KaEffectiveStatement | undefined {
    let best: KaEffectiveStatement | undefined;
    for (const k of keywords) {
      const list = this.index.get(k);
      const s = list?.[list.length - 1];
      if (s && (!best || this.order.get(s)! > this.order.get(best)!)) best = s;
    }
    return best;
  }

  setting<T>(parse: (args: string[]) => T | undefined, ...keywords: string[]): KaSetting<T> | undefined {
    const s = this.last(...keywords);
    return s ? toSetting(s, parse) : undefined;
  }

  /** A flag keyword, optionally followed by a <BOOL> (`nopreempt`, `smtp_alert yes`). */
  flag(...keywords: string[]): KaSetting<boolean> | undefined {
    return this.setting((args) => (args.length ? parseBool(args[0]) : true), ...keywords);
  }

  string(...keywords: string[]): KaSetting<string> | undefined {
    return this.setting((args) => args[0], ...keywords);
  }
}

export function toSetting<T>(statement: KaEffectiveStatement, parse: (args: string[]) => T | undefined): KaSetting<T> {
  const args = argValues(statement);
  return { statement, fileName: statement.fileName, node: statement.node, keyword: statement.keyword.value, value: parse(args), args };
}
