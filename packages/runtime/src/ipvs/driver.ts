import type { Executor } from '../exec/executor.js';
import { countOperations, diffTables, type OperationCounts } from './diff.js';
import { mergeThresholds, parseIpvsSave } from './parse-save.js';
import { renderBatch, renderCommands, renderSave, sortTable } from './render.js';
import type { IpvsOperation, IpvsTable } from './types.js';

export class IpvsCommandError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`${command} failed: ${output.trim() || 'no output'}`);
    this.name = 'IpvsCommandError';
  }
}

/** The live table: `ipvsadm -Sn` for structure, `ipvsadm -Ln --thresholds` for what -S leaves out. */
export async function readLiveTable(exec: Executor, ipvsadm = 'ipvsadm'): Promise<IpvsTable> {
  const save = await exec.run(ipvsadm, ['-Sn']);
  if (save.code !== 0) throw new IpvsCommandError(`${ipvsadm} -Sn`, save.stderr || save.stdout);
  const table = parseIpvsSave(save.stdout);
  if (!table.services.some((s) => s.destinations.length > 0)) return table;
  const listing = await exec.run(ipvsadm, ['-Ln', '--thresholds']);
  if (listing.code !== 0) throw new IpvsCommandError(`${ipvsadm} -Ln --thresholds`, listing.stderr || listing.stdout);
  return mergeThresholds(table, listing.stdout);
}

export interface IpvsPlan {
  live: IpvsTable;
  desired: IpvsTable;
  operations: IpvsOperation[];
  /** Operations that would take the desired table back to today's live table. */
  inverse: IpvsOperation[];
  counts: OperationCounts;
  /** Copy-pastable ipvsadm commands, one per operation. */
  commands: string[];
  /** The same, as the text `ipvsadm -R` reads. */
  batch: string;
}

export function planIpvs(live: IpvsTable, desired: IpvsTable): IpvsPlan {
  const operations = diffTables(live, desired);
  return {
    live,
    desired,
    operations,
    inverse: diffTables(desired, live),
    counts: countOperations(operations),
    commands: renderCommands(operations),
    batch: renderBatch(operations),
  };
}

export function tablesEqual(a: IpvsTable, b: IpvsTable): boolean {
  return renderSave(sortTable(a)) === renderSave(sortTable(b));
}

export interface IpvsApplyResult {
  ok: boolean;
  /** ipvsadm's complaint when the batch failed. */
  error?: string;
  /** Whether the table was put back to what it was before (only when !ok). */
  restored?: boolean;
  /** Operations run to put it back. */
  restoreOperations?: IpvsOperation[];
  live: IpvsTable;
}

/**
 * Runs the plan as one `ipvsadm -R` batch and reads the table back. ipvsadm -R carries
 * on after a failing line, so on any failure the table is re-read and the difference to
 * the table before the apply is applied as a second batch.
 */
export async function applyIpvsPlan(exec: Executor, plan: IpvsPlan, ipvsadm = 'ipvsadm'): Promise<IpvsApplyResult> {
  if (plan.operations.length === 0) return { ok: true, live: plan.live };
  const run = await exec.run(ipvsadm, ['-R'], { input: plan.batch, timeoutMs: 120_000 });
  const after = await readLiveTable(exec, ipvsadm);
  if (run.code === 0 && tablesEqual(after, plan.desired)) return { ok: true, live: after };
  // ipvsadm -R reports only its last line's status: its complaints are the better evidence.
  const complaint = (run.stderr || run.stdout).trim();
  const error = complaint || (run.code !== 0 ? `ipvsadm -R exited with ${run.code}` : 'the table read back differs from the plan');
  const restoreOperations = diffTables(after, plan.live);
  if (restoreOperations.length > 0) await exec.run(ipvsadm, ['-R'], { input: renderBatch(restoreOperations), timeoutMs: 120_000 });
  const restoredTable = await readLiveTable(exec, ipvsadm);
  return { ok: false, error, restored: tablesEqual(restoredTable, plan.live), restoreOperations, live: restoredTable };
}
