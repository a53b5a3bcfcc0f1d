import { PREDEFINED_ACLS, type HaProxyLike, type HaSetting, type HaStatement } from '@cfglint/parser';
import { haproxyRule } from '../../engine/contexts.js';
import type { Edit } from '../../engine/span.js';
import { keywordSpan, lineEnd, lineStart } from './locate.js';

/**
 * The order in which HAProxy evaluates rule lists of one proxy, whatever order the lines
 * are written in: the request side, then the response side (tcp-response content before
 * http-response, http-after-response last).
 */
const REQUEST_STAGES = ['quic-initial', 'tcp-request connection', 'tcp-request session', 'tcp-request content', 'monitor fail', 'http-request', 'redirect', 'use_backend', 'use-server'];
const RESPONSE_STAGES = ['tcp-response content', 'http-response', 'http-after-response'];
const STAGE = new Map<string, { side: 0 | 1; stage: number }>([
  ...REQUEST_STAGES.map((k, i) => [k, { side: 0 as const, stage: i }] as const),
  ...RESPONSE_STAGES.map((k, i) => [k, { side: 1 as const, stage: i }] as const),
]);

interface Placed {
  setting: HaSetting;
  /** The earliest line before it that HAProxy evaluates after it. */
  before: HaSetting;
}

/** Lines HAProxy evaluates before a line written earlier, with that earlier line. */
function misplacedLines(section: HaProxyLike): Placed[] {
  const out: Placed[] = [];
  const first: (HaSetting | undefined)[][] = [[], []];
  const index = new Map<HaSetting, number>();
  section.settings.forEach((s, i) => index.set(s, i));
  for (const setting of section.settings) {
    const at = STAGE.get(setting.keyword);
    if (!at || setting.undecided) continue;
    const seen = first[at.side];
    let before: HaSetting | undefined;
    for (let later = at.stage + 1; later < seen.length; later++) {
      const s = seen[later];
      if (s && (!before || index.get(s)! < index.get(before)!)) before = s;
    }
    if (before) out.push({ setting, before });
    seen[at.stage] ??= setting;
  }
  return out;
}

/** The lines a statement occupies, with the comment lines right above it (they describe it). */
function block(body: HaStatement[], i: number, text: string): { start: number; end: number } {
  let first = i;
  while (first > 0 && body[first - 1].kind === 'CommentStatement' && body[first].blankLinesBefore === 0) first--;
  const start = lineStart(text, body[first].start);
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
  const blocks = movable.map((l) => block(body, position.get(l.node)!, text));
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
