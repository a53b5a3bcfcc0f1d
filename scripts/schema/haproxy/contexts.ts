import type { DocSection } from './doc-text.js';

/**
 * Which configuration context a documentation section describes. 'proxy' is the
 * 4.2 reference (its matrix says which proxy sections), 'bind' and 'server' the
 * option tables, 'crt-store-load' the options of the crt-store `load` line.
 */
export type DocContext =
  | 'global'
  | 'proxy'
  | 'bind'
  | 'server'
  | 'userlist'
  | 'peers'
  | 'mailers'
  | 'program'
  | 'http-errors'
  | 'ring'
  | 'log-forward'
  | 'resolvers'
  | 'cache'
  | 'fcgi-app'
  | 'crt-store'
  | 'crt-store-load'
  | 'traces'
  | 'acme'
  | 'log-profile';

const BY_TITLE: [RegExp, DocContext][] = [
  [/^userlists?$/i, 'userlist'],
  [/^peers( declaration)?$/i, 'peers'],
  [/^mailers$/i, 'mailers'],
  [/^programs( \(deprecated\))?$/i, 'program'],
  [/^http-errors$/i, 'http-errors'],
  [/^rings$/i, 'ring'],
  [/^log forwarding$/i, 'log-forward'],
  [/^alphabetically sorted keywords reference$/i, 'proxy'],
  [/^bind options$/i, 'bind'],
  [/^server and default-server options$/i, 'server'],
  [/^the resolvers section$/i, 'resolvers'],
  [/^cache section$/i, 'cache'],
  [/^fcgi-app section$/i, 'fcgi-app'],
  [/^certificate storage$/i, 'crt-store'],
  [/^load options$/i, 'crt-store-load'],
  [/^traces$/i, 'traces'],
  [/^acme$/i, 'acme'],
  [/^log profiles$/i, 'log-profile'],
  [/^(process management and security|performance tuning|debugging|httpclient tuning|ssl.*|global parameters)$/i, 'global'],
];

export function contextOf(section: DocSection): DocContext | undefined {
  for (const [re, ctx] of BY_TITLE) {
    if (!re.test(section.title)) continue;
    // "Traces" also names a filter (9.1); only the section of its own is a config section.
    if (ctx === 'traces' && !/^12\./.test(section.number)) return undefined;
    if (ctx === 'global' && !/^3(\.|$)/.test(section.number)) return undefined;
    return ctx;
  }
  return undefined;
}
