import ipaddr from 'ipaddr.js';

/**
 * Whether `text` is four decimal parts 0-255 without leading zeros: then it is its own
 * canonical form (ipaddr.js would read the same octets and join them the same way). Rules
 * canonicalise every real server and VIP; this skips ipaddr.js's regular expressions and
 * arrays for the common case. Other forms (`010.1.1.1` is octal, `10.1` two parts) go to it.
 */
function isPlainIpv4(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      parts++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false;
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/** The canonical text of an IP address (`::0001` → `::1`), or undefined when it is not one. */
export function canonicalIp(text: string): string | undefined {
  if (isPlainIpv4(text)) return text;
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
