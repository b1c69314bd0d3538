import { describe, expect, it } from "vitest";
import { z } from "zod";
import { uuidV7 } from "./uuid-v7";

describe("uuidV7", () => {
  it("makes valid, distinct version 7 UUIDs that sort by time", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidV7(1_760_000_000_000 + i));
    for (const id of ids) expect(z.uuidv7().safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(uuidV7(0x0123456789ab).startsWith("01234567-89ab-7")).toBe(true);
  });
});
