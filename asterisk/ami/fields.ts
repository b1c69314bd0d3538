import type { AmiFields } from "./types";

type RawValue = string | string[] | Record<string, string> | undefined;

/**
 * Turns a packet in asterisk-manager's old shape (lower-cased keys, `Variable:`/`ChanVariable:` as a
 * `{ name: value }` object, "output:" keys) into AmiFields. The client no longer needs it — its own
 * parser (packet-parser.ts) yields AmiFields directly — but test helpers that build events from a
 * plain record still go through it; `Variable` objects become header text again, `NAME` alone when
 * the value is empty (VarSet), `NAME=value` otherwise.
 */
export function normalizeAmiFields(raw: Readonly<Record<string, RawValue>>): AmiFields {
  const fields: Record<string, string | string[]> = {};
  for (const [rawKey, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    // A header sent without the space after the colon ("Output:") reaches us as key "output:".
    const key = rawKey.endsWith(":") ? rawKey.slice(0, -1) : rawKey;
    let normalized: string | string[];
    if (Array.isArray(value)) normalized = value.map(String);
    else if (typeof value === "object") {
      const texts = Object.entries(value).map(([name, text]) => (text === "" ? name : `${name}=${text}`));
      normalized = texts.length === 1 ? texts[0]! : texts;
    } else normalized = String(value);
    const existing = fields[key];
    fields[key] = existing === undefined ? normalized : [...toList(existing), ...toList(normalized)];
  }
  return fields;
}

function toList(value: string | readonly string[]): string[] {
  return typeof value === "string" ? [value] : [...value];
}

/** The first value of a header (lower-cased name), or undefined. */
export function amiField(fields: AmiFields, key: string): string | undefined {
  const value = fields[key.toLowerCase()];
  return typeof value === "string" ? value : value?.[0];
}

/** Every value of a header (lower-cased name), in the order Asterisk sent them. */
export function amiFieldList(fields: AmiFields, key: string): string[] {
  const value = fields[key.toLowerCase()];
  return value === undefined ? [] : toList(value);
}
