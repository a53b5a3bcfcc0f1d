import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../fs/atomic-write.js';
import type { IpvsTable } from '../ipvs/types.js';

/** What cfgrun remembers about an IPVS deployment, to show drift and to roll back. */
export interface IpvsDeployment {
  appliedAt: string;
  /** The config it came from (absolute path), or 'rollback'. */
  source: string;
  sha256?: string;
  table: IpvsTable;
}

const CURRENT = 'ipvs-current.json';
const PREVIOUS = 'ipvs-previous.json';

function read(file: string): IpvsDeployment | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as IpvsDeployment;
}

export function readIpvsDeployments(stateDir: string): { current?: IpvsDeployment; previous?: IpvsDeployment } {
  return { current: read(join(stateDir, CURRENT)), previous: read(join(stateDir, PREVIOUS)) };
}

/** Records a successful apply: the old current becomes previous (so rollback toggles back). */
export function recordIpvsDeployment(stateDir: string, deployment: IpvsDeployment): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const { current } = readIpvsDeployments(stateDir);
  if (current) atomicWrite(join(stateDir, PREVIOUS), JSON.stringify(current, null, 2) + '\n');
  atomicWrite(join(stateDir, CURRENT), JSON.stringify(deployment, null, 2) + '\n');
}
