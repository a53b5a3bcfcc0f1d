// The keepalived keyword tables live in @cfglint/parser, whose package entry does not
// export them yet; until it does, rules reach them through this one file. When the
// parser exports `./keepalived/schema/index.js`, import from '@cfglint/parser' here.
export {
  availability,
  keepalivedSchema,
  keywordSpec,
  normalizeVersion,
  resolveBuild,
  ROOT_CONTEXT,
} from '../../../../parser/src/keepalived/schema/index.js';
export type { KaKeywordSpec } from '../../../../parser/src/keepalived/schema/index.js';
