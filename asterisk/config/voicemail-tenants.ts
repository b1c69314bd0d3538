import { finishFile } from "./config-text";
import type { PbxConfigModel } from "./model";
import { voicemailContext } from "./names";
import { renderedExtensions, renderedTenants } from "./rendered-rows";

/** voicemail_tenants.conf: one voicemail context per tenant, a mailbox per extension with voicemail on. */
export function writeVoicemailTenants(model: PbxConfigModel): string {
  const lines: string[] = [];
  for (const tenant of renderedTenants(model)) {
    const boxes = renderedExtensions(tenant).filter((e) => e.voicemail);
    if (boxes.length === 0) continue;
    lines.push(`[${voicemailContext(tenant.code)}]`);
    for (const ext of boxes) lines.push(`${ext.number} => ${voicemailPin(ext.secret)},${ext.callerIdName}`);
    lines.push("");
  }
  return finishFile("voicemail_tenants.conf", lines);
}

/**
 * voicemail.conf wants a password per mailbox. Linha never asks for it: the only way in is the
 * `*97` feature code, which opens the calling endpoint's own mailbox without a PIN. A PIN derived
 * from the SIP secret (a 53-bit hash, 6 digits kept) is stable across renders — so it does not
 * churn the file — changes when the secret is regenerated, and reveals nothing usable about it.
 */
export function voicemailPin(secret: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < secret.length; i++) {
    const c = secret.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return String(hash % 1_000_000).padStart(6, "0");
}
