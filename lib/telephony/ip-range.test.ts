import { describe, expect, it } from "vitest";
import { addressesOverlap, ipv4Range } from "./ip-range";

describe("IPv4 ranges", () => {
  it("reads addresses and CIDR blocks", () => {
    expect(ipv4Range("203.0.113.10")).toEqual({ start: 3405803786, end: 3405803786 });
    expect(ipv4Range("203.0.113.77/24")).toEqual({ start: 3405803776, end: 3405804031 });
    expect(ipv4Range("sip.example.com")).toBeNull();
    expect(ipv4Range("2001:db8::1")).toBeNull();
    expect(ipv4Range("1.2.3.4/33")).toBeNull();
  });

  it.each([
    ["203.0.113.10", "203.0.113.10", true],
    ["203.0.113.10", "203.0.113.0/24", true],
    ["203.0.112.0/23", "203.0.113.200", true],
    ["203.0.113.10", "203.0.113.11", false],
    ["203.0.113.0/25", "203.0.113.128/25", false],
    ["203.0.113.10", "sip.example.com", false],
  ])("%s and %s overlap: %s", (a, b, expected) => {
    expect(addressesOverlap(a, b)).toBe(expected);
    expect(addressesOverlap(b, a)).toBe(expected);
  });
});
