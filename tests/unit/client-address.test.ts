import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, normalizeAddress, PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { stampPeerAddresses } from "@/lib/client-address/peer";
import { parseAddressRange, rangeMatcher } from "@/lib/client-address/ranges";

const proxies = (...entries: string[]) =>
  rangeMatcher(
    entries.map((entry) => parseAddressRange(entry) ?? { address: "0.0.0.0", prefix: 32, family: "ipv4" }),
  );
const noProxies = proxies();

function request(peer: string | null, forwardedFor?: string): Headers {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

describe("clientAddress", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), noProxies)).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), proxies("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("believes the hop a trusted proxy added, not what the client wrote before it", () => {
    const trusted = proxies("10.0.0.0/8");
    expect(clientAddress(request("10.0.0.2", "203.0.113.1"), trusted)).toBe("203.0.113.1");
    expect(clientAddress(request("10.0.0.2", "1.2.3.4, 10.9.9.9, 203.0.113.1"), trusted)).toBe("203.0.113.1");
  });

  it("walks through a chain of trusted proxies", () => {
    const trusted = proxies("10.0.0.0/8", "192.0.2.10");
    expect(clientAddress(request("10.0.0.2", "1.2.3.4, 203.0.113.1, 192.0.2.10"), trusted)).toBe(
      "203.0.113.1",
    );
    expect(clientAddress(request("10.0.0.2", "10.0.0.3"), trusted)).toBe("10.0.0.3"); // all trusted: the left-most
    expect(clientAddress(request("10.0.0.2"), trusted)).toBe("10.0.0.2");
  });

  it("stops at the trusted proxy that forwarded a malformed hop", () => {
    expect(clientAddress(request("10.0.0.2", "203.0.113.1, nonsense"), proxies("10.0.0.0/8"))).toBe(
      "10.0.0.2",
    );
  });

  it("believes no X-Forwarded-For without the peer stamp: the client is then unknown", () => {
    expect(clientAddress(request(null, "203.0.113.1"), noProxies)).toBe("unknown");
    expect(clientAddress(request(null, "203.0.113.1"), proxies("0.0.0.0/0"))).toBe("unknown");
    expect(clientAddress(request(null), noProxies)).toBe("unknown");
    expect(clientAddress(request(""), noProxies)).toBe("unknown");
  });

  it("matches IPv4-mapped peers against IPv4 ranges", () => {
    expect(clientAddress(request("::ffff:127.0.0.1", "203.0.113.1"), proxies("127.0.0.1"))).toBe(
      "203.0.113.1",
    );
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.1", "203.0.113.1"],
    [" 203.0.113.1:5040 ", "203.0.113.1"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["unknown", null],
    ["1.2.3", null],
    ["", null],
    [null, null],
  ])("%j → %j", (input, output) => {
    expect(normalizeAddress(input)).toBe(output);
  });
});

describe("addressGroup", () => {
  it("keeps IPv4 addresses and counts IPv6 ones per /64", () => {
    expect(addressGroup("203.0.113.1")).toBe("203.0.113.1");
    expect(addressGroup("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("64:ff9b:1:2::192.0.2.1")).toBe("64:ff9b:1:2::/64");
    expect(addressGroup("::192.0.2.1")).toBe("0:0:0:0::/64");
  });
});

describe("address ranges", () => {
  it("parses addresses and CIDR ranges, refusing anything else", () => {
    expect(parseAddressRange("10.0.0.1")).toEqual({ address: "10.0.0.1", prefix: 32, family: "ipv4" });
    expect(parseAddressRange(" 10.0.0.0/8 ")).toEqual({ address: "10.0.0.0", prefix: 8, family: "ipv4" });
    expect(parseAddressRange("fd00::/8")).toEqual({ address: "fd00::", prefix: 8, family: "ipv6" });
    for (const bad of [
      "",
      "proxy.local",
      "10.0.0.0/33",
      "fd00::/129",
      "10.0.0.0/8/8",
      "10.0.0.0/x",
      "10.0.0.0/",
    ]) {
      expect(parseAddressRange(bad)).toBeNull();
    }
  });

  it("matches addresses inside the ranges only", () => {
    const trusted = proxies("10.0.0.0/8", "fd00::/8", "192.0.2.10");
    expect(["10.1.2.3", "fd12::1", "192.0.2.10", "::ffff:10.0.0.1"].map(trusted)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["11.0.0.1", "fe80::1", "192.0.2.11", "not an ip"].map(trusted)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("stampPeerAddresses", () => {
  it("overwrites a peer header sent by the client with the socket's address", async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // idempotent
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.1" },
      });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
