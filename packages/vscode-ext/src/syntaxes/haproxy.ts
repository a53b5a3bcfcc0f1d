import { type TmGrammar, words } from './grammar-types.js';

/*
 * haproxy.cfg is line-oriented: a section keyword at the start of a line opens a section,
 * every other line is `keyword args…`, `#` outside quotes starts a comment, `"…"` allows
 * escapes and `${VAR}`, `'…'` is taken literally. Conditions follow `if` / `unless`.
 */

export const SECTION_KEYWORDS = [
  'global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'mailers', 'program',
  'http-errors', 'ring', 'cache', 'fcgi-app', 'crt-store', 'traces', 'log-forward', 'acme', 'namespace_list',
];

/** Keywords whose second word is part of the keyword (`timeout connect`, `option httplog`). */
const FAMILIES = [
  'option', 'timeout', 'stats', 'tcp-request', 'tcp-response', 'http-check', 'tcp-check', 'external-check',
  'compression', 'email-alert', 'stick', 'monitor', 'persist', 'rate-limit', 'declare', 'capture', 'hold',
];

/** Keywords whose second word is an action (`http-request deny`). */
const ACTION_RULES = ['http-request', 'http-response', 'http-after-response', 'quic-initial'];

/** Keywords whose first argument names a backend (or other proxy). */
const BACKEND_REFS = ['use_backend', 'default_backend'];

/** Keywords whose first argument defines a name. */
const NAME_DEFS = ['server', 'default-server', 'server-template', 'peer', 'nameserver', 'mailer', 'user', 'group', 'table'];

const CONSTANTS = [
  'http', 'tcp', 'log', 'roundrobin', 'static-rr', 'leastconn', 'first', 'source', 'uri', 'url_param', 'hdr',
  'random', 'rdp-cookie', 'hash', 'check', 'backup', 'disabled', 'enabled', 'ssl', 'verify', 'none', 'required',
  'optional', 'insert', 'indirect', 'nocache', 'prefix', 'rewrite', 'postonly', 'preserve', 'send-proxy',
  'send-proxy-v2', 'except', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
  'emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug',
];

const DURATION_OR_SIZE = String.raw`(?<![^\s,(])[+-]?\d+(?:\.\d+)?(?:us|ms|s|m|h|d|[kKmMgG])?(?=[\s,)]|$)`;

export const haproxyGrammar: TmGrammar = {
  name: 'haproxy',
  scopeName: 'source.haproxy',
  fileTypes: ['haproxy.cfg'],
  patterns: [
    { include: '#comment' },
    { include: '#preprocessor' },
    { include: '#section' },
    { include: '#directive' },
    { include: '#values' },
  ],
  repository: {
    comment: {
      match: String.raw`(?<!\\)(#).*$`,
      name: 'comment.line.number-sign.haproxy',
      captures: { '1': { name: 'punctuation.definition.comment.haproxy' } },
    },
    // .if/.elif/.else/.endif and the diagnostic directives.
    preprocessor: {
      begin: String.raw`^\s*(\.(?:if|elif|else|endif|diag|notice|warning|alert))(?=\s|$)`,
      beginCaptures: { '1': { name: 'keyword.control.directive.conditional.haproxy' } },
      end: '$',
      name: 'meta.preprocessor.haproxy',
      patterns: [
        { include: '#comment' },
        { match: String.raw`\b([a-z_][\w]*)(?=\()`, name: 'support.function.predicate.haproxy' },
        { match: String.raw`&&|\|\||!`, name: 'keyword.operator.logical.haproxy' },
        { include: '#values' },
      ],
    },
    section: {
      match: String.raw`^\s*(${words(SECTION_KEYWORDS)})(?:\s+([^\s#]+))?(?:\s+(from)\s+([^\s#]+))?(?=\s|$)`,
      captures: {
        '1': { name: 'storage.type.section.haproxy' },
        '2': { patterns: [{ include: '#address' }, { match: String.raw`.+`, name: 'entity.name.section.haproxy' }] },
        '3': { name: 'keyword.other.from.haproxy' },
        '4': { name: 'entity.name.section.haproxy' },
      },
    },
    directive: {
      patterns: [
        {
          match: String.raw`^\s*(acl)\s+([^\s#]+)(?:\s+([a-z][\w.]*)(?=[\s(,]|$))?`,
          captures: {
            '1': { name: 'keyword.other.directive.haproxy' },
            '2': { name: 'variable.other.acl.haproxy' },
            '3': { name: 'support.function.fetch.haproxy' },
          },
        },
        {
          match: String.raw`^\s*(${words(BACKEND_REFS)})\s+([^\s#%]+)?`,
          captures: { '1': { name: 'keyword.other.directive.haproxy' }, '2': { name: 'entity.name.backend.haproxy' } },
        },
        {
          match: String.raw`^\s*(${words(NAME_DEFS)})\s+([^\s#]+)`,
          captures: { '1': { name: 'keyword.other.directive.haproxy' }, '2': { name: 'entity.name.server.haproxy' } },
        },
        {
          match: String.raw`^\s*(?:(no|default)\s+)?(${words(ACTION_RULES)})(?:\s+([a-z][\w.-]*))?`,
          captures: {
            '1': { name: 'keyword.other.modifier.haproxy' },
            '2': { name: 'keyword.other.directive.haproxy' },
            '3': { name: 'support.function.action.haproxy' },
          },
        },
        {
          match: String.raw`^\s*(?:(no|default)\s+)?(${words(FAMILIES)})(?:\s+([a-z][\w.-]*))?`,
          captures: {
            '1': { name: 'keyword.other.modifier.haproxy' },
            '2': { name: 'keyword.other.directive.haproxy' },
            '3': { name: 'keyword.other.directive.haproxy' },
          },
        },
        {
          match: String.raw`^\s*(?:(no|default)\s+)?([a-z][\w.-]*)(?=\s|$)`,
          captures: { '1': { name: 'keyword.other.modifier.haproxy' }, '2': { name: 'keyword.other.directive.haproxy' } },
        },
      ],
    },
    values: {
      patterns: [
        { include: '#comment' },
        { include: '#string-double' },
        { include: '#string-single' },
        { include: '#sample' },
        { include: '#anonymous-acl' },
        { include: '#condition' },
        { include: '#address' },
        { match: DURATION_OR_SIZE, name: 'constant.numeric.haproxy' },
        { match: String.raw`(?<![^\s])-[a-z][\w-]*(?=\s|$)`, name: 'constant.language.flag.haproxy' },
        { match: String.raw`(?<![^\s])${words(CONSTANTS)}(?=\s|$)`, name: 'constant.language.haproxy' },
        { include: '#env' },
        { match: String.raw`\b([a-z][\w.]*)(?=\()`, name: 'support.function.fetch.haproxy' },
      ],
    },
    condition: {
      patterns: [
        { match: String.raw`(?<![^\s])(if|unless)(?=\s|$)`, name: 'keyword.control.conditional.haproxy' },
        { match: String.raw`(?<![^\s])(or|\|\|)(?=\s|$)`, name: 'keyword.operator.logical.haproxy' },
        { match: String.raw`(?<![^\s])!(?=\S)`, name: 'keyword.operator.negation.haproxy' },
      ],
    },
    'anonymous-acl': {
      begin: String.raw`(?<![^\s!])\{(?=\s)`,
      end: String.raw`(?<=\s)\}|$`,
      beginCaptures: { '0': { name: 'punctuation.section.braces.begin.haproxy' } },
      endCaptures: { '0': { name: 'punctuation.section.braces.end.haproxy' } },
      name: 'meta.acl.anonymous.haproxy',
      patterns: [
        { match: String.raw`(?<=\{)\s*([a-z][\w.]*)(?=[\s(,]|$)`, captures: { '1': { name: 'support.function.fetch.haproxy' } } },
        { include: '#values' },
      ],
    },
    // %[fetch,converter(args)] in log formats and header values; %ci-style aliases.
    sample: {
      patterns: [
        {
          begin: String.raw`%\[`,
          end: String.raw`\]|$`,
          beginCaptures: { '0': { name: 'punctuation.section.embedded.begin.haproxy' } },
          endCaptures: { '0': { name: 'punctuation.section.embedded.end.haproxy' } },
          name: 'meta.embedded.sample.haproxy',
          patterns: [
            { match: String.raw`(?:(?<=\[)|(?<=,))([a-z][\w.]*)`, captures: { '1': { name: 'support.function.fetch.haproxy' } } },
            { include: '#env' },
          ],
        },
        { match: String.raw`%(?:\{[^}]*\})?(?:[A-Za-z]{1,4}|%)`, name: 'constant.other.placeholder.haproxy' },
      ],
    },
    'string-double': {
      begin: '"',
      end: '"|$',
      name: 'string.quoted.double.haproxy',
      beginCaptures: { '0': { name: 'punctuation.definition.string.begin.haproxy' } },
      endCaptures: { '0': { name: 'punctuation.definition.string.end.haproxy' } },
      patterns: [
        { match: String.raw`\\.`, name: 'constant.character.escape.haproxy' },
        { include: '#env' },
        { include: '#sample' },
      ],
    },
    'string-single': {
      begin: "'",
      end: "'|$",
      name: 'string.quoted.single.haproxy',
      beginCaptures: { '0': { name: 'punctuation.definition.string.begin.haproxy' } },
      endCaptures: { '0': { name: 'punctuation.definition.string.end.haproxy' } },
    },
    env: {
      match: String.raw`\$\{[A-Za-z_][\w]*(?:\[[^\]]*\])?\}|\$[A-Za-z_]\w*`,
      name: 'variable.other.environment.haproxy',
    },
    address: {
      match: String.raw`(?<![^\s,])(?:((?:ipv4|ipv6|unix|abns|abnsz|fd|sockpair|udp|udp4|udp6|quic4|quic6|tcp|tcp4|tcp6|rhttp)@))?(\*|\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|\[?[0-9a-fA-F]*:[0-9a-fA-F:.]*:[0-9a-fA-F.]*\]?(?:/\d{1,3})?|[A-Za-z][\w.-]*(?=:\d))?(?::(\d+(?:-\d+)?|\+?\d+))?(?=[\s,]|$)(?<=[\d*\]])`,
      captures: {
        '1': { name: 'storage.modifier.address-family.haproxy' },
        '2': { name: 'constant.numeric.ip-address.haproxy' },
        '3': { name: 'constant.numeric.port.haproxy' },
      },
    },
  },
};
