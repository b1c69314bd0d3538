import { randomFillSync } from "node:crypto";

// Ids for charges written with COPY (the schema's uuid(7) default is filled in by Prisma, not by
// the database). A rating run makes a million of them: one randomBytes() call per id costs more
// than the rating itself, so random bytes come from a pool refilled in bulk, and the timestamp
// part is formatted once per millisecond.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const POOL_BYTES = 10 * 8192;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;
let lastMs = -1;
let lastPrefix = "";

/** An RFC 9562 version 7 UUID for the instant `ms` (epoch milliseconds). */
export function chargeId(ms = Date.now()): string {
  if (ms !== lastMs) {
    const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0").slice(-12);
    lastPrefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    lastMs = ms;
  }
  if (offset + 10 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool;
  const o = offset;
  offset += 10;
  return (
    lastPrefix +
    HEX[b[o]! & 0x0f]!.slice(1) +
    HEX[b[o + 1]!] +
    "-" +
    HEX[(b[o + 2]! & 0x3f) | 0x80] +
    HEX[b[o + 3]!] +
    "-" +
    HEX[b[o + 4]!] +
    HEX[b[o + 5]!] +
    HEX[b[o + 6]!] +
    HEX[b[o + 7]!] +
    HEX[b[o + 8]!] +
    HEX[b[o + 9]!]
  );
}
