import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import type { TmGrammar } from '../src/syntaxes/grammar-types.js';

/** One token of a line: its text and its scopes, innermost last. */
export interface Token {
  text: string;
  scopes: string[];
}

let registry: textmate.Registry | undefined;

/** A TextMate registry on the Oniguruma WebAssembly build VS Code itself uses. */
async function getRegistry(grammars: TmGrammar[]): Promise<textmate.Registry> {
  if (registry) return registry;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const byScope = new Map(grammars.map((g) => [g.scopeName, g]));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => oniguruma.createOnigScanner(sources),
      createOnigString: (text) => oniguruma.createOnigString(text),
    }),
    // A round trip through JSON, as VS Code reads the generated .tmLanguage.json files.
    loadGrammar: async (scope) => {
      const grammar = byScope.get(scope);
      return grammar ? textmate.parseRawGrammar(JSON.stringify(grammar), `${scope}.json`) : null;
    },
  });
  return registry;
}

export interface Tokenizer {
  /** Tokens of each line of `text`, carrying state across lines as the editor does. */
  tokenize(text: string): Token[][];
}

export async function loadTokenizer(grammar: TmGrammar, all: TmGrammar[]): Promise<Tokenizer> {
  const reg = await getRegistry(all);
  const loaded = await reg.loadGrammar(grammar.scopeName);
  if (!loaded) throw new Error(`grammar ${grammar.scopeName} did not load`);
  return {
    tokenize(text) {
      let state = textmate.INITIAL;
      const lines = text.split(/\r?\n/);
      return lines.map((line) => {
        const result = loaded.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      });
    },
  };
}

/** The innermost scopes of every token whose text equals `text`, in order. */
export function scopesOf(lines: Token[][], text: string): string[] {
  return lines.flat().filter((t) => t.text === text).map((t) => t.scopes[t.scopes.length - 1]);
}
