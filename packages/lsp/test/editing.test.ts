import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcess, type TestClient } from './harness.js';

let client: TestClient;
beforeAll(async () => {
  client = await startInProcess();
});
afterAll(async () => {
  await client.shutdown();
});

/** Applies LSP text edits to a text (edits must not overlap). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('formatting', () => {
  it('formats a document with the editor\'s indentation and only touches lines that change', async () => {
    const text = 'global\n    daemon\n\nbackend app\n  balance   roundrobin\n        server a 10.0.0.1:80 check\n';
    const uri = await client.open('/virtual/fmt1/haproxy.cfg', text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0].range.start.line).toBe(4); // the first three lines are already right
    expect(apply(text, edits)).toBe('global\n    daemon\n\nbackend app\n    balance roundrobin\n    server a 10.0.0.1:80 check\n');
    const tabs = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(apply(text, tabs)).toContain('\n\tserver a 10.0.0.1:80 check\n');
  });

  it('formats only the statements a range touches', async () => {
    const text = 'vrrp_instance A {\nstate MASTER\n      priority 100\n}\n';
    const uri = await client.open('/virtual/fmt2/keepalived.conf', text);
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(apply(text, edits)).toBe('vrrp_instance A {\nstate MASTER\n    priority 100\n}\n');
  });

  it('leaves a file with a syntax error alone', async () => {
    const uri = await client.open('/virtual/fmt3/keepalived.conf', 'vrrp_instance A {\n  state MASTER\n');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    expect(edits).toEqual([]);
  });
});

describe('code actions', () => {
  it('offers to disable a finding for its line, and writes the directive above it', async () => {
    const text = 'defaults base\n    mode http\n\nbackend b from nosuch\n    server s 10.0.0.1:80\n';
    const uri = await client.open('/virtual/ca1/haproxy.cfg', text);
    const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'model/unknown-defaults'));
    const finding = diagnostics.find((x) => x.code === 'model/unknown-defaults')!;
    expect(finding.range.start.line).toBe(3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const disable = actions.find((a) => a.title === 'Disable model/unknown-defaults for this line')!;
    expect(disable).toBeDefined();
    expect(apply(text, disable.edit!.changes![uri])).toBe('defaults base\n    mode http\n\n# cfglint-disable-next-line model/unknown-defaults\nbackend b from nosuch\n    server s 10.0.0.1:80\n');
  });

  it('adds to a directive already above the line, keeping its reason', async () => {
    const text = 'backend b from x\n    # cfglint-disable-next-line haproxy/a -- known\n    server s 10.0.0.1:80\n';
    const uri = await client.open('/virtual/ca2/haproxy.cfg', text);
    const fake = { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } }, message: 'm', code: 'haproxy/b', source: 'cfglint' };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: fake.range, context: { diagnostics: [fake] } });
    const edit = actions.find((a) => a.title.startsWith('Disable'))!.edit!.changes![uri];
    expect(apply(text, edit)).toBe('backend b from x\n    # cfglint-disable-next-line haproxy/a, haproxy/b -- known\n    server s 10.0.0.1:80\n');
  });

  it('offers the lint engine\'s remedies: a suggestion that renames an old keyword', async () => {
    const text = 'virtual_server 10.0.0.1 80 {\n    protocol TCP\n    real_server 10.0.0.2 80 {\n        TCP_CHECK {\n            nb_get_retry 3\n        }\n    }\n}\n';
    const uri = await client.open('/virtual/ca4/keepalived.conf', text);
    const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'keepalived/renamed-keyword'));
    const finding = diagnostics.find((x) => x.code === 'keepalived/renamed-keyword')!;
    expect(finding.range.start.line).toBe(4);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const rename = actions.find((a) => a.title.startsWith("Rename to 'retry'"))!;
    expect(apply(text, rename.edit!.changes![uri])).toContain('\n            retry 3\n');
    expect(actions.map((a) => a.title)).toContain('Disable keepalived/renamed-keyword for this line');
  });

  it('offers the lint engine\'s safe fix as the preferred quick fix: an unused suppression goes away', async () => {
    const text = 'global\n    # cfglint-disable-next-line haproxy/timeout-missing\n    maxconn 100\n';
    const uri = await client.open('/virtual/ca5/haproxy.cfg', text);
    const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'cfglint/unused-disable-directive'));
    const finding = diagnostics.find((x) => x.code === 'cfglint/unused-disable-directive')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toMatch(/^Fix: Unused cfglint-disable-next-line directive/);
    expect(apply(text, fix.edit!.changes![uri])).toBe('global\n    maxconn 100\n');
  });

  it('does not offer to silence a syntax error', async () => {
    const uri = await client.open('/virtual/ca3/haproxy.cfg', 'backend b\n    server s "x\n');
    const d = (await client.diagnostics(uri, (x) => x.some((y) => y.code === 'lex/unterminated-quote'))).find((y) => y.code === 'lex/unterminated-quote')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions).toEqual([]);
  });
});

describe('code actions while a check is pending', () => {
  let slow: TestClient;
  beforeAll(async () => {
    // settings from initializationOptions: the complete check waits a second after each change
    slow = await startInProcess({ configuration: false, initializationOptions: { diagnosticsDelay: 1000 } });
  });
  afterAll(async () => {
    await slow.shutdown();
  });

  it('offers no fix computed on an older text than the one in the editor', async () => {
    const text = 'global\n    # cfglint-disable-next-line haproxy/timeout-missing\n    maxconn 100\n';
    const uri = await slow.open('/virtual/ca6/haproxy.cfg', text);
    const diagnostics = await slow.diagnostics(uri, (d) => d.some((x) => x.code === 'cfglint/unused-disable-directive'));
    const finding = diagnostics.find((x) => x.code === 'cfglint/unused-disable-directive')!;
    // an edit the full check has not seen yet: offsets of the old fix would be wrong now
    await slow.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }]);
    const moved = { ...finding, range: { start: { line: 2, character: finding.range.start.character }, end: { line: 2, character: finding.range.end.character } } };
    const actions = await slow.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: moved.range, context: { diagnostics: [moved] } });
    expect(actions.some((a) => a.isPreferred)).toBe(false);
  });

});
