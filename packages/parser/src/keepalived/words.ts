/**
 * keepalived's second word splitter, used for script command lines (`notify_master`,
 * `script`, `misc_path`, …): blanks separate words, `"` and `'` quote (the quotes go,
 * the blanks inside stay, and quoted parts join the surrounding text), and backslash
 * escapes as in the shell (\n, \t, \xHH, \NNN octal, \cC, \C).
 * Returns undefined for an unterminated quote or a trailing `\`, as keepalived rejects them.
 */
export function splitCommandLine(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let word = '';
    let quote = '';
    while (i < n) {
      const c = text[i];
      if (c === '\\') {
        i++;
        if (i >= n) return undefined;
        const e = text[i];
        if (e === 'x' && i + 1 < n && /[0-9a-fA-F]/.test(text[i + 1])) {
          let j = i + 1;
          let v = 0;
          while (j < n && /[0-9a-fA-F]/.test(text[j])) v = ((v << 4) | parseInt(text[j++], 16)) & 0xff;
          word += String.fromCharCode(v);
          i = j;
        } else if (e === 'c' && i + 1 < n) {
          word += String.fromCharCode(text.charCodeAt(i + 1) & 0x1f);
          i += 2;
        } else if (e >= '0' && e <= '7') {
          let j = i;
          let v = 0;
          while (j < n && j < i + 3 && text[j] >= '0' && text[j] <= '7') v = v * 8 + (text.charCodeAt(j++) - 48);
          word += String.fromCharCode(v & 0xff);
          i = j;
        } else {
          word += ESCAPES[e] ?? e;
          i++;
        }
        continue;
      }
      if (quote) {
        if (c === quote) quote = '';
        else word += c;
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        i++;
        continue;
      }
      if (isBlank(text.charCodeAt(i))) break;
      word += c;
      i++;
    }
    if (quote) return undefined;
    words.push(word);
  }
  return words;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
}
