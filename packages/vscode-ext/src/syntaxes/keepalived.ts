import { type TmGrammar, words } from './grammar-types.js';

/*
 * keepalived.conf as keepalived 2.x reads it: `#` and `!` start a comment anywhere outside
 * double quotes, every `{` and `}` is a token of its own, and a statement starts at a line
 * start or right after a brace. Keywords are not listed one by one (the schema has them);
 * the grammar only knows which blocks carry a name and which hold lists of entries.
 */

/** Blocks whose first argument is a name that other places refer to. */
const NAMED_BLOCKS = [
  'vrrp_instance', 'vrrp_sync_group', 'vrrp_script', 'virtual_server_group', 'track_file', 'vrrp_track_file',
  'track_process', 'vrrp_track_process', 'bfd_instance', 'garp_group', 'track_bfd_instance',
];

/** Blocks whose lines are entries (addresses, names, routes), not keywords. */
const LIST_BLOCKS = [
  'virtual_ipaddress', 'virtual_ipaddress_excluded', 'virtual_routes', 'virtual_rules', 'static_ipaddress',
  'static_routes', 'static_rules', 'track_interface', 'track_script', 'track_file', 'track_process', 'track_bfd',
  'notification_email', 'group', 'unicast_peer', 'linkbeat_interfaces', 'interfaces', 'vrrp_track_process',
];

/** Option words inside address and route entries. */
const ENTRY_OPTIONS = [
  'dev', 'scope', 'label', 'brd', 'broadcast', 'src', 'to', 'from', 'via', 'gw', 'or', 'table', 'metric', 'weight',
  'no_track', 'preferred_lft', 'protocol', 'realms', 'onlink', 'peer', 'home', '-nodad', 'nodad', 'noprefixroute',
  'autojoinprefix', 'blackhole', 'unreachable', 'prohibit', 'throw', 'src_ip', 'reverse', 'priority', 'preference',
  'fwmark', 'not', 'iif', 'oif', 'tos', 'dsfield', 'goto', 'no_default', 'mtu', 'advmss', 'rtt', 'rttvar',
];

const CONSTANTS = [
  'MASTER', 'BACKUP', 'PASS', 'AH', 'DR', 'NAT', 'TUN', 'TCP', 'UDP', 'SCTP', 'rr', 'wrr', 'lc', 'wlc', 'lblc',
  'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh', 'true', 'false', 'on', 'off', 'yes', 'no', 'inhibit',
];

/** Where a statement may start, an optional `@host` condition and `~SEQ(…)`/`~LST(…)` repeats. */
const STATEMENT_START = String.raw`(?:^|(?<=[{}]))\s*(?:(@\^?[^\s{}#!"]+)\s+)?((?:~(?:SEQx?|LST)\([^)]*\)\s*)*)`;
const END_OF_WORD = String.raw`(?=[\s{}#!]|$)`;

const prefixCaptures = {
  '1': { name: 'keyword.control.conditional.host.keepalived' },
  '2': { name: 'support.function.repeat.keepalived' },
};

export const keepalivedGrammar: TmGrammar = {
  name: 'keepalived',
  scopeName: 'source.keepalived',
  fileTypes: ['keepalived.conf'],
  patterns: [{ include: '#statements' }],
  repository: {
    statements: {
      patterns: [
        { include: '#comment' },
        { include: '#definition' },
        { include: '#include' },
        { include: '#list-block' },
        { include: '#named-block' },
        { include: '#server-block' },
        { include: '#block-keyword' },
        { include: '#keyword' },
        { include: '#values' },
        { include: '#braces' },
      ],
    },
    comment: {
      match: String.raw`(?<!\\)([#!]).*$`,
      name: 'comment.line.keepalived',
      captures: { '1': { name: 'punctuation.definition.comment.keepalived' } },
    },
    braces: {
      patterns: [
        { match: String.raw`\{`, name: 'punctuation.section.block.begin.keepalived' },
        { match: String.raw`\}`, name: 'punctuation.section.block.end.keepalived' },
      ],
    },
    // `$NAME=value`; a line ending in `\` continues the value on the next line.
    definition: {
      begin: String.raw`^\s*(?:(@\^?[^\s{}#!"]+)\s+)?(\$[A-Za-z_]\w*)(=)`,
      beginCaptures: {
        '1': { name: 'keyword.control.conditional.host.keepalived' },
        '2': { name: 'variable.other.definition.keepalived' },
        '3': { name: 'keyword.operator.assignment.keepalived' },
      },
      // vscode-textmate matches against the line plus '\n': never end right after that newline either.
      end: String.raw`(?<![\\\n])$`,
      name: 'meta.definition.keepalived',
      patterns: [
        { include: '#comment' },
        { match: String.raw`\\$`, name: 'constant.character.escape.line-continuation.keepalived' },
        { include: '#values' },
        { include: '#braces' },
      ],
    },
    include: {
      match: String.raw`${STATEMENT_START}(include)\s+([^\s#!]+)`,
      captures: {
        ...prefixCaptures,
        '3': { name: 'keyword.control.import.keepalived' },
        '4': { name: 'string.unquoted.path.keepalived' },
      },
    },
    'named-block': {
      match: String.raw`${STATEMENT_START}(${words(NAMED_BLOCKS)})(?:\s+([^\s{}#!"]+))?${END_OF_WORD}`,
      captures: {
        ...prefixCaptures,
        '3': { name: 'storage.type.block.keepalived' },
        '4': { name: 'entity.name.type.keepalived' },
      },
    },
    // virtual_server IP PORT | fwmark N | group NAME, and real_server / sorry_server IP PORT.
    'server-block': {
      match: String.raw`${STATEMENT_START}(virtual_server|real_server)(?:\s+(?:(group)\s+([^\s{}#!"]+)|(fwmark)\b))?${END_OF_WORD}`,
      captures: {
        ...prefixCaptures,
        '3': { name: 'storage.type.block.keepalived' },
        '4': { name: 'keyword.other.option.keepalived' },
        '5': { name: 'entity.name.type.keepalived' },
        '6': { name: 'keyword.other.option.keepalived' },
      },
    },
    // A block of entries: the first word of each line is an entry (an address, a script name), not a keyword.
    'list-block': {
      begin: String.raw`${STATEMENT_START}(${words(LIST_BLOCKS)})\s*(\{)`,
      beginCaptures: {
        ...prefixCaptures,
        '3': { name: 'storage.type.block.keepalived' },
        '4': { name: 'punctuation.section.block.begin.keepalived' },
      },
      end: String.raw`\}`,
      endCaptures: { '0': { name: 'punctuation.section.block.end.keepalived' } },
      name: 'meta.block.list.keepalived',
      patterns: [
        { include: '#comment' },
        { include: '#string' },
        {
          match: String.raw`(?:^|(?<=\{))\s*(?:(@\^?[^\s{}#!"]+)\s+)?(?![\d\[]|[0-9a-fA-F]*:|${words(ENTRY_OPTIONS)}${END_OF_WORD})([^\s{}#!"]+)`,
          captures: {
            '1': { name: 'keyword.control.conditional.host.keepalived' },
            '2': { name: 'variable.other.entry.keepalived' },
          },
        },
        { match: String.raw`(?<![^\s])${words(ENTRY_OPTIONS)}${END_OF_WORD}`, name: 'keyword.other.option.keepalived' },
        { include: '#values' },
        { match: String.raw`\{`, name: 'punctuation.section.block.begin.keepalived' },
      ],
    },
    // Any other keyword that opens a block on its own line (`authentication {`, `TCP_CHECK {`).
    'block-keyword': {
      match: String.raw`${STATEMENT_START}([A-Za-z_][\w-]*)(?=[^{}#!"]*\{)`,
      captures: { ...prefixCaptures, '3': { name: 'storage.type.block.keepalived' } },
    },
    keyword: {
      match: String.raw`${STATEMENT_START}([A-Za-z_][\w-]*)${END_OF_WORD}`,
      captures: { ...prefixCaptures, '3': { name: 'keyword.other.directive.keepalived' } },
    },
    values: {
      patterns: [
        { include: '#string' },
        { include: '#variable' },
        { include: '#address' },
        { match: String.raw`(?<![^\s{}=])-?\d+(?:\.\d+)?${END_OF_WORD}`, name: 'constant.numeric.keepalived' },
        { match: String.raw`(?<![^\s{}=])${words(CONSTANTS)}${END_OF_WORD}`, name: 'constant.language.keepalived' },
        { match: String.raw`(?<![^\s{}=])/[^\s{}#!"]*`, name: 'string.unquoted.path.keepalived' },
      ],
    },
    string: {
      begin: '"',
      end: '"|$',
      name: 'string.quoted.double.keepalived',
      beginCaptures: { '0': { name: 'punctuation.definition.string.begin.keepalived' } },
      endCaptures: { '0': { name: 'punctuation.definition.string.end.keepalived' } },
      patterns: [{ match: String.raw`\\.`, name: 'constant.character.escape.keepalived' }, { include: '#variable' }],
    },
    variable: {
      match: String.raw`\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)`,
      name: 'variable.other.keepalived',
    },
    address: {
      patterns: [
        {
          // IPv4 with an optional prefix length or last-octet range (192.168.1.10-20).
          match: String.raw`(?<![^\s{}=])\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2}|-\d{1,3})?${END_OF_WORD}`,
          name: 'constant.numeric.ip-address.keepalived',
        },
        {
          match: String.raw`(?<![^\s{}=])(?=[0-9a-fA-F]*:)[0-9a-fA-F:]*:[0-9a-fA-F:.]*(?:/\d{1,3})?${END_OF_WORD}`,
          name: 'constant.numeric.ip-address.keepalived',
        },
      ],
    },
  },
};
