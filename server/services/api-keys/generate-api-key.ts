import { randomInt } from "node:crypto";
import { randomSecret, sha256Hex } from "@/server/crypto/secret-box";

const PREFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const API_KEY_PREFIX_LENGTH = 8;
export const API_KEY_PATTERN = /^lk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { key: string; prefix: string; keyHash: string };

/**
 * `lk_<prefix>_<secret>`: the prefix (8 letters/digits, no "_" so the format splits one way)
 * names the key in lists; the secret is 32 random bytes. Only sha256Hex(whole key) is stored,
 * which is what tenantProcedure compares the whole Bearer token against.
 */
export function generateApiKey(): GeneratedApiKey {
  let prefix = "";
  for (let i = 0; i < API_KEY_PREFIX_LENGTH; i++) prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const key = `lk_${prefix}_${randomSecret(32)}`;
  return { key, prefix, keyHash: sha256Hex(key) };
}
