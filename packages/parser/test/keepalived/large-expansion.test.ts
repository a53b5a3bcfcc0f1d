import { expect, it } from 'vitest';
import { createMemoryFileSystem, loadKeepalived } from '../../src/index.js';

// ~SEQ repeats multiply: 400 × 400 lines inside one block once overflowed a spread push.
it('loads a block holding a huge ~SEQ expansion without throwing', { timeout: 120_000 }, () => {
  const text = 'global_defs {\n~SEQ(A,1,400) ~SEQ(B,1,400) router_id r${A}x${B}\n}\n';
  const fs = createMemoryFileSystem({ '/k/keepalived.conf': text });
  const loaded = loadKeepalived('/k/keepalived.conf', { fs });
  expect(loaded.model.globalDefs).toBeDefined();
  expect(loaded.diagnostics.every((d) => d.fileName === '/k/keepalived.conf')).toBe(true);
});
