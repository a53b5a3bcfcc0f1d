import { describe, expect, it } from 'vitest';
import { applyOperations, countOperations, diffTables } from './diff.js';
import { parseIpvsSave } from './parse-save.js';
import { renderBatch, renderCommands, renderSave } from './render.js';
import type { IpvsTable } from './types.js';

const LAB = parseIpvsSave(`-A -t 192.168.4.15:80 -s rr -p 50
-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1
-a -t 192.168.4.15:80 -r 192.168.4.200:80 -g -w 1
`);

const table = (text: string): IpvsTable => parseIpvsSave(text);

describe('diffTables', () => {
  it('builds an empty kernel table with one add per service and real server', () => {
    const ops = diffTables({ services: [] }, LAB);
    expect(renderBatch(ops)).toBe(
      '-A -t 192.168.4.15:80 -s rr -p 50\n-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1\n-a -t 192.168.4.15:80 -r 192.168.4.200:80 -g -w 1\n',
    );
    expect(countOperations(ops)).toEqual({ add: 3, change: 0, destroy: 0 });
  });

  it('makes no operations when the table already matches', () => {
    expect(diffTables(LAB, table(renderSave(LAB)))).toEqual([]);
  });

  it('edits scheduler, persistence and weights in place instead of re-creating', () => {
    const want = table(`-A -t 192.168.4.15:80 -s wrr
-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 3
-a -t 192.168.4.15:80 -r 192.168.4.200:80 -m -w 1
`);
    const ops = diffTables(LAB, want);
    expect(ops.map((o) => o.op)).toEqual(['edit-service', 'edit-destination', 'edit-destination']);
    expect(renderBatch(ops)).toBe(
      '-E -t 192.168.4.15:80 -s wrr\n' +
        '-e -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 3 -x 0 -y 0\n' +
        '-e -t 192.168.4.15:80 -r 192.168.4.200:80 -m -w 1 -x 0 -y 0\n',
    );
  });

  it('adds before it removes, and removes only what the config dropped', () => {
    const want = table(`-A -t 192.168.4.15:80 -s rr -p 50
-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 1
-a -t 192.168.4.15:80 -r 192.168.4.101:80 -g -w 1
`);
    expect(renderBatch(diffTables(LAB, want))).toBe(
      '-a -t 192.168.4.15:80 -r 192.168.4.101:80 -g -w 1\n-d -t 192.168.4.15:80 -r 192.168.4.200:80\n',
    );
  });

  it('replaces a service whose identity changed, and deletes a whole service with one -D', () => {
    const want = table(`-A -t 192.168.4.15:8080 -s rr -p 50
-a -t 192.168.4.15:8080 -r 192.168.4.100:80 -g -w 1
`);
    expect(renderBatch(diffTables(LAB, want))).toBe(
      '-A -t 192.168.4.15:8080 -s rr -p 50\n-a -t 192.168.4.15:8080 -r 192.168.4.100:80 -g -w 1\n-D -t 192.168.4.15:80\n',
    );
  });

  it('treats a real server port change as delete plus add (the port is part of its identity)', () => {
    const want = table(`-A -t 192.168.4.15:80 -s rr -p 50
-a -t 192.168.4.15:80 -r 192.168.4.100:8080 -g -w 1
-a -t 192.168.4.15:80 -r 192.168.4.200:80 -g -w 1
`);
    expect(diffTables(LAB, want).map((o) => o.op)).toEqual(['add-destination', 'delete-destination']);
  });

  it('never emits a flush, and its result applied to the live table gives the desired table', () => {
    const live = table(`-A -u 10.0.0.1:53 -s rr
-a -u 10.0.0.1:53 -r 10.0.1.1:53 -m -w 1
-A -f 3 -s sh -b sh-port
-a -f 3 -r 10.0.1.2:0 -g -w 1
`);
    const ops = diffTables(live, LAB);
    expect(renderBatch(ops)).not.toMatch(/^-C/m);
    expect(renderSave(applyOperations(live, ops))).toBe(renderSave(LAB));
  });

  it('the inverse batch (desired back to live) restores the live table', () => {
    const want = table(`-A -t 192.168.4.15:80 -s wrr
-a -t 192.168.4.15:80 -r 192.168.4.100:80 -g -w 3 -x 100
-A -f 9 -s rr
-a -f 9 -r 192.168.4.100:0 -g -w 1
`);
    const forward = diffTables(LAB, want);
    const inverse = diffTables(want, LAB);
    expect(renderSave(applyOperations(applyOperations(LAB, forward), inverse))).toBe(renderSave(LAB));
  });

  it('renders copy-pastable commands', () => {
    expect(renderCommands(diffTables({ services: [] }, LAB))[0]).toBe('ipvsadm -A -t 192.168.4.15:80 -s rr -p 50');
  });
});
