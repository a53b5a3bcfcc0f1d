import { shellQuote } from '../exec/executor.js';
import { hostPort, serviceArgs } from './ids.js';
import type { IpvsDestination, IpvsOperation, IpvsService, IpvsTable, ServiceKey } from './types.js';

const METHOD_FLAG = { route: '-g', masq: '-m', tunnel: '-i' } as const;

/** Everything that defines a service besides its key: -E replaces all of it, so all of it is always written. */
function serviceAttributeArgs(s: IpvsService): string[] {
  const args = ['-s', s.scheduler];
  if (s.persistence) {
    args.push('-p', String(s.persistence.timeout));
    if (s.persistence.netmask) args.push('-M', s.persistence.netmask);
  }
  if (s.onePacket) args.push('-o');
  if (s.schedulerFlags.length > 0) args.push('-b', s.schedulerFlags.join(','));
  if (s.persistenceEngine) args.push('--pe', s.persistenceEngine);
  return args;
}

function destinationArgs(key: ServiceKey, d: IpvsDestination, explicitThresholds: boolean): string[] {
  const args = [...serviceArgs(key), '-r', hostPort(d.address, d.port), METHOD_FLAG[d.method], '-w', String(d.weight)];
  if (explicitThresholds || d.upperThreshold) args.push('-x', String(d.upperThreshold));
  if (explicitThresholds || d.lowerThreshold) args.push('-y', String(d.lowerThreshold));
  if (d.method === 'tunnel' && d.tunnel && d.tunnel.type !== 'ipip') {
    args.push('--tun-type', d.tunnel.type);
    if (d.tunnel.port !== undefined) args.push('--tun-port', String(d.tunnel.port));
    if (d.tunnel.checksum) args.push(`--tun-${d.tunnel.checksum}`);
  }
  return args;
}

/** The ipvsadm arguments of one operation (without the program name). */
export function operationArgs(op: IpvsOperation): string[] {
  switch (op.op) {
    case 'add-service':
      return ['-A', ...serviceArgs(op.service.key), ...serviceAttributeArgs(op.service)];
    case 'edit-service':
      return ['-E', ...serviceArgs(op.service.key), ...serviceAttributeArgs(op.service)];
    case 'delete-service':
      return ['-D', ...serviceArgs(op.service.key)];
    case 'add-destination':
      return ['-a', ...destinationArgs(op.key, op.destination, false)];
    case 'edit-destination':
      return ['-e', ...destinationArgs(op.key, op.destination, true)];
    case 'delete-destination':
      return ['-d', ...serviceArgs(op.key), '-r', hostPort(op.destination.address, op.destination.port)];
  }
}

/** The text `ipvsadm -R` reads from standard input: one command per line. */
export function renderBatch(ops: readonly IpvsOperation[]): string {
  return ops.map((op) => operationArgs(op).join(' ') + '\n').join('');
}

/** Copy-pastable commands for a plan. */
export function renderCommands(ops: readonly IpvsOperation[]): string[] {
  return ops.map((op) => shellQuote(['ipvsadm', ...operationArgs(op)]));
}

/** A table in `ipvsadm -Sn` form (thresholds as -x/-y when set), services and destinations sorted. */
export function renderSave(table: IpvsTable): string {
  const ops: IpvsOperation[] = [];
  for (const service of sortTable(table).services) {
    ops.push({ op: 'add-service', service });
    for (const destination of service.destinations) ops.push({ op: 'add-destination', key: service.key, destination });
  }
  return renderBatch(ops);
}

/** A copy with services and destinations in a stable order, for comparisons and display. */
export function sortTable(table: IpvsTable): IpvsTable {
  const byText = <T>(f: (x: T) => string) => (a: T, b: T) => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0);
  return {
    services: [...table.services]
      .sort(byText((s) => serviceArgs(s.key).join(' ')))
      .map((s) => ({ ...s, destinations: [...s.destinations].sort(byText((d) => hostPort(d.address, d.port))) })),
  };
}
