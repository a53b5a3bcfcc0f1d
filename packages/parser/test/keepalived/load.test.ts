import { describe, expect, it } from 'vitest';
import type { KaDirective } from '../../src/ast/keepalived.js';
import { loadKeepalived, parseKeepalived, wordRange } from '../../src/keepalived/index.js';
import type { KaEffectiveStatement, KeepalivedLoadResult } from '../../src/keepalived/index.js';
import { createMemoryFileSystem } from '../../src/source/file-system.js';

function load(files: Record<string, string>, options: { configId?: string; entry?: string } = {}): KeepalivedLoadResult {
  return loadKeepalived(options.entry ?? '/etc/keepalived/keepalived.conf', { fs: createMemoryFileSystem(files), configId: options.configId });
}

/** The effective configuration as indented text lines. */
function lines(statements: readonly KaEffectiveStatement[], indent = ''): string[] {
  const out: string[] = [];
  for (const s of statements) {
    out.push(indent + [s.keyword, ...s.args].map((w) => w.value).join(' ') + (s.body ? ' {' : ''));
    if (s.body) {
      out.push(...lines(s.body, indent + '  '));
      out.push(indent + '}');
    }
  }
  return out;
}

const codes = (r: KeepalivedLoadResult) => r.diagnostics.map((d) => `${d.code}@${d.fileName.split('/').pop()}:${d.range.start.line + 1}`);

/** The text a word's range points at. */
function pointedText(r: KeepalivedLoadResult, s: KaEffectiveStatement, index: number): string {
  const word = index === 0 ? s.keyword : s.args[index - 1];
  const at = wordRange(s, word);
  return r.files.get(at.fileName)!.source.text.slice(at.start, at.end);
}

const K = '/etc/keepalived/keepalived.conf';

describe('loadKeepalived: include', () => {
  it('splices included files at the include line, relative to the including file, globs sorted', () => {
    const r = load({
      [K]: 'vrrp_instance VI_1 {\n  include conf.d/*.conf\n}\ninclude other/top.conf\n',
      '/etc/keepalived/conf.d/20-b.conf': 'priority 100\n',
      '/etc/keepalived/conf.d/10-a.conf': 'interface eth0\ninclude ../snippets/vrid.inc\n',
      '/etc/keepalived/conf.d/.hidden.conf': 'hidden 1\n',
      '/etc/keepalived/snippets/vrid.inc': 'virtual_router_id 7\n',
      '/etc/keepalived/other/top.conf': 'global_defs {\n  router_id x\n}\n',
    });
    expect(lines(r.statements)).toEqual(['vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 7', '  priority 100', '}', 'global_defs {', '  router_id x', '}']);
    expect([...r.files.keys()]).toEqual([K, '/etc/keepalived/conf.d/10-a.conf', '/etc/keepalived/snippets/vrid.inc', '/etc/keepalived/conf.d/20-b.conf', '/etc/keepalived/other/top.conf']);
    expect(r.diagnostics).toEqual([]);
    // Statements keep their own file.
    expect(r.statements[0].body![1].fileName).toBe('/etc/keepalived/snippets/vrid.inc');
  });

  it('expands {a,b} before globbing, in the order written', () => {
    const r = load({ [K]: 'include {b,a}.conf\n', '/etc/keepalived/a.conf': 'a 1\n', '/etc/keepalived/b.conf': 'b 1\n' });
    expect(lines(r.statements)).toEqual(['b 1', 'a 1']);
  });

  it('reports a missing file as a warning (an error for includem/includew/includea), unmatched globs as info', () => {
    const r = load({ [K]: 'include nope.conf\nincludem nope2.conf\ninclude dir/*.conf\ninclude none/*.conf\n', '/etc/keepalived/dir/x.txt': '' });
    expect(r.diagnostics.map((d) => `${d.code}:${d.severity}:${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual([
      'include/missing:warning:1:9',
      'include/missing:error:2:10',
      'include/no-match:info:3:9',
      'include/missing:warning:4:9',
    ]);
  });

  it('skips directories and stops include cycles', () => {
    const r = load({ [K]: 'include d\ninclude a.conf\n', '/etc/keepalived/d/x.conf': '', '/etc/keepalived/a.conf': 'x 1\ninclude keepalived.conf\n' });
    expect(codes(r)).toEqual(['include/cycle@a.conf:2', 'include/directory@keepalived.conf:1']);
    expect(lines(r.statements)).toEqual(['x 1']);
  });

  it('lets a block opened in one file be closed in another, as keepalived reads one stream', () => {
    const r = load({ [K]: 'vrrp_instance VI_1 {\ninclude body.inc\n', '/etc/keepalived/body.inc': 'priority 1\n}\n' });
    expect(lines(r.statements)).toEqual(['vrrp_instance VI_1 {', '  priority 1', '}']);
    // Each file on its own is unbalanced, and says so; the stream is fine.
    expect(codes(r)).toEqual(['parse/unexpected-close-brace@body.inc:2', 'parse/unclosed-block@keepalived.conf:1']);
  });

  it('reports an unreadable entry file', () => {
    const r = load({}, { entry: '/nowhere.conf' });
    expect(codes(r)).toEqual(['load/unreadable@nowhere.conf:1']);
    expect(r.model.vrrpInstances).toEqual([]);
  });

  it('reads editor buffers from the overlay and reuses cached parses', () => {
    const cache = new Map();
    const fs = createMemoryFileSystem({ [K]: 'include a.conf\n', '/etc/keepalived/a.conf': 'old 1\n' });
    const first = loadKeepalived(K, { fs, cache, overlay: { '/etc/keepalived/a.conf': 'new 1\n' } });
    expect(lines(first.statements)).toEqual(['new 1']);
    const second = loadKeepalived(K, { fs, cache, overlay: { '/etc/keepalived/a.conf': 'new 1\n' } });
    expect(second.files.get(K)).toBe(first.files.get(K));
  });
});

describe('loadKeepalived: definitions', () => {
  it('substitutes $NAME before a blank, comma, ) or the line end, and ${NAME} anywhere', () => {
    const r = load({ [K]: '$IF=eth0\n$D=/etc\na $IF\nb $IF,x\nc ${IF}:1\nd $IF:1\ne ${D}/x $D/y\n' });
    expect(lines(r.statements)).toEqual(['a eth0', 'b eth0,x', 'c eth0:1', 'd $IF:1', 'e /etc/x $D/y']);
    expect(codes(r)).toEqual(['preprocess/unexpanded-variable@keepalived.conf:6', 'preprocess/unexpanded-variable@keepalived.conf:7']);
  });

  it('warns that an undefined ${NAME} is split at its braces by keepalived (an undefined $NAME is only noted)', () => {
    const r = load({ [K]: 'router_id ${NAME}\nnotify $HOME\n' });
    expect(r.diagnostics.map((d) => `${d.code}:${d.severity}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`)).toEqual([
      'preprocess/undefined-variable:warning:1:11-18',
      'preprocess/undefined-variable:info:2:8-13',
    ]);
  });

  it('substitutes at use time (later definitions change later uses) and recursively', () => {
    const r = load({ [K]: '$BASE=10.2.${SUB}\n$SUB=0\n${BASE}.100/32\n$SUB=10\n${BASE}.100/32\n' });
    expect(lines(r.statements)).toEqual(['10.2.0.100/32', '10.2.10.100/32']);
  });

  it('points expanded words at the definition text the user wrote', () => {
    const r = load({ [K]: 'include defs.inc\npriority $PRIO\nvirtual_ipaddress {\n  $VIP dev eth0\n}\n', '/etc/keepalived/defs.inc': '$PRIO=150\n$VIP=10.0.0.1/24\n' });
    const [prio, vips] = r.statements;
    expect(prio.expansion).toMatchObject({ fileName: K });
    expect(wordRange(prio, prio.args[0])).toEqual({ fileName: '/etc/keepalived/defs.inc', start: 6, end: 9 });
    expect(pointedText(r, prio, 1)).toBe('150');
    const vip = vips.body![0];
    expect([pointedText(r, vip, 0), pointedText(r, vip, 1), pointedText(r, vip, 2)]).toEqual(['10.0.0.1/24', 'dev', 'eth0']);
    // Unexpanded statements reuse the syntax tree's own Word objects.
    expect(vips.keyword).toBe((r.files.get(K)!.ast.body[2] as KaDirective & { keyword: unknown }).keyword);
  });

  it('expands a multi-line definition into lines, only where it ends the line, nested and with @ids', () => {
    const text = [
      '$RS= \\',
      'real_server 10.0.0.${N} 80 { \\',
      '  @big weight 5 \\',
      '  @^big weight 1 \\',
      '}',
      '$VS= \\',
      'virtual_server 10.0.0.100 80 { \\',
      '  $N=1 \\',
      '  $RS \\',
      '  $N=2 \\',
      '  $RS \\',
      '}',
      '$VS',
      'x $VS y',
      '',
    ].join('\n');
    const r = load({ [K]: text }, { configId: 'big' });
    expect(lines(r.statements)).toEqual([
      'virtual_server 10.0.0.100 80 {',
      '  real_server 10.0.0.1 80 {',
      '    weight 5',
      '  }',
      '  real_server 10.0.0.2 80 {',
      '    weight 5',
      '  }',
      '}',
      'x $VS y',
    ]);
    expect(codes(r)).toEqual(['preprocess/unexpanded-variable@keepalived.conf:14']);
    const rs = r.statements[0].body![0];
    expect(pointedText(r, rs, 0)).toBe('real_server');
    expect(rs.expansion?.start).toBe(text.indexOf('$VS\n'));
  });

  it('provides _PWD, _INSTANCE, _HASH and _BANG; _RANDOM reads as its minimum', () => {
    const r = load({ [K]: 'a ${_PWD} ${_INSTANCE}\nb "${_HASH}x" ${_RANDOM 5 9}\n' }, { configId: 'n1' });
    expect(lines(r.statements)).toEqual(['a /etc/keepalived n1', 'b #x 5']);
  });

  it('drops an unterminated quoted word like keepalived, and warns about values keepalived will not substitute', () => {
    // `$M` ends the text of line 4, so keepalived expands it there, inside the open quote.
    const r = load({ [K]: '$M=a \\\nb\nx $M q\ny "open $M\n' });
    expect(lines(r.statements)).toEqual(['x $M q', 'y', 'b']);
    expect(codes(r)).toEqual(['preprocess/unexpanded-variable@keepalived.conf:3', 'lex/unterminated-quote@keepalived.conf:4']);
  });
});

describe('loadKeepalived: @id conditions', () => {
  const text = 'global_defs {\n  @main router_id main_router\n  @backup router_id backup_router\n}\nunicast_peer {\n  @^main 1.2.3.4\n  @^backup 1.2.3.5\n}\n';

  it('without a config id leaves out every @id line and keeps every @^id line', () => {
    const r = load({ [K]: text });
    expect(lines(r.statements)).toEqual(['global_defs {', '}', 'unicast_peer {', '  1.2.3.4', '  1.2.3.5', '}']);
    expect(r.configIds).toEqual(['main', 'backup']);
  });

  it('with a config id keeps its lines', () => {
    const r = load({ [K]: text }, { configId: 'main' });
    expect(lines(r.statements)).toEqual(['global_defs {', '  router_id main_router', '}', 'unicast_peer {', '  1.2.3.5', '}']);
    expect(r.model.globalDefs?.routerId?.value).toBe('main_router');
  });

  it('drops the whole line, braces included, as keepalived does', () => {
    const r = load({ [K]: '@x a {\n  b\n}\nc { @x d } e\n' });
    expect(lines(r.statements)).toEqual(['b', 'c {', '}']);
    expect(r.statements[1].closed).toBe(false);
    expect(codes(r)).toEqual(['parse/unexpected-close-brace@keepalived.conf:3', 'parse/unclosed-block@keepalived.conf:4']);
  });

  it('applies conditions to definitions and to expanded lines', () => {
    const r = load({ [K]: '@main $P=240\n@^main $P=200\n$M=@main\npriority $P\n$M y 1\n' }, { configId: 'main' });
    expect(lines(r.statements)).toEqual(['priority 240', 'y 1']);
  });
});

describe('loadKeepalived: ~SEQ and ~LST', () => {
  it('repeats the rest of the line with the variable set, in keepalived order', () => {
    const r = load({ [K]: '~SEQ(S, 0, 3) ip 10.0.${S}.1\n~SEQ(E, 3, -1, 1) d $E\n~SEQ(C, 2) c $C\n~SEQx(H, 0x90, 0x10, 0xc0) v fe80::${H}\n' });
    expect(lines(r.statements)).toEqual([
      'ip 10.0.0.1',
      'ip 10.0.1.1',
      'ip 10.0.2.1',
      'ip 10.0.3.1',
      'd 3',
      'd 2',
      'd 1',
      'c 1',
      'c 2',
      'v fe80::90',
      'v fe80::a0',
      'v fe80::b0',
      'v fe80::c0',
    ]);
  });

  it('lists value sets, fills missing values with blanks, nests, and takes definitions in ~SEQ values', () => {
    const r = load({ [K]: '$LAST=2\n~LST({IP, IP1}, {10,1},{20}) a 192.168.${IP}.${IP1}x\n~LST(I, 1, 2) ~SEQ(J, 1, $LAST) b ${I}.$J\n' });
    expect(lines(r.statements)).toEqual(['a 192.168.10.1x', 'a 192.168.20.x', 'b 1.1', 'b 1.2', 'b 2.1', 'b 2.2']);
  });

  it('repeats whole blocks, and multi-line definitions, located at the repeated line', () => {
    const r = load({ [K]: '$I=vrrp_instance VI_${N} { \\\n  virtual_router_id ${N} \\\n}\n~SEQ(N, 1, 2) $I\n~SEQ(M, 1, 2) x $M { y }\n' });
    expect(lines(r.statements)).toEqual(['vrrp_instance VI_1 {', '  virtual_router_id 1', '}', 'vrrp_instance VI_2 {', '  virtual_router_id 2', '}', 'x 1 {', '  y', '}', 'x 2 {', '  y', '}']);
    expect(r.model.vrrpInstances.map((i) => [i.name, i.virtualRouterId?.value])).toEqual([
      ['VI_1', 1],
      ['VI_2', 2],
    ]);
    const second = r.statements[1];
    expect(pointedText(r, second, 0)).toBe('vrrp_instance');
    // Generated text (the ~SEQ number) points at the ~SEQ specification.
    expect(pointedText(r, second.body![0], 1)).toBe('~SEQ(N, 1, 2)');
  });

  it('reports invalid specifications and skips their lines', () => {
    const r = load({ [K]: '~SEQ(N, 1, 0, 3) a\n~SEQx(N, -1, 3) b\n~LST(A) c\nd\n' });
    expect(lines(r.statements)).toEqual(['d']);
    expect(codes(r)).toEqual(['preprocess/invalid-repeat@keepalived.conf:1', 'preprocess/invalid-repeat@keepalived.conf:2', 'preprocess/invalid-repeat@keepalived.conf:3']);
  });

  it('stays bounded on self-referencing definitions and huge sequences', () => {
    const r = load({ [K]: '$A=x$A\ny ${A}\n$B=$B\nz $B\n' });
    expect(r.statements.length).toBe(2);
    expect(codes(r).some((c) => c.startsWith('preprocess/'))).toBe(true);
    const big = load({ [K]: '~SEQ(A, 1, 1000) ~SEQ(B, 1, 1000) x $A $B\n' });
    expect(codes(big)).toEqual(['preprocess/too-large@keepalived.conf:1']);
  });
});

describe('loadKeepalived: fast path', () => {
  it('keeps parse diagnostics of every file and reads plain configs without copying words', () => {
    const text = 'vrrp_instance VI_1 {\n  state MASTER\n}\n';
    const r = load({ [K]: text });
    const ast = parseKeepalived(text, K).ast;
    expect(lines(r.statements)).toEqual(['vrrp_instance VI_1 {', '  state MASTER', '}']);
    expect(r.statements[0].args[0].value).toBe((ast.body[0] as KaDirective).args[0].value);
    expect(r.statements[0].expansion).toBeUndefined();
  });
});

describe('loadKeepalived: the corpus', () => {
  it('loads every corpus file without throwing, keeping diagnostics inside their files', async () => {
    const { corpusFiles } = await import('./fixture-files.js');
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(200);
    for (const file of files) {
      const r = loadKeepalived(file, { maxExpandedStatements: 20_000 });
      for (const d of r.diagnostics) {
        const source = r.files.get(d.fileName)?.source;
        if (!source) continue;
        expect(d.range.end.line).toBeLessThan(source.lineCount);
      }
    }
  });
});
