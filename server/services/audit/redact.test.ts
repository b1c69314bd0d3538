import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("hides secrets at any depth and keeps the rest as plain JSON", () => {
    const at = new Date("2026-11-21T12:00:00Z");
    expect(
      redactSecrets({
        name: "gw1",
        secretEnc: "v1:abc",
        amiSecret: "x",
        passwordHash: "scrypt$…",
        tokenHash: "ab",
        apiKey: "lk_…",
        nested: { password: "p", list: [{ secret: "s", port: 5060 }] },
        missingSecret: null,
        at,
      }),
    ).toEqual({
      name: "gw1",
      secretEnc: "[redacted]",
      amiSecret: "[redacted]",
      passwordHash: "[redacted]",
      tokenHash: "[redacted]",
      apiKey: "[redacted]",
      nested: { password: "[redacted]", list: [{ secret: "[redacted]", port: 5060 }] },
      missingSecret: null,
      at: "2026-11-21T12:00:00.000Z",
    });
  });
});
