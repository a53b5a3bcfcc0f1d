/**
 * INTERIM: a small reader for keepalived.conf's block structure (words, quotes, comments,
 * braces), used until the @cfglint/parser model is available. Only load-keepalived-facts.ts
 * may import it. It does not expand include, $VARIABLES or @conditions.
 */
export interface Statement {
  keyword: string;
  args: string[];
  /** 1-based. */
  line: number;
  children?: Statement[];
}

export interface ReadResult {
  statements: Statement[];
  problems: Array<{ line: number; message: string }>;
}

export function readBlocks(text: string): ReadResult {
  const problems: ReadResult['problems'] = [];
  const root: Statement[] = [];
  const stack: Statement[][] = [root];
  let line = 1;
  let words: string[] = [];
  let wordsLine = 1;
  const flush = () => {
    if (words.length > 0) stack[stack.length - 1].push({ keyword: words[0], args: words.slice(1), line: wordsLine });
    words = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      flush();
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || c === '!') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{') {
      const block: Statement = { keyword: words[0] ?? '', args: words.slice(1), line: words.length ? wordsLine : line, children: [] };
      if (words.length === 0) problems.push({ line, message: "'{' without a keyword" });
      words = [];
      stack[stack.length - 1].push(block);
      stack.push(block.children!);
      i++;
    } else if (c === '}') {
      flush();
      if (stack.length > 1) stack.pop();
      else problems.push({ line, message: "unmatched '}'" });
      i++;
    } else {
      if (words.length === 0) wordsLine = line;
      let word = '';
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n') word += text[i++];
        if (text[i] === '"') i++;
        else problems.push({ line, message: 'unterminated quoted string' });
      } else {
        while (i < text.length && !/[\s{}]/.test(text[i])) word += text[i++];
      }
      words.push(word);
    }
  }
  flush();
  if (stack.length > 1) problems.push({ line, message: "missing '}' at end of file" });
  return { statements: root, problems };
}
