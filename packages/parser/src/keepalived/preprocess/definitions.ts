import { LBRACE, RBRACE, SPACE, TAB, isDigit, isNameChar, isNameStart } from '../chars.js';
import { TrackedText } from './tracked-text.js';
import type { TextRange } from './tracked-text.js';

/** A `$NAME=` definition (or a built-in one) as the preprocessor holds it. */
export interface Definition {
  name: string;
  /** The value's lines (one for an ordinary definition). */
  lines: TrackedText[];
  /** Defined with a trailing `\`: only expanded where the reference ends the line. */
  multiline: boolean;
  /** Where it was defined; undefined for built-ins. */
  origin?: TextRange;
  /** Built-ins computed at each use (`${_RANDOM}`, `${_PWD}`). */
  compute?: (reference: TextRange, params: number[]) => string;
  /** How many numeric parameters `${NAME p1 p2}` accepts. */
  maxParams?: number;
  /** Set once the definition has been expanded somewhere. */
  used?: boolean;
}

/** keepalived's line buffer is 1024 bytes: substitutions beyond that are refused. */
export const MAX_EXPANDED_LINE = 1023;

export interface Reference {
  definition: Definition;
  /** `$` offset and the offset after the reference. */
  from: number;
  to: number;
  params: number[];
}

/**
 * Finds the definition referenced at `text[at]` (which is `$`), keepalived's rules:
 * `$NAME` must be followed by a blank, `,`, `)` or the end of the line; `${NAME}` may be
 * followed by anything; a multi-line definition only where the reference ends the line.
 */
export function findReference(text: string, at: number, table: Map<string, Definition>): Reference | undefined {
  let i = at + 1;
  const braces = text.charCodeAt(i) === LBRACE;
  if (braces) i++;
  if (!isNameStart(text.charCodeAt(i))) return undefined;
  const nameStart = i;
  i++;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  const name = text.slice(nameStart, i);
  const params: number[] = [];
  let to: number;
  if (braces) {
    let paramStart = -1;
    let paramEnd = -1;
    while (i < text.length && (text.charCodeAt(i) === SPACE || isDigit(text.charCodeAt(i)))) {
      if (text.charCodeAt(i) !== SPACE) {
        if (paramStart < 0) paramStart = i;
        paramEnd = i;
      }
      i++;
    }
    if (paramStart >= 0 && paramEnd + 1 !== i) return undefined;
    if (text.charCodeAt(i) !== RBRACE) return undefined;
    if (paramStart >= 0) for (const p of text.slice(paramStart, paramEnd + 1).split(/ +/)) params.push(Number(p));
    to = i + 1;
  } else {
    const c = text.charCodeAt(i);
    if (i < text.length && c !== SPACE && c !== TAB && c !== 44 && c !== 41) return undefined;
    to = i;
  }
  const definition = table.get(name);
  if (!definition) return undefined;
  if (definition.multiline && to !== text.length) return undefined;
  if (params.length && !definition.maxParams) return undefined;
  return { definition, from: at, to, params };
}

export interface Expansion {
  line: TrackedText;
  /** Further lines of a multi-line definition, to be read after this one. */
  more: TrackedText[];
  /** The substitution would have made the line longer than keepalived's buffer. */
  tooLong: boolean;
}

/**
 * keepalived's replace_param(): replaces every reference in the line, rescanning each
 * replacement (so values may refer to other definitions). Returns undefined when the line
 * has no reference. Bounded so a definition that refers to itself cannot loop forever.
 */
export function expandReferences(line: TrackedText, table: Map<string, Definition>, maxReplacements = 1000): Expansion | undefined {
  let current = line;
  let more: TrackedText[] = [];
  let found = false;
  let tooLong = false;
  let pos = current.text.indexOf('$');
  let replacements = 0;
  while (pos >= 0 && pos + 1 < current.length) {
    const text = current.text;
    const ref = findReference(text, pos, table);
    if (!ref) {
      pos = text.indexOf('$', pos + 1);
      continue;
    }
    if (++replacements > maxReplacements) {
      tooLong = true;
      break;
    }
    const def = ref.definition;
    def.used = true;
    const origin = current.locate(ref.from, ref.to) ?? { fileName: '', start: 0, end: 0 };
    let replacement: TrackedText;
    if (def.compute) replacement = TrackedText.synthetic(def.compute(origin, ref.params), origin);
    else replacement = def.lines.length ? def.lines[0] : TrackedText.empty();
    if (text.length - (ref.to - ref.from) + replacement.length > MAX_EXPANDED_LINE) {
      tooLong = true;
      break;
    }
    found = true;
    current = current.replace(ref.from, ref.to, replacement);
    if (def.multiline) more = def.lines.slice(1).concat(more);
    // keepalived stops replacing once a value starts a ~SEQ/~LST line.
    if (/^[ \t]*~/.test(def.lines[0]?.text ?? '')) break;
    pos = current.text.indexOf('$', pos);
  }
  if (!found) return undefined;
  return { line: current, more, tooLong };
}

/** Built-in definitions keepalived provides (2.2.7). */
export function builtinDefinitions(configId: string | undefined, currentDir: () => string): Map<string, Definition> {
  const table = new Map<string, Definition>();
  const add = (name: string, compute: Definition['compute'], maxParams = 0) => table.set(name, { name, lines: [], multiline: false, compute, maxParams });
  add('_PWD', () => currentDir());
  add('_INSTANCE', () => configId ?? '');
  // A linter needs repeatable output: ${_RANDOM [MIN [MAX]]} reads as its minimum.
  add('_RANDOM', (_ref, params) => String(params[0] ?? 0), 2);
  add('_HASH', () => '#');
  add('_BANG', () => '!');
  return table;
}
