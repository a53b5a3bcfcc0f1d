import { hostPort, serviceId } from '../../ipvs/ids.js';
import { operationArgs } from '../../ipvs/render.js';
import type { IpvsOperation } from '../../ipvs/types.js';
import { shellQuote } from '../../exec/executor.js';

/** What an edit changes, for people: `weight 1 → 3`. */
function changes(op: IpvsOperation): string {
  const parts: string[] = [];
  const diff = (name: string, a: unknown, b: unknown) => {
    if (String(a ?? '') !== String(b ?? '')) parts.push(`${name} ${a ?? '-'} → ${b ?? '-'}`);
  };
  if (op.op === 'edit-service') {
    diff('scheduler', op.before.scheduler, op.service.scheduler);
    diff('persistence', op.before.persistence?.timeout, op.service.persistence?.timeout);
    diff('netmask', op.before.persistence?.netmask, op.service.persistence?.netmask);
    diff('flags', op.before.schedulerFlags.join(','), op.service.schedulerFlags.join(','));
    diff('ops', !!op.before.onePacket, !!op.service.onePacket);
  } else if (op.op === 'edit-destination') {
    diff('method', op.before.method, op.destination.method);
    diff('weight', op.before.weight, op.destination.weight);
    diff('uthreshold', op.before.upperThreshold, op.destination.upperThreshold);
    diff('lthreshold', op.before.lowerThreshold, op.destination.lowerThreshold);
  }
  return parts.join(', ');
}

export function describeOperation(op: IpvsOperation): { mark: '+' | '~' | '-'; command: string; summary: string } {
  const command = shellQuote(['ipvsadm', ...operationArgs(op)]);
  switch (op.op) {
    case 'add-service':
      return { mark: '+', command, summary: `add service ${serviceId(op.service.key)}` };
    case 'edit-service':
      return { mark: '~', command, summary: `edit service ${serviceId(op.service.key)} (${changes(op)})` };
    case 'delete-service':
      return { mark: '-', command, summary: `remove service ${serviceId(op.service.key)} and its ${op.service.destinations.length} real server(s)` };
    case 'add-destination':
      return { mark: '+', command, summary: `add real server ${hostPort(op.destination.address, op.destination.port)} to ${serviceId(op.key)}` };
    case 'edit-destination':
      return { mark: '~', command, summary: `edit real server ${hostPort(op.destination.address, op.destination.port)} of ${serviceId(op.key)} (${changes(op)})` };
    case 'delete-destination':
      return { mark: '-', command, summary: `remove real server ${hostPort(op.destination.address, op.destination.port)} from ${serviceId(op.key)}` };
  }
}
