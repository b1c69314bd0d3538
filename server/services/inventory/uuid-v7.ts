import { randomBytes } from "node:crypto";

/**
 * RFC 9562 version 7 UUIDs, like the schema's `@default(uuid(7))`: Prisma fills those in itself,
 * so rows inserted with raw SQL need their ids made here. A 48-bit millisecond timestamp first keeps
 * new rows at the right end of the primary key index.
 */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
