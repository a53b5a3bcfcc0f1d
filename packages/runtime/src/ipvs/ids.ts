import type { IpvsDestination, ServiceKey } from './types.js';

/** `ADDR:PORT` with IPv6 addresses bracketed, as ipvsadm writes and reads them. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A stable identity for a virtual service: what cannot be edited in place. */
export function serviceId(key: ServiceKey): string {
  return key.kind === 'fwmark' ? `FWM ${key.fwmark}${key.family === 6 ? ' IPv6' : ''}` : `${key.protocol.toUpperCase()} ${hostPort(key.address, key.port)}`;
}

export function destinationId(destination: Pick<IpvsDestination, 'address' | 'port'>): string {
  return hostPort(destination.address, destination.port);
}

/** ipvsadm's arguments that name a service: `-t ADDR:PORT`, `-u …`, `--sctp-service …`, `-f MARK [-6]`. */
export function serviceArgs(key: ServiceKey): string[] {
  if (key.kind === 'fwmark') return key.family === 6 ? ['-f', String(key.fwmark), '-6'] : ['-f', String(key.fwmark)];
  const flag = key.protocol === 'tcp' ? '-t' : key.protocol === 'udp' ? '-u' : '--sctp-service';
  return [flag, hostPort(key.address, key.port)];
}
