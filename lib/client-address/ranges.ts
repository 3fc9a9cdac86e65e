// IP addresses and CIDR ranges as written in TRUSTED_PROXIES ("10.0.0.1", "10.0.0.0/8", "fd00::/8").
import { BlockList, isIP } from "node:net";

export interface AddressRange {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/** `entry` as a range (a bare address is a /32 or /128), or null when it is neither. */
export function parseAddressRange(entry: string): AddressRange | null {
  const [address = "", prefixText, ...rest] = entry.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/** Matches addresses against `ranges`; an IPv4-mapped IPv6 address (::ffff:10.0.0.1) matches its IPv4 range. */
export function rangeMatcher(ranges: readonly AddressRange[]): (address: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) list.addSubnet(range.address, range.prefix, range.family);
  return (address) => {
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
  };
}
