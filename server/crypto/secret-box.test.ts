import { describe, expect, it } from "vitest";
import { openSecret, randomSecret, sealSecret } from "./secret-box";

const KEY = "k".repeat(32);

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret("s3cr3t-SIP;pass", KEY);
    expect(sealed).not.toContain("s3cr3t");
    expect(sealed).not.toBe(sealSecret("s3cr3t-SIP;pass", KEY)); // fresh IV each time
    expect(openSecret(sealed, KEY)).toBe("s3cr3t-SIP;pass");
  });

  it("refuses a wrong key or a tampered value", () => {
    const sealed = sealSecret("x", KEY);
    expect(() => openSecret(sealed, "z".repeat(32))).toThrow();
    const [v, iv, tag, body] = sealed.split(":");
    expect(() => openSecret([v, iv, tag, `${body}A`].join(":"), KEY)).toThrow();
    expect(() => openSecret("plain", KEY)).toThrow(/not a sealed secret/);
  });

  it("makes URL- and config-safe random secrets", () => {
    expect(randomSecret()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
