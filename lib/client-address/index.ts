// The client's address, the one home for it (sign-in and registration throttles, per-address limits).
//
// Next does not give route handlers or server actions the socket's peer, and `next start` fills in
// X-Forwarded-For with it only when the client sent none, so that header alone can be forged by
// anyone. instrumentation.ts therefore stamps the TCP peer on every request (peer.ts), and the
// forwarded chain is believed only hop by hop from that peer while each hop is a TRUSTED_PROXIES entry.
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { rangeMatcher } from "./ranges";

/** Set on every request to the TCP peer's address, overwriting anything the client sent under this name. */
export const PEER_ADDRESS_HEADER = "x-chat-peer-address";

let trusted: ((address: string) => boolean) | undefined;

function isTrustedProxy(address: string): boolean {
  trusted ??= rangeMatcher(env().TRUSTED_PROXIES);
  return trusted(address);
}

/** A bare, canonical IP address from a header value ("[::1]:80", "::FFFF:10.0.0.1", "10.0.0.1:5000"), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let address = value?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.indexOf(":"));
  address = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : null;
}

/**
 * The client's address: the stamped peer, unless it is a trusted proxy, in which case the
 * X-Forwarded-For hop it reported, and so on leftwards. A malformed hop stops the walk at the trusted
 * proxy that sent it. "unknown" when there is nothing to go on.
 */
export function clientAddress(headers: Headers, trustedProxy = isTrustedProxy): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  // No stamp: the request reached the server before instrumentation.ts ran. Without the peer there
  // is no telling who wrote X-Forwarded-For, so it is not believed either.
  if (peer === null) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").filter((hop) => hop.trim());
  const hops = [...forwarded, peer];
  let client = "unknown";
  for (let index = hops.length - 1; index >= 0; index--) {
    const address = normalizeAddress(hops[index]);
    if (!address) break;
    client = address;
    if (!trustedProxy(address)) break;
  }
  return client;
}

/** The throttling key for an address: IPv6 clients commonly hold a whole /64, so they are counted per /64. */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (text: string | undefined) => (text ? text.split(":") : []);
  const left = part(head);
  const right = part(tail);
  const last = right.at(-1) ?? left.at(-1);
  if (last?.includes(".")) {
    // An embedded IPv4 tail (64:ff9b::192.0.2.1) counts as two groups.
    const [a = 0, b = 0, c = 0, d = 0] = last.split(".").map(Number);
    const groups = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    if (right.length > 0) right.splice(-1, 1, ...groups);
    else left.splice(-1, 1, ...groups);
  }
  const zeros = Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
