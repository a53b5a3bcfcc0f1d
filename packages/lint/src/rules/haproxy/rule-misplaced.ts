import { PREDEFINED_ACLS, type HaProxyLike, type HaSetting, type HaStatement } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import type { Edit } from '../../engine/span.js';
import { keywordSpan, lineEnd, lineStart } from './locate.js';

/**
 * For each kind of rule, the kinds HAProxy evaluates after it whatever the order of the
 * lines: written before it, they leave it misplaced. These are the pairs HAProxy's own
 * parser warns about (cfgparse-listen.c; tcp-response content after http-response since 3.1,
 * the ordering itself holds in every version).
 */
const REQUEST_ORDER = ['quic-initial', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'monitor fail', 'http-request', 'redirect'];
const ROUTING = ['use_backend', 'use-server'];
const LATER = new Map<string, string[]>([
  ...REQUEST_ORDER.map((k, i) => [k, [...REQUEST_ORDER.slice(i + 1), ...ROUTING]] as [string, string[]]),
  ['tcp-response content', ['http-response']],
]);

interface Placed {
  setting: HaSetting;
  /** The earliest line before it that HAProxy evaluates after it. */
  before: HaSetting;
}

/** Lines HAProxy evaluates before a line written earlier, with that earlier line. */
function misplacedLines(section: HaProxyLike): Placed[] {
  const out: Placed[] = [];
  const first = new Map<string, { setting: HaSetting; index: number }>();
  section.settings.forEach((setting, index) => {
    if (setting.undecided) return;
    const later = LATER.get(setting.keyword);
    if (later) {
      let before: { setting: HaSetting; index: number } | undefined;
      for (const kind of later) {
        const seen = first.get(kind);
        if (seen && (!before || seen.index < before.index)) before = seen;
      }
      if (before) out.push({ setting, before: before.setting });
    }
    if ((later || ROUTING.includes(setting.keyword) || setting.keyword === 'http-response') && !first.has(setting.keyword)) first.set(setting.keyword, { setting, index });
  });
  return out;
}

/**
 * The lines a statement occupies, with the comment lines right above it (they describe it)
 * and, with `withBlanks`, the blank lines that separate it from what comes before.
 */
function block(body: HaStatement[], i: number, text: string, withBlanks = false): { start: number; end: number } {
  let first = i;
  while (first > 0 && body[first - 1].kind === 'CommentStatement' && body[first].blankLinesBefore === 0) first--;
  let start = lineStart(text, body[first].start);
  for (let n = withBlanks ? body[first].blankLinesBefore : 0; n > 0 && start > 0; n--) start = lineStart(text, start - 1);
  const { end } = lineEnd(text, body[i].end);
  return { start, end: text[end] === '\r' ? end + 2 : Math.min(text.length, end + 1) };
}

/** Where each ACL of the section is first declared (HAProxy needs a declaration before any use). */
function firstDeclarations(section: HaProxyLike): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of section.settings) {
    if (s.keyword !== 'acl' || s.fileName !== section.fileName || !s.args[0]) continue;
    if (!out.has(s.values[0])) out.set(s.values[0], s.node.start);
  }
  return out;
}

/** Whether every ACL the line's condition names is declared before `offset`. */
function aclsDeclaredBefore(setting: HaSetting, declared: Map<string, number>, offset: number): boolean {
  const words = setting.node.words;
  let inCondition = false;
  let depth = 0;
  for (let i = setting.node.keywordLength; i < words.length; i++) {
    const v = words[i].value;
    if (!inCondition) {
      inCondition = v === 'if' || v === 'unless';
      continue;
    }
    if (v === '{') depth++;
    else if (v === '}') depth--;
    else if (depth === 0 && v !== '!' && v !== '||' && v !== 'or') {
      const name = v.replace(/^!+/, '');
      if (name && !PREDEFINED_ACLS.has(name) && !((declared.get(name) ?? Infinity) < offset)) return false;
    }
  }
  return true;
}

/**
 * Moves every misplaced line that shares `target` to just before it (with the comments
 * above each), keeping their written order. HAProxy evaluates them there anyway, so the
 * move changes nothing at run time. Lines inside `.if` blocks or other files, and lines
 * whose ACLs would then be used before they are declared, stay where they are.
 */
function moveBefore(section: HaProxyLike, target: HaSetting, lines: HaSetting[], text: string): { edits: Edit[]; moved: Set<HaSetting> } | undefined {
  const body = section.node.body;
  const position = new Map<HaStatement, number>();
  body.forEach((st, i) => position.set(st, i));
  const targetAt = position.get(target.node);
  if (targetAt === undefined || target.fileName !== section.fileName) return undefined;
  const to = block(body, targetAt, text).start;
  const declared = firstDeclarations(section);
  const movable = lines.filter((l) => l.fileName === section.fileName && position.has(l.node) && aclsDeclaredBefore(l, declared, to));
  if (movable.length === 0) return undefined;
  const fileName = section.fileName;
  // Blank lines travel with the blocks they separate, except before the first one, which stay.
  const blocks = movable.map((l, k) => block(body, position.get(l.node)!, text, k > 0));
  const moved = blocks.map((b) => text.slice(b.start, b.end)).join('');
  const withBreak = moved.endsWith('\n') ? moved : `${moved}${text.includes('\r\n') ? '\r\n' : '\n'}`;
  return {
    edits: [{ fileName, start: to, end: to, text: withBreak }, ...blocks.map((b) => ({ fileName, start: b.start, end: b.end, text: '' }))],
    moved: new Set(movable),
  };
}

export default haproxyRule({
  id: 'haproxy/rule-misplaced',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: "A rule written after one that HAProxy evaluates later (http-request after use_backend…): it runs first anyway; --fix moves it up",
    fixable: true,
  },
  messages: {
    misplaced:
      "this '{{kind}}' rule is written after a '{{later}}' rule but runs before it: HAProxy evaluates every '{{kind}}' rule before any '{{later}}' rule, whatever their order in the file",
  },
  defaultOptions: {},
  check({ model, document, report }) {
    const sections: HaProxyLike[] = [...model.defaults, ...model.proxies];
    for (const section of sections) {
      if (section.undecided) continue;
      const found = misplacedLines(section);
      if (found.length === 0) continue;
      const text = document.source(section.fileName)?.text;
      const byTarget = new Map<HaSetting, HaSetting[]>();
      for (const f of found) {
        const list = byTarget.get(f.before);
        if (list) list.push(f.setting);
        else byTarget.set(f.before, [f.setting]);
      }
      const fixes = new Map<HaSetting, ReturnType<typeof moveBefore>>();
      for (const { setting, before } of found) {
        if (!fixes.has(before)) fixes.set(before, text === undefined ? undefined : moveBefore(section, before, byTarget.get(before)!, text));
        const move = fixes.get(before);
        report({
          messageId: 'misplaced',
          data: { kind: setting.keyword, later: before.keyword },
          at: keywordSpan(setting),
          related: [{ at: keywordSpan(before), message: `the '${before.keyword}' rule it is written after` }],
          // Every report of one target carries the same edit, which moves all its lines at once.
          fix: move?.moved.has(setting) ? move.edits : undefined,
        });
      }
    }
  },
});
