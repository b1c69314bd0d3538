import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Secrets Asterisk needs in clear (SIP passwords, AMI and gateway credentials) are stored as
// "v1:<iv>:<tag>:<ciphertext>" (base64url), AES-256-GCM under a key derived from APP_SECRET.
// Only the config generator and the AMI connector decrypt them.
const VERSION = "v1";

function key(appSecret: string): Buffer {
  if (appSecret.length < 32) throw new Error("APP_SECRET must be at least 32 characters");
  return createHash("sha256").update(`linha-secret-box:${appSecret}`).digest();
}

export function sealSecret(plain: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(appSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

export function openSecret(sealed: string, appSecret: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(appSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A random secret for SIP endpoints and API keys: 24 bytes, URL-safe, no config-breaking characters. */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
