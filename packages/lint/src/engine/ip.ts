import { isDottedQuad } from '@cfglint/parser';
import ipaddr from 'ipaddr.js';

/** The canonical text of an IP address (`::0001` → `::1`), or undefined when it is not one. */
export function canonicalIp(text: string): string | undefined {
  // The common case is its own canonical form; skip ipaddr.js's regular expressions for it.
  if (isDottedQuad(text)) return text;
  try {
    const parsed = ipaddr.parse(text);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address().toString();
    return parsed.toNormalizedString();
  } catch {
    return undefined;
  }
}

/**
 * The network an address sits in, as `network/len`. Without a written prefix, keepalived
 * VIPs default to /32 (/128) on the wire, but the segment they live on is unknown: we
 * assume the common /24 (IPv4) or /64 (IPv6), documented in the clustering rules.
 */
export function segmentOf(address: string, prefix?: number): string | undefined {
  try {
    const parsed = ipaddr.parse(address);
    const isV4 = parsed.kind() === 'ipv4';
    const full = isV4 ? 32 : 128;
    const len = prefix !== undefined && prefix < full ? prefix : isV4 ? 24 : 64;
    const bytes = parsed.toByteArray();
    for (let bit = len; bit < full; bit++) bytes[bit >> 3] &= ~(0x80 >> (bit & 7));
    return `${ipaddr.fromByteArray(bytes).toNormalizedString()}/${len}`;
  } catch {
    return undefined;
  }
}
