import type { Word } from '../../ast/common.js';
import type { HaDirective } from '../../ast/haproxy.js';
import type { HaSetting } from './types.js';

/**
 * One active directive. `args` and `values` are built on first use: the model reads
 * most lines through `argWord()`/`argValue()`, so a 60,000-line file does not pay for
 * 120,000 arrays nobody looks at.
 */
export class SettingRecord implements HaSetting {
  undecided?: boolean;
  private argsCache: Word[] | undefined;
  private valuesCache: string[] | undefined;

  constructor(
    readonly keyword: string,
    readonly node: HaDirective,
    readonly fileName: string,
    /** Values with variables expanded, when any argument holds a variable. */
    expanded?: string[],
  ) {
    this.valuesCache = expanded;
  }

  get args(): Word[] {
    this.argsCache ??= this.node.words.slice(this.node.keywordLength);
    return this.argsCache;
  }

  get values(): string[] {
    if (!this.valuesCache) {
      const words = this.node.words;
      const k = this.node.keywordLength;
      const values = new Array<string>(words.length - k);
      for (let i = 0; i < values.length; i++) values[i] = words[k + i].value;
      this.valuesCache = values;
    }
    return this.valuesCache;
  }

  /** Number of arguments. */
  get argCount(): number {
    return this.node.words.length - this.node.keywordLength;
  }

  valueAt(i: number): string | undefined {
    if (this.valuesCache) return this.valuesCache[i];
    return this.node.words[this.node.keywordLength + i]?.value;
  }
}

/** Argument `i` of a setting (0 = the first word after the keyword). */
export function argWord(s: HaSetting, i: number): Word | undefined {
  return s.node.words[s.node.keywordLength + i];
}

/** The value of argument `i`, variables expanded. */
export function argValue(s: HaSetting, i: number): string | undefined {
  return s instanceof SettingRecord ? s.valueAt(i) : s.values[i];
}

export function argCount(s: HaSetting): number {
  return s.node.words.length - s.node.keywordLength;
}
