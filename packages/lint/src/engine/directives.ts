/**
 * Inline suppressions, written in comments (`#`, and `!` in keepalived):
 *
 *   # cfglint-disable-next-line <rule-id>[, <rule-id>…] [-- reason]
 *   … # cfglint-disable-line <rule-id>… [-- reason]
 *   # cfglint-disable [<rule-id>…] [-- reason]     (until cfglint-enable, or the end of the file)
 *   # cfglint-enable [<rule-id>…]
 *
 * Without rule ids a directive covers every rule. Lines are 0-based here.
 */

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  ruleIds: string[];
  reason?: string;
  /** The comment's line and offsets, to report an unused directive. */
  line: number;
  start: number;
  end: number;
}

export interface CommentInfo {
  /** Comment text including its `#` or `!` marker. */
  text: string;
  line: number;
  start: number;
  end: number;
}

const DIRECTIVE = /^[#!]\s*cfglint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;

/** Recognises a directive in one comment, or returns undefined. */
export function parseDirective(comment: CommentInfo): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text.trimEnd());
  if (!match) return undefined;
  const [rulesPart, ...reasonParts] = match[2].split(/\s--\s|\s--$/);
  const reason = reasonParts.join(' -- ').trim() || undefined;
  const ruleIds = rulesPart
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { kind: match[1] as DirectiveKind, ruleIds, reason, line: comment.line, start: comment.start, end: comment.end };
}

interface Span {
  directive: Directive;
  ruleId?: string;
  fromLine: number;
  toLine: number;
}

/** Decides which findings the directives of one file suppress, and which directives went unused. */
export class Suppressions {
  private readonly spans: Span[] = [];
  private readonly used = new Set<Directive>();

  constructor(readonly directives: Directive[]) {
    const open = new Map<string, { directive: Directive; fromLine: number }>();
    const ALL = '*';
    for (const d of directives) {
      const ids = d.ruleIds.length ? d.ruleIds : [ALL];
      if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
        const line = d.kind === 'disable-line' ? d.line : d.line + 1;
        for (const id of ids) this.spans.push({ directive: d, ruleId: id === ALL ? undefined : id, fromLine: line, toLine: line });
      } else if (d.kind === 'disable') {
        for (const id of ids) if (!open.has(id)) open.set(id, { directive: d, fromLine: d.line });
      } else {
        const closing = ids.includes(ALL) ? [...open.keys()] : ids;
        for (const id of closing) {
          const o = open.get(id);
          if (!o) continue;
          this.spans.push({ directive: o.directive, ruleId: id === ALL ? undefined : id, fromLine: o.fromLine, toLine: d.line });
          open.delete(id);
        }
      }
    }
    for (const [id, o] of open) {
      this.spans.push({ directive: o.directive, ruleId: id === ALL ? undefined : id, fromLine: o.fromLine, toLine: Number.POSITIVE_INFINITY });
    }
  }

  /** Whether a finding of `ruleId` on `line` is suppressed; marks the directive used. */
  suppresses(ruleId: string, line: number): boolean {
    let hit = false;
    for (const span of this.spans) {
      if (line < span.fromLine || line > span.toLine) continue;
      if (span.ruleId !== undefined && span.ruleId !== ruleId) continue;
      this.used.add(span.directive);
      hit = true;
    }
    return hit;
  }

  /** Directives that suppressed nothing (`enable` directives never count as unused). */
  unused(): Directive[] {
    return this.directives.filter((d) => d.kind !== 'enable' && !this.used.has(d));
  }
}
