import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("is 200 with the database up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", checks: { database: { status: "up" } } });
  });

  it("is 503 naming the database when it cannot be reached", async () => {
    const saved = { url: process.env.APP_DATABASE_URL, client: (globalThis as { linhaDb?: unknown }).linhaDb };
    const { resetServerEnvForTests } = await import("@/lib/env");
    try {
      process.env.APP_DATABASE_URL = "postgresql://linha_app:x@127.0.0.1:1/none";
      resetServerEnvForTests();
      (globalThis as { linhaDb?: unknown }).linhaDb = undefined;
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "unavailable",
        checks: { database: { status: "down", error: expect.any(String) } },
      });
    } finally {
      process.env.APP_DATABASE_URL = saved.url;
      resetServerEnvForTests();
      (globalThis as { linhaDb?: unknown }).linhaDb = saved.client;
    }
  });
});
