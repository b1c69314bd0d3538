import { describe, expect, it } from "vitest";
import { sha256Hex } from "@/server/crypto/secret-box";
import { API_KEY_PATTERN, generateApiKey } from "./generate-api-key";

describe("generateApiKey", () => {
  it("has the lk_<prefix>_<secret> shape and the prefix it reports", () => {
    for (let i = 0; i < 200; i++) {
      const { key, prefix } = generateApiKey();
      expect(key).toMatch(API_KEY_PATTERN);
      expect(prefix).toMatch(/^[A-Za-z0-9]{8}$/);
      expect(key.startsWith(`lk_${prefix}_`)).toBe(true);
    }
  });

  it("stores the SHA-256 of the whole key, which is what a Bearer token is hashed to", () => {
    const { key, keyHash, prefix } = generateApiKey();
    expect(keyHash).toBe(sha256Hex(key));
    expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash).not.toContain(key.slice("lk_".length + prefix.length + 1)); // the secret may itself contain "_"
  });

  it("passes the Bearer token pattern of the tRPC context (10–200 non-space characters)", () => {
    const { key } = generateApiKey();
    expect(key).toMatch(/^\S{10,200}$/);
  });

  it("never repeats a prefix or a key", () => {
    const keys = Array.from({ length: 500 }, generateApiKey);
    expect(new Set(keys.map((k) => k.key)).size).toBe(500);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(500);
  });
});
