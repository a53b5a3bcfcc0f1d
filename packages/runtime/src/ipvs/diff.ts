import { destinationId, serviceId } from './ids.js';
import type { IpvsDestination, IpvsOperation, IpvsService, IpvsTable } from './types.js';

export function sameServiceAttributes(a: IpvsService, b: IpvsService): boolean {
  return (
    a.scheduler === b.scheduler &&
    a.persistence?.timeout === b.persistence?.timeout &&
    a.persistence?.netmask === b.persistence?.netmask &&
    !!a.onePacket === !!b.onePacket &&
    a.schedulerFlags.join(',') === b.schedulerFlags.join(',') &&
    a.persistenceEngine === b.persistenceEngine
  );
}

export function sameDestinationAttributes(a: IpvsDestination, b: IpvsDestination): boolean {
  if (a.method !== b.method || a.weight !== b.weight || a.upperThreshold !== b.upperThreshold || a.lowerThreshold !== b.lowerThreshold) return false;
  if (a.method !== 'tunnel') return true;
  return a.tunnel?.type === b.tunnel?.type && a.tunnel?.port === b.tunnel?.port && a.tunnel?.checksum === b.tunnel?.checksum;
}

/**
 * The fewest operations that turn `live` into `desired`. What the kernel can edit in
 * place is edited (-E for a service's scheduler and persistence, -e for a real server's
 * weight, thresholds and forwarding method), so established connections survive; only a
 * changed identity (protocol, VIP, port, fwmark, real server address or port) is a delete
 * plus an add. Never a flush. Order: per kept service its edit, then added, edited and
 * removed real servers (capacity first); then new services; removed services last.
 */
export function diffTables(live: IpvsTable, desired: IpvsTable): IpvsOperation[] {
  const ops: IpvsOperation[] = [];
  const liveById = new Map(live.services.map((s) => [serviceId(s.key), s]));
  const desiredIds = new Set<string>();
  const added: IpvsOperation[] = [];
  for (const want of desired.services) {
    const id = serviceId(want.key);
    desiredIds.add(id);
    const have = liveById.get(id);
    if (!have) {
      added.push({ op: 'add-service', service: want });
      for (const destination of want.destinations) added.push({ op: 'add-destination', key: want.key, destination });
      continue;
    }
    if (!sameServiceAttributes(have, want)) ops.push({ op: 'edit-service', service: want, before: have });
    diffDestinations(have, want, ops);
  }
  ops.push(...added);
  for (const have of live.services) {
    if (!desiredIds.has(serviceId(have.key))) ops.push({ op: 'delete-service', service: have });
  }
  return ops;
}

const sameAddress = (a: IpvsDestination, b: IpvsDestination) => a.port === b.port && a.address === b.address;

/** Real server changes of a kept service: adds, then in-place edits, then removals. */
function diffDestinations(have: IpvsService, want: IpvsService, ops: IpvsOperation[]): void {
  const h = have.destinations;
  const w = want.destinations;
  // Usual case: the same real servers in the same order (the kernel keeps insertion order).
  if (h.length === w.length && h.every((d, i) => sameAddress(d, w[i]))) {
    for (let i = 0; i < w.length; i++) {
      if (!sameDestinationAttributes(h[i], w[i])) ops.push({ op: 'edit-destination', key: want.key, destination: w[i], before: h[i] });
    }
    return;
  }
  const haveById = new Map<string, IpvsDestination>();
  for (const d of h) haveById.set(destinationId(d), d);
  const wantIds = new Set<string>();
  const edits: IpvsOperation[] = [];
  for (const d of w) {
    const id = destinationId(d);
    wantIds.add(id);
    const old = haveById.get(id);
    if (!old) ops.push({ op: 'add-destination', key: want.key, destination: d });
    else if (!sameDestinationAttributes(old, d)) edits.push({ op: 'edit-destination', key: want.key, destination: d, before: old });
  }
  ops.push(...edits);
  for (const d of h) if (!wantIds.has(destinationId(d))) ops.push({ op: 'delete-destination', key: have.key, destination: d });
}

/** What the table looks like after the operations: used to check a plan and to predict rollback. */
export function applyOperations(table: IpvsTable, ops: readonly IpvsOperation[]): IpvsTable {
  const services = new Map(table.services.map((s) => [serviceId(s.key), { ...s, destinations: [...s.destinations] }]));
  for (const op of ops) {
    if (op.op === 'add-service') services.set(serviceId(op.service.key), { ...op.service, destinations: [] });
    else if (op.op === 'edit-service') {
      const s = services.get(serviceId(op.service.key));
      if (s) services.set(serviceId(op.service.key), { ...op.service, destinations: s.destinations });
    } else if (op.op === 'delete-service') services.delete(serviceId(op.service.key));
    else {
      const s = services.get(serviceId(op.key));
      if (!s) continue;
      const did = destinationId(op.destination);
      s.destinations = s.destinations.filter((d) => destinationId(d) !== did);
      if (op.op !== 'delete-destination') s.destinations.push(op.destination);
    }
  }
  return { services: [...services.values()] };
}

export interface OperationCounts {
  add: number;
  change: number;
  destroy: number;
}

/** Terraform-style counts: services and real servers added, edited in place, removed. */
export function countOperations(ops: readonly IpvsOperation[]): OperationCounts {
  const counts = { add: 0, change: 0, destroy: 0 };
  for (const op of ops) {
    if (op.op.startsWith('add')) counts.add++;
    else if (op.op.startsWith('edit')) counts.change++;
    else counts.destroy++;
  }
  return counts;
}
