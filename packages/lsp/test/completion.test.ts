import type { CompletionItem, Hover } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursors, startInProcess, type TestClient } from './harness.js';

let client: TestClient;
beforeAll(async () => {
  client = await startInProcess({ settings: { haproxyVersion: '2.6' } });
});
afterAll(async () => {
  await client.shutdown();
});

let n = 0;
/** Opens the text with one `<|>` cursor and asks for completions there. */
async function complete(marked: string, file: 'haproxy.cfg' | 'keepalived.conf'): Promise<CompletionItem[]> {
  const { text, positions } = cursors(marked);
  const uri = await client.open(`/virtual/complete${++n}/${file}`, text);
  return client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positions[0] });
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edits = (items: CompletionItem[]) => items.map((i) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.label));

const FRONTENDS = `frontend main
    bind :80
    acl is_api path_beg /api
    acl is_static path_end .css
    use_backend api if <|>
frontend other
    acl elsewhere src 10.0.0.0/8

backend api
    server a 10.0.0.1:80
listen stats
    bind :1080
`;

describe('haproxy completion', () => {
  it('offers the keywords of the section kind for the target version', async () => {
    const items = await complete('backend b\n    ba<|>\n', 'haproxy.cfg');
    expect(labels(items)).toContain('balance');
    expect(labels(items)).not.toContain('bind'); // a frontend keyword: backends do not accept it
    const timeouts = await complete('defaults\n    timeout <|>\n', 'haproxy.cfg');
    expect(edits(timeouts)).toEqual(expect.arrayContaining(['timeout connect', 'timeout client', 'timeout server']));
    expect(timeouts.every((i) => i.textEdit && 'range' in i.textEdit && i.textEdit.range.start.character === 4)).toBe(true);
  });

  it('offers balance algorithms, modes and durations', async () => {
    expect(labels(await complete('backend b\n    balance <|>\n', 'haproxy.cfg'))).toEqual(expect.arrayContaining(['roundrobin', 'leastconn', 'source']));
    expect(labels(await complete('defaults\n    mode <|>\n', 'haproxy.cfg'))).toEqual(['http', 'tcp', 'log']);
    expect(labels(await complete('defaults\n    timeout connect <|>\n', 'haproxy.cfg'))).toContain('5s');
  });

  it('offers backends for use_backend and default_backend, and the proxy\'s own ACLs in conditions', async () => {
    const backends = await complete(FRONTENDS.replace('use_backend api if <|>', 'default_backend <|>'), 'haproxy.cfg');
    expect(labels(backends)).toEqual(['api', 'stats']);
    const acls = await complete(FRONTENDS, 'haproxy.cfg');
    expect(labels(acls)).toEqual(expect.arrayContaining(['is_api', 'is_static', 'TRUE']));
    expect(labels(acls)).not.toContain('elsewhere');
  });

  it('offers userlists inside http_auth() and resolvers after `resolvers`', async () => {
    const text = 'userlist admins\n    user a insecure-password x\nresolvers dns\n    nameserver n 10.0.0.53:53\nbackend b\n    server s 10.0.0.1:80 resolvers <|>\n';
    expect(labels(await complete(text, 'haproxy.cfg'))).toEqual(['dns']);
    const auth = await complete('userlist admins\n    user a insecure-password x\nfrontend f\n    http-request auth unless { http_auth(<|>\n', 'haproxy.cfg');
    expect(labels(auth)).toEqual(['admins']);
  });

  it('offers what the schema allows for an argument: values, durations', async () => {
    expect(labels(await complete('backend b\n    http-reuse <|>\n', 'haproxy.cfg'))).toEqual(['never', 'safe', 'aggressive', 'always']);
    expect(labels(await complete('listen l\n    stats refresh <|>\n', 'haproxy.cfg'))).toContain('30s');
  });

  it('offers sections as snippets that open at the start of the line', async () => {
    const items = await complete('global\n    daemon\n  back<|>\n', 'haproxy.cfg');
    const backend = items.find((i) => i.label === 'backend')!;
    expect(backend.insertTextFormat).toBe(2);
    expect(backend.textEdit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: 'backend ${1:name}\n    $0' });
  });

  it('offers nothing inside a comment', async () => {
    expect(await complete('backend b\n    # balance <|>\n', 'haproxy.cfg')).toEqual([]);
  });
});

describe('keepalived completion', () => {
  it('offers values: state, lb_algo, lb_kind, auth_type', async () => {
    expect(labels(await complete('vrrp_instance A {\n    state <|>\n}\n', 'keepalived.conf'))).toEqual(expect.arrayContaining(['MASTER', 'BACKUP']));
    expect(labels(await complete('virtual_server 10.0.0.1 80 {\n    lb_kind <|>\n}\n', 'keepalived.conf'))).toEqual(expect.arrayContaining(['NAT', 'DR', 'TUN']));
    expect(labels(await complete('virtual_server 10.0.0.1 80 {\n    lb_algo <|>\n}\n', 'keepalived.conf'))).toEqual(expect.arrayContaining(['rr', 'wlc', 'sh']));
    expect(labels(await complete('vrrp_instance A {\n    authentication {\n        auth_type <|>\n    }\n}\n', 'keepalived.conf'))).toEqual(expect.arrayContaining(['PASS', 'AH']));
  });

  it('offers vrrp_script names in track_script and instances in a sync group', async () => {
    const text = 'vrrp_script chk_a {\n}\nvrrp_script chk_b {\n}\nvrrp_instance VI_1 {\n    track_script {\n        <|>\n    }\n}\n';
    expect(labels(await complete(text, 'keepalived.conf'))).toEqual(expect.arrayContaining(['chk_a', 'chk_b']));
    const group = 'vrrp_instance VI_1 {\n}\nvrrp_instance VI_2 {\n}\nvrrp_sync_group G {\n    group {\n        VI_1\n        <|>\n    }\n}\n';
    expect(labels(await complete(group, 'keepalived.conf')).slice(0, 2)).toEqual(['VI_1', 'VI_2']);
  });

  it('offers the keywords of the enclosing block, blocks as snippets', async () => {
    const items = await complete('vrrp_instance A {\n    virt<|>\n}\n', 'keepalived.conf');
    expect(labels(items)).toEqual(expect.arrayContaining(['virtual_router_id', 'virtual_ipaddress']));
    const block = items.find((i) => i.label === 'virtual_ipaddress')!;
    expect(block.insertTextFormat).toBe(2);
    expect(edits([block])[0]).toMatch(/^virtual_ipaddress \{\n\t\$0\n\}$/);
  });
});

describe('hover', () => {
  it('explains a keyword with its arguments, versions and upstream documentation', async () => {
    const { text, positions } = cursors('backend b\n    bal<|>ance roundrobin\n');
    const uri = await client.open('/virtual/hover1/haproxy.cfg', text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/^```\nbalance/);
    expect(value).toMatch(/\[Upstream documentation\]\(https:\/\/docs\.haproxy\.org\/[^)]+balance/);
    expect(hover.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
  });

  it('explains a keepalived keyword of the block it is in', async () => {
    const { text, positions } = cursors('vrrp_instance A {\n    virtual_rou<|>ter_id 51\n}\n');
    const uri = await client.open('/virtual/hover3/keepalived.conf', text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/^```\nvirtual_router_id/);
    expect(value).toMatch(/integer/);
    expect(value).toMatch(/\[Upstream documentation\]\(https:\/\/github\.com\/acassen\/keepalived\//);
  });

  it('says where a name is defined and how often it is used', async () => {
    const { text, positions } = cursors('frontend f\n    use_backend a<|>pi\n    default_backend api\nbackend api\n');
    const uri = await client.open('/virtual/hover2/haproxy.cfg', text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
    expect((hover.contents as { value: string }).value).toBe('**backend** `api`: defined at line 4; used 2 times.');
  });
});
