import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange, Location, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursors, startInProcess, type TestClient } from './harness.js';

const repo = path.resolve(import.meta.dirname, '../../..');
let client: TestClient;
beforeAll(async () => {
  client = await startInProcess();
});
afterAll(async () => {
  await client.shutdown();
});

let n = 0;
async function openMarked(marked: string, ext: 'cfg' | 'conf') {
  const { text, positions } = cursors(marked);
  const file = `/virtual/nav${++n}/${ext === 'cfg' ? 'haproxy.cfg' : 'keepalived.conf'}`;
  const uri = await client.open(file, text);
  return { uri, text, positions };
}

const at = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });
const lines = (ls: Location[]) => ls.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character]);

const HAPROXY = `frontend main
    bind :80
    acl is_api path_beg /api
    acl is_admin src 10.0.0.0/8
    use_backend <|>api if <|>is_api !is_admin
    default_backend app

backend <|>api
    server a1 10.0.0.1:80 check
    server a2 10.0.0.2:80 track api/<|>a1

backend app
    server w1 10.0.0.3:80 check resolvers dns

frontend other
    acl is_api path_beg /v2
    use_backend api if is_api

resolvers dns
    nameserver ns1 10.0.0.53:53
`;

describe('haproxy navigation', () => {
  it('goes from use_backend to the backend, and from a condition to its ACL in the same proxy', async () => {
    const { uri, positions } = await openMarked(HAPROXY, 'cfg');
    const toBackend = await client.request<Location[]>('textDocument/definition', at(uri, positions[0]));
    expect(lines(toBackend)).toEqual([[7, 8, 11]]);
    const toAcl = await client.request<Location[]>('textDocument/definition', at(uri, positions[1]));
    expect(lines(toAcl)).toEqual([[2, 8, 14]]);
  });

  it('finds every reference of a backend, with or without its declaration', async () => {
    const { uri, positions } = await openMarked(HAPROXY, 'cfg');
    const all = await client.request<Location[]>('textDocument/references', { ...at(uri, positions[2]), context: { includeDeclaration: true } });
    // use_backend in main, the definition, the `track api/a1` prefix, use_backend in other
    expect(lines(all)).toEqual([[4, 16, 19], [7, 8, 11], [9, 32, 35], [16, 16, 19]]);
    const refs = await client.request<Location[]>('textDocument/references', { ...at(uri, positions[2]), context: { includeDeclaration: false } });
    expect(refs).toHaveLength(3);
  });

  it('renames an ACL within its proxy only', async () => {
    const { uri, positions } = await openMarked(HAPROXY, 'cfg');
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at(uri, positions[1]));
    expect(prepared.placeholder).toBe('is_api');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, positions[1]), newName: 'wants_api' });
    const edits = edit.changes![uri];
    expect(edits.map((e) => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[2, 8, 'wants_api'], [4, 23, 'wants_api']]);
  });

  it('refuses a new name the daemon would not read as one word', async () => {
    const { uri, positions } = await openMarked(HAPROXY, 'cfg');
    await expect(client.request('textDocument/rename', { ...at(uri, positions[0]), newName: 'two words' })).rejects.toThrow(/not a valid name/);
  });

  it('outlines sections with their servers, ACLs and binds', async () => {
    const { uri } = await openMarked(HAPROXY, 'cfg');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => `${s.detail} ${s.name}`)).toEqual(['frontend main', 'backend api', 'backend app', 'frontend other', 'resolvers dns']);
    expect(symbols[0].children!.map((c) => c.name)).toEqual([':80', 'is_api', 'is_admin']);
    expect(symbols[1].children!.map((c) => `${c.name} ${c.detail}`)).toEqual(['a1 10.0.0.1:80', 'a2 10.0.0.2:80']);
    expect(symbols[1].range.start.line).toBe(7);
  });

  it('folds sections without their trailing blank lines, and comment runs', async () => {
    const uri = await client.open('/virtual/fold/haproxy.cfg', '# one\n# two\nglobal\n    daemon\n\nbackend b\n    server s 1.2.3.4:80\n    server t 1.2.3.5:80\n');
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.map((f) => [f.startLine, f.endLine, f.kind])).toEqual([[0, 1, 'comment'], [2, 3, 'region'], [5, 7, 'region']]);
  });
});

describe('keepalived navigation', () => {
  const KEEPALIVED = `vrrp_script <|>chk_haproxy {
    script "/usr/bin/pgrep haproxy"
}
vrrp_instance VI_1 {
    state MASTER
    track_script {
        <|>chk_haproxy
    }
}
vrrp_instance VI_2 {
    track_script {
        chk_haproxy weight -10
    }
}
vrrp_sync_group G {
    group {
        <|>VI_1
        VI_2
    }
}
`;

  it('goes from track_script to the vrrp_script, and from a sync group member to the instance', async () => {
    const { uri, positions } = await openMarked(KEEPALIVED, 'conf');
    expect(lines(await client.request<Location[]>('textDocument/definition', at(uri, positions[1])))).toEqual([[0, 12, 23]]);
    expect(lines(await client.request<Location[]>('textDocument/definition', at(uri, positions[2])))).toEqual([[3, 14, 18]]);
  });

  it('renames a vrrp_script everywhere it is tracked', async () => {
    const { uri, positions } = await openMarked(KEEPALIVED, 'conf');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(uri, positions[0]), newName: 'chk_lb' });
    expect(edit.changes![uri].map((e) => e.range.start.line)).toEqual([0, 6, 11]);
  });

  it('outlines the seed lab director: instance, virtual server, real servers with their checks', async () => {
    const text = readFileSync(path.join(repo, 'fixtures/seed/proxy/keepalived.conf'), 'utf8');
    const uri = await client.open('/virtual/seed-proxy/keepalived.conf', text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['global_defs', 'VI_1', '192.168.4.15 80']);
    expect(symbols[2].children!.map((c) => c.name)).toEqual(['192.168.4.100 80', '192.168.4.200 80']);
    expect(symbols[2].children![0].children!.map((c) => c.name)).toEqual(['TCP_CHECK']);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    // global_defs { … } spans lines 2–17; the fold stops before its closing brace
    expect(folds).toContainEqual({ startLine: 2, endLine: 16, kind: 'region' });
  });
});

describe('semantic tokens', () => {
  it('classifies keywords, declared names, references, numbers and comments', async () => {
    const uri = await client.open('/virtual/tokens/haproxy.cfg', 'backend app # pool\n    server w1 10.0.0.3:80 check\nfrontend f\n    use_backend app\n');
    const result = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const decoded: string[] = [];
    let line = 0;
    let ch = 0;
    const text = 'backend app # pool\n    server w1 10.0.0.3:80 check\nfrontend f\n    use_backend app\n'.split('\n');
    for (let i = 0; i < result.data.length; i += 5) {
      line += result.data[i];
      ch = result.data[i] === 0 ? ch + result.data[i + 1] : result.data[i + 1];
      const mods = legend.tokenModifiers.filter((_, b) => result.data[i + 4] & (1 << b));
      decoded.push(`${text[line].slice(ch, ch + result.data[i + 2])}:${legend.tokenTypes[result.data[i + 3]]}${mods.length ? '.' + mods.join('.') : ''}`);
    }
    expect(decoded).toEqual([
      'backend:keyword', 'app:class.declaration', '# pool:comment',
      'server:keyword', 'w1:property.declaration', '10.0.0.3:80:number',
      'frontend:keyword', 'f:class.declaration',
      'use_backend:keyword', 'app:class',
    ]);
  });
});

describe('a file with more sections than the server keeps trees for', () => {
  it('still navigates, outlines and completes in chunks whose trees were let go', async () => {
    const { generateHaproxy } = (await import('../../../bench/generate.mjs')) as { generateHaproxy: (o: object) => string };
    const text = generateHaproxy({ frontends: 400, backends: 800, serversPerBackend: 1 });
    const uri = await client.open('/virtual/many/haproxy.cfg', text);
    const lines = text.split('\n');
    // frontend fe_0 (the first chunks, long evicted) uses be_0 and be_1
    const use = lines.findIndex((l) => l.startsWith('    use_backend be_0 '));
    const defs = await client.request<Location[]>('textDocument/definition', at(uri, { line: use, character: 17 }));
    expect(defs.map((d) => d.range.start.line)).toEqual([lines.indexOf('backend be_0')]);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(2 + 400 + 800);
    expect(symbols.at(-1)!.name).toBe('be_799');
    expect(symbols.at(-1)!.range.start.line).toBe(lines.indexOf('backend be_799'));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.filter((f) => f.kind === 'region')).toHaveLength(2 + 400 + 800);
  });
});
