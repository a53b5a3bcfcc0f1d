import * as path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin, { formatText } from '../src/index.js';

const plugins = [plugin];

describe('Prettier languages', () => {
  it.each([
    ['keepalived.conf', 'keepalived'],
    ['/etc/keepalived/keepalived.conf', 'keepalived'],
    ['lb1.keepalived.conf', 'keepalived'],
    ['haproxy.cfg', 'haproxy'],
    ['/etc/haproxy/haproxy.cfg', 'haproxy'],
    ['edge.haproxy.cfg', 'haproxy'],
    ['HAProxy.CFG', 'haproxy'],
  ])('%s is formatted with the %s parser', async (file, parser) => {
    const info = await prettier.getFileInfo(file, { plugins });
    expect(info.inferredParser).toBe(parser);
  });

  it.each(['nginx.conf', 'setup.cfg', 'myhaproxy.cfg', 'keepalived.conf.bak'])('%s is not claimed', async (file) => {
    const info = await prettier.getFileInfo(file, { plugins });
    expect(info.inferredParser).toBeNull();
  });
});

describe('Prettier formatting', () => {
  it('reports the first syntax error with its location and formats nothing', async () => {
    const text = 'global\n    daemon\nfrontend fe\n    bind "unterminated\n    mode http "also\n';
    const error = await prettier.format(text, { parser: 'haproxy', plugins }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as { loc: unknown }).loc).toEqual({ start: { line: 4, column: 10 }, end: { line: 4, column: 23 } });
    expect((error as Error).message.split('\n')[0]).toMatch(/^unmatched double quote.*\(4:10\)$/);
  });

  it('reports an unclosed keepalived block', async () => {
    const error = await prettier.format('vrrp_instance VI_1 {\n  state MASTER\n', { parser: 'keepalived', plugins }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as { loc: { start: { line: number } } }).loc.start.line).toBe(1);
  });

  it('keeps CRLF line endings and a byte order mark, as cfgfmt does', async () => {
    const text = '\uFEFFglobal\r\n  daemon\r\n\r\n\r\ndefaults\r\n  mode http';
    const out = await prettier.format(text, { parser: 'haproxy', plugins });
    expect(out).toBe('\uFEFFglobal\r\n    daemon\r\n\r\ndefaults\r\n    mode http\r\n');
    expect(formatText(text, 'haproxy')).toBe(out);
  });

  it('honours Prettier options: tabWidth, useTabs, endOfLine, haproxyAlignServers', async () => {
    const text = 'backend b\r\n server a 10.0.0.1:80\r\n server bbb 10.0.0.2:80\r\n';
    const out = await prettier.format(text, { parser: 'haproxy', plugins, tabWidth: 2, endOfLine: 'lf', haproxyAlignServers: true } as prettier.Options);
    expect(out).toBe('backend b\n  server a   10.0.0.1:80\n  server bbb 10.0.0.2:80\n');
    const tabs = await prettier.format('global_defs {\n router_id a\n}\n', { parser: 'keepalived', plugins, useTabs: true });
    expect(tabs).toBe('global_defs {\n\trouter_id a\n}\n');
  });

  it('leaves an empty file empty', async () => {
    expect(await prettier.format('\n\n  \n', { parser: 'keepalived', plugins })).toBe('');
    expect(formatText('\n\n  \n', 'keepalived')).toBe('');
  });

  it('formats a file by its name through the plugin module', async () => {
    const file = path.join('/tmp', 'keepalived.conf');
    const out = await prettier.format('global_defs {\nrouter_id a\n}', { filepath: file, plugins });
    expect(out).toBe('global_defs {\n    router_id a\n}\n');
  });
});
