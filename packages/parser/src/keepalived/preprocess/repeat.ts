/**
 * `~SEQ(var, start, step, end)`, `~SEQx(…)` and `~LST(var, v1, v2…)` /
 * `~LST({a, b}, {1, 2}, {3, 4})` as keepalived 2.x reads them: the rest of the line is
 * processed once per value (set), with the variables defined as definitions.
 */
export interface RepeatSpec {
  kind: 'SEQ' | 'LST';
  /** One entry per repetition: the variable values to set. */
  iterations: [name: string, value: string][][];
  /** Offset in the line where the repeated text starts. */
  textStart: number;
}

export interface RepeatError {
  error: string;
}

/** keepalived refuses nothing here, but a linter must stay bounded. */
export const MAX_REPETITIONS = 100_000;

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/** C strtol(…, 0): decimal, 0x hex or leading-0 octal, with sign; returns [value, end]. */
function strtol(s: string, i: number): [number, number] {
  i = skipBlanks(s, i);
  const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i));
  if (!m) return [0, i];
  const text = m[0];
  const negative = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body, 8);
  else value = parseInt(body, 10);
  return [negative ? -value : value, i + text.length];
}

/**
 * Parses a `~SEQ…(…)` at the start of `line`. `expandParams` applies definitions to the
 * parameter text (keepalived allows `~SEQ(i, $FIRST, $LAST)`).
 */
export function parseSeq(line: string, expandParams: (text: string) => string): RepeatSpec | RepeatError {
  let p = 4;
  let hex = false;
  if (line[p] === 'x') {
    hex = true;
    p++;
  }
  p = skipBlanks(line, p);
  if (line[p] !== '(') return { error: "expected '(' after ~SEQ" };
  p = skipBlanks(line, p + 1);
  const varStart = p;
  while (p < line.length && !' \t,)'.includes(line[p])) p++;
  const name = line.slice(varStart, p);
  p = skipBlanks(line, p);
  if (p >= line.length || line[p] === ')' || !name) return { error: 'missing variable or values' };
  p = skipBlanks(line, p + 1);
  const close = line.indexOf(')', p);
  if (close < 0) return { error: "missing ')'" };
  const params = expandParams(line.slice(p, close + 1));
  let start: number;
  let step: number;
  let end: number;
  let [one, q] = strtol(params, 0);
  q = skipBlanks(params, q);
  if (params[q] === ')') {
    end = one;
    step = end < 1 ? -1 : 1;
    start = end < 0 ? -1 : 1;
  } else {
    if (params[q] !== ',') return { error: 'values must be numbers separated by commas' };
    const [two, q2] = strtol(params, q + 1);
    q = skipBlanks(params, q2);
    if (params[q] === ')') {
      start = one;
      end = two;
      step = start <= end ? 1 : -1;
    } else {
      if (params[q] !== ',') return { error: 'values must be numbers separated by commas' };
      const [three, q3] = strtol(params, q + 1);
      q = skipBlanks(params, q3);
      if (params[q] !== ')') return { error: 'at most three values (start, step, end)' };
      start = one;
      step = two;
      end = three;
      if (!step || (start < end && step < 0) || (start > end && step > 0)) return { error: 'the step never reaches the end value' };
    }
  }
  if (hex && (start < 0 || end < 0)) return { error: '~SEQx takes positive numbers only' };
  const iterations: RepeatSpec['iterations'] = [];
  for (let v = start; ; v += step) {
    iterations.push([[name, hex ? v.toString(16) : String(v)]]);
    if (iterations.length > MAX_REPETITIONS) return { error: `more than ${MAX_REPETITIONS} repetitions` };
    const next = v + step;
    if ((step > 0 && next > end) || (step < 0 && next < end)) break;
  }
  return { kind: 'SEQ', iterations, textStart: skipBlanks(line, close + 1) };
}

/** Parses a `~LST(…)` at the start of `line`. */
export function parseLst(line: string): RepeatSpec | RepeatError {
  let p = skipBlanks(line, 4);
  if (line[p] !== '(') return { error: "expected '(' after ~LST" };
  p = skipBlanks(line, p + 1);
  const names: string[] = [];
  let endChar = ',';
  if (line[p] === '{') {
    endChar = '}';
    p = skipBlanks(line, p + 1);
  }
  for (;;) {
    const s = p;
    while (p < line.length && !' \t,}'.includes(line[p])) p++;
    names.push(line.slice(s, p));
    p = skipBlanks(line, p);
    if (line[p] === endChar) break;
    if (line[p] === ')') return { error: 'no values to repeat with' };
    if (line[p] !== ',') return { error: 'variable names must be separated by commas' };
    p = skipBlanks(line, p + 1);
  }
  if (line[p] === '}') p = skipBlanks(line, p + 1);
  if (line[p] !== ',') return { error: 'expected values after the variable names' };
  p = skipBlanks(line, p + 1);
  const iterations: RepeatSpec['iterations'] = [];
  for (;;) {
    let setEnd = ',';
    if (line[p] === '{') {
      setEnd = '}';
      p = skipBlanks(line, p + 1);
    }
    const values: string[] = [];
    for (;;) {
      const s = p;
      while (p < line.length && !' \t,})'.includes(line[p])) p++;
      values.push(line.slice(s, p));
      p = skipBlanks(line, p);
      if (line[p] === setEnd || (line[p] === ')' && setEnd === ',')) break;
      if (line[p] !== ',') return { error: 'values must be separated by commas' };
      p = skipBlanks(line, p + 1);
      if (values.length >= names.length) return { error: 'a value set has more values than there are variables' };
    }
    if (values.length > names.length) return { error: 'a value set has more values than there are variables' };
    while (values.length < names.length) values.push('');
    iterations.push(names.map((n, i) => [n, values[i]] as [string, string]));
    if (iterations.length > MAX_REPETITIONS) return { error: `more than ${MAX_REPETITIONS} repetitions` };
    if (line[p] === '}' && setEnd === '}') p = skipBlanks(line, p + 1);
    if (line[p] === ')') break;
    if (line[p] !== ',') return { error: "value sets must be separated by commas and end with ')'" };
    p = skipBlanks(line, p + 1);
    if (p >= line.length) return { error: "missing ')'" };
  }
  if (!names.length || !iterations.length) return { error: 'no variables or no values' };
  return { kind: 'LST', iterations, textStart: skipBlanks(line, p + 1) };
}
