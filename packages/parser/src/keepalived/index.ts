export { parseKeepalived } from './parse.js';
export type { KeepalivedParseResult } from './parse.js';
export { reprintKeepalived, keepalivedLeaves } from './reprint.js';
export type { KaLeaf } from './reprint.js';
export { MAX_BLOCK_DEPTH } from './grammar.js';
export { traverseKeepalived, keepalivedNodes, keepalivedVisitorKeys } from '../ast/traverse.js';
export type { KeepalivedVisitor } from '../ast/traverse.js';
