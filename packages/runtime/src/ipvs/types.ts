/** The kernel's IPVS table as cfgrun models it: what `ipvsadm -Sn` can express, plus thresholds. */
export type IpvsProtocol = 'tcp' | 'udp' | 'sctp';

export type ServiceKey =
  | { kind: 'address'; protocol: IpvsProtocol; address: string; port: number }
  | { kind: 'fwmark'; fwmark: number; family: 4 | 6 };

/** -g (direct routing), -m (NAT, masquerading), -i (IP-in-IP tunnelling). */
export type ForwardingMethod = 'route' | 'masq' | 'tunnel';

export interface TunnelOptions {
  type: 'ipip' | 'gue' | 'gre';
  /** GUE's UDP port. */
  port?: number;
  /** GUE/GRE checksum mode; ipvsadm defaults to nocsum. */
  checksum?: 'nocsum' | 'csum' | 'remcsum';
}

export interface IpvsDestination {
  address: string;
  port: number;
  method: ForwardingMethod;
  weight: number;
  upperThreshold: number;
  lowerThreshold: number;
  tunnel?: TunnelOptions;
}

export interface Persistence {
  /** Seconds. */
  timeout: number;
  /** Dotted mask (IPv4) or prefix length (IPv6); absent means a single client address. */
  netmask?: string;
}

export interface IpvsService {
  key: ServiceKey;
  scheduler: string;
  persistence?: Persistence;
  /** One-packet scheduling (-o, UDP only). */
  onePacket?: boolean;
  /** Scheduler flags (-b), sorted: sh-port, sh-fallback, mh-port, mh-fallback, flag-1… */
  schedulerFlags: string[];
  /** Persistence engine (--pe), e.g. sip. */
  persistenceEngine?: string;
  destinations: IpvsDestination[];
}

export interface IpvsTable {
  services: IpvsService[];
}

export type IpvsOperation =
  | { op: 'add-service'; service: IpvsService }
  | { op: 'edit-service'; service: IpvsService; before: IpvsService }
  | { op: 'delete-service'; service: IpvsService }
  | { op: 'add-destination'; key: ServiceKey; destination: IpvsDestination }
  | { op: 'edit-destination'; key: ServiceKey; destination: IpvsDestination; before: IpvsDestination }
  | { op: 'delete-destination'; key: ServiceKey; destination: IpvsDestination };
