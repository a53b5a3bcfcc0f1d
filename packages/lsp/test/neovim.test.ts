import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from './bundle.js';

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const repo = path.resolve(import.meta.dirname, '../../..');

// Neovim's own LSP client (Debian's neovim, 0.7+) against the bundled server over stdio.
const LUA = `
local file = os.getenv('CFGLINT_FILE')
local out = os.getenv('CFGLINT_OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'keepalived'
local id = vim.lsp.start_client({
  name = 'cfglint',
  cmd = { os.getenv('CFGLINT_NODE'), os.getenv('CFGLINT_SERVER'), '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h:h'),
})
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == 'keepalived/vrid-mismatch' then return true end
  end
  return false
end, 50)
local result = { ok = ok, diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, { code = d.code, lnum = d.lnum, message = d.message })
end
local symbols = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params() }, 10000)
result.symbols = {}
for _, r in pairs(symbols or {}) do
  for _, s in ipairs(r.result or {}) do table.insert(result.symbols, s.name) end
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(id)
vim.cmd('qa!')
`;

describe.skipIf(!hasNeovim())('Neovim as the client', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfglint-nvim-'));
  let server: string;
  beforeAll(async () => {
    server = await bundleServer();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (server) rmSync(path.dirname(server), { recursive: true, force: true });
  });

  it('gets the cross-host diagnostics and the outline of web2/keepalived.conf', () => {
    for (const host of ['web1', 'web2']) {
      mkdirSync(path.join(dir, host), { recursive: true });
      let text = readFileSync(path.join(repo, 'fixtures/seed', host, 'keepalived.conf'), 'utf8');
      if (host === 'web2') text = text.replace('virtual_router_id 51', 'virtual_router_id 52');
      writeFileSync(path.join(dir, host, 'keepalived.conf'), text);
    }
    writeFileSync(path.join(dir, 'test.lua'), LUA);
    const out = path.join(dir, 'out.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(dir, 'test.lua')}`], {
      env: { ...process.env, CFGLINT_FILE: path.join(dir, 'web2', 'keepalived.conf'), CFGLINT_OUT: out, CFGLINT_NODE: process.execPath, CFGLINT_SERVER: server },
      timeout: 60_000,
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { code: string; lnum: number }[]; symbols: string[] };
    expect(result.ok).toBe(true);
    const line = readFileSync(path.join(dir, 'web2', 'keepalived.conf'), 'utf8').split('\n').findIndex((l) => l.includes('virtual_router_id'));
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'keepalived/vrid-mismatch', lnum: line }));
    expect(result.symbols).toEqual(['global_defs', 'VI_1']);
  }, 90_000);
});
