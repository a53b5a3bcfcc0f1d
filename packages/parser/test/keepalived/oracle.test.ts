import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interfacesIn, keepalivedUnavailableReason } from '../../../../test-support/daemons.js';
import { loadKeepalived } from '../../src/keepalived/index.js';
import { fixtureFiles } from './fixture-files.js';

/**
 * The daemon as the oracle for preprocessing: keepalived's own configuration dump (`-d`)
 * of the VRRP instances must match our model after includes, definitions, ~SEQ/~LST and
 * @id lines. keepalived runs VRRP-only (-P) for ~1.5 s inside a throwaway network namespace.
 */

const unavailable = keepalivedUnavailableReason();

function run(cmd: string, args: string[], timeout = 20_000): Promise<string> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
}

let counter = 0;

async function keepalivedDump(file: string, configId: string): Promise<string> {
  const ns = `cfgl-dump-${process.pid}-${++counter}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'cfgl-dump-'));
  await run('ip', ['netns', 'add', ns]);
  try {
    await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    let peer = 0;
    for (const name of interfacesIn(readFileSync(file, 'utf8'))) {
      await run('ip', ['-n', ns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', `cfgldp${peer++}`]);
    }
    const pid = (n: string) => path.join(dir, n);
    // `timeout` ends only the keepalived it started.
    return await run('ip', ['netns', 'exec', ns, 'timeout', '-s', 'TERM', '1.5', 'keepalived', '-n', '-l', '-P', '-d', '-D', '-i', configId, '-p', pid('k.pid'), '-r', pid('v.pid'), '-c', pid('c.pid'), '-b', pid('b.pid'), '-f', file]);
  } finally {
    await run('ip', ['netns', 'del', ns]);
    rmSync(dir, { recursive: true, force: true });
  }
}

interface DumpedInstance {
  name: string;
  vrid?: number;
  priority?: number;
  vips: string[];
}

/** VRRP instances from keepalived's "VRRP Topology" dump. */
function parseDump(output: string): DumpedInstance[] {
  const lines = output.split('\n').map((l) => l.replace(/^.*?Keepalived_vrrp\[\d+\]: /, '').replace(/^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d+ [\d:]+ \d{4}: /, ''));
  const out: DumpedInstance[] = [];
  let current: DumpedInstance | undefined;
  let inVips = false;
  for (const line of lines) {
    let m = /^ VRRP Instance = (\S+)/.exec(line);
    if (m) {
      current = { name: m[1], vips: [] };
      out.push(current);
      inVips = false;
      continue;
    }
    if (!current) continue;
    if ((m = /^ {3}Virtual Router ID = (\d+)/.exec(line))) current.vrid = Number(m[1]);
    else if ((m = /^ {3}Priority = (\d+)/.exec(line))) current.priority = Number(m[1]);
    else if (/^ {3}Virtual IP \(\d+\):/.test(line)) inVips = true;
    else if (inVips && (m = /^ {5}(\S+)/.exec(line))) current.vips.push(m[1].split('/')[0]);
    else inVips = false;
    if (/^------< /.test(line) && !/VRRP Topology/.test(line)) current = undefined;
  }
  return out;
}

const files = fixtureFiles('valid').filter((f) => /vrrp_instance/.test(readFileSync(f, 'utf8')) || f.endsWith('definitions.conf'));

describe("keepalived's own configuration dump agrees with the model (VRRP instances)", () => {
  for (const file of files) {
    const ids = file.endsWith('definitions.conf') ? ['nosuchhost', 'otherhost'] : ['nosuchhost'];
    for (const configId of ids) {
      it.concurrent(`${path.basename(file)} with -i ${configId}`, async (ctx) => {
        if (unavailable) ctx.skip(`skipped: needs root and ip netns (${unavailable})`);
        const dumped = parseDump(await keepalivedDump(file, configId));
        const { model } = loadKeepalived(file, { configId });
        expect(dumped.length).toBeGreaterThan(0);
        const ours = model.vrrpInstances.map((i) => {
          const d = dumped.find((x) => x.name === i.name);
          return {
            name: i.name,
            vrid: i.virtualRouterId?.value,
            // keepalived derives a priority when none is written; compare written ones only.
            priority: i.priority ? i.priority.value : d?.priority,
            vips: i.virtualIpAddresses.map((v) => v.address),
          };
        });
        expect(ours).toEqual(dumped.map((d) => ({ name: d.name, vrid: d.vrid, priority: d.priority, vips: d.vips })));
      }, 30_000);
    }
  }
});
