import type { Word } from '../ast/common.js';

/** Values for HAProxy's pseudo-variables `.FILE`, `.LINE`, `.SECTION`. */
export interface PseudoVariables {
  file?: string;
  line?: number;
  section?: string;
}

/**
 * The words HAProxy makes of one written word once `"$NAME"`, `"${NAME}"`,
 * `"${NAME-default}"` and `"${NAME[*]}"` are expanded with `env` (unset names
 * expand to nothing; `[*]` splits the value on blanks into several words).
 * Words without variables return `[word.value]`.
 */
export function expandWord(word: Word, env: Readonly<Record<string, string | undefined>>, pseudo: PseudoVariables = {}): string[] {
  if (!word.hasVariable) return [word.value];
  const s = word.text;
  const out: string[] = [];
  let cur = '';
  // Whether a word is open; empty quotes open one (`""` is an empty word), `[*]` does not.
  let inWord = false;
  let emptyQuote = false;
  let sq = false;
  let dq = false;
  let i = 0;
  const emit = (text: string) => {
    cur += text;
    inWord = true;
    emptyQuote = false;
  };
  const flush = () => {
    if (inWord) out.push(cur);
    cur = '';
    inWord = false;
  };
  const quote = (open: boolean) => {
    if (open) emptyQuote = true;
    else if (emptyQuote) inWord = true;
  };
  while (i < s.length) {
    const c = s[i];
    if (sq) {
      if (c === "'") {
        sq = false;
        quote(false);
      } else emit(c);
      i++;
      continue;
    }
    if (c === "'" && !dq) {
      sq = true;
      quote(true);
      i++;
    } else if (c === '"') {
      dq = !dq;
      quote(dq);
      i++;
    } else if (c === '\\') {
      const n = s[i + 1];
      if (n === ' ' || n === '\\' || n === '#' || n === "'" || n === '"') {
        emit(n);
        i += 2;
      } else if (n === 't' || n === 'n' || n === 'r') {
        emit(n === 't' ? '\t' : n === 'n' ? '\n' : '\r');
        i += 2;
      } else if (n === '$' && dq) {
        emit('$');
        i += 2;
      } else if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
        emit(String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 4), 16)));
        i += 4;
      } else {
        emit('\\');
        i++;
      }
    } else if (c === '$' && dq) {
      const m = /^\$(\{)?(\.?[A-Za-z_][A-Za-z0-9_]*)(\[\*\])?/.exec(s.slice(i));
      if (!m || (m[3] && !m[1])) {
        emit(c);
        i++;
        continue;
      }
      let j = i + m[0].length;
      let fallback: string | undefined;
      if (m[1]) {
        if (s[j] === '-') {
          const close = s.indexOf('}', j);
          if (close < 0) {
            emit(c);
            i++;
            continue;
          }
          fallback = s.slice(j + 1, close);
          j = close;
        }
        if (s[j] !== '}') {
          emit(c);
          i++;
          continue;
        }
        j++;
      }
      const name = m[2];
      let value: string | undefined;
      if (name === '.FILE') value = pseudo.file;
      else if (name === '.LINE') value = pseudo.line === undefined ? undefined : String(pseudo.line);
      else if (name === '.SECTION') value = pseudo.section;
      else value = env[name];
      if (value === undefined) value = fallback;
      if (m[3]) {
        // `[*]`: blanks in the value separate words; an empty value adds none.
        emptyQuote = false;
        const parts = (value ?? '').split(/[ \t\n\v\f\r]+/);
        parts.forEach((part, k) => {
          if (k > 0) flush();
          if (part.length > 0) emit(part);
        });
      } else if (value) emit(value);
      else inWord = true;
      i = j;
    } else {
      emit(c);
      i++;
    }
  }
  flush();
  return out;
}

/** The word's value with variables expanded (several `[*]` words joined by a space). */
export function expandWordValue(word: Word, env: Readonly<Record<string, string | undefined>>, pseudo?: PseudoVariables): string {
  return word.hasVariable ? expandWord(word, env, pseudo).join(' ') : word.value;
}
