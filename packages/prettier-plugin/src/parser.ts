import type { Parser } from 'prettier';
import { parseForFormat } from './engine/parse.js';
import type { FormatAst } from './engine/parse.js';
import type { Language } from './engine/options.js';

function makeParser(language: Language): Parser<FormatAst> {
  return {
    astFormat: language,
    // Throws FormatSyntaxError (with `loc`) on the first syntax error: Prettier reports it and writes nothing.
    parse: (text, options) => parseForFormat(text, language, options.filepath ?? '<input>'),
    locStart: (node) => node.start,
    locEnd: (node) => node.end,
  };
}

export const parsers = {
  keepalived: makeParser('keepalived'),
  haproxy: makeParser('haproxy'),
};
