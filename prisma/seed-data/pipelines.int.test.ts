import { describe, expect, it } from "vitest";
import type { Prisma } from "@/prisma/generated/client";
import { makeCrmWorkspace } from "@/server/routers/pipelines/pipelines-fixtures";
import { withAdmin } from "@/server/db";
import { ownerQuery } from "@/server/testing/owner-db";
import { seedPipelines } from "./pipelines";

describe("seedPipelines", () => {
  it("gives a tenant the default pipeline and realistic opportunities, once", async () => {
    const ws = await makeCrmWorkspace();
    const memberships = await ownerQuery<{ id: string; role: "owner" | "manager" | "rep" }>(
      `SELECT id, role FROM "Membership" WHERE "tenantId" = $1`,
      [ws.tenant.id],
    );
    const seed = () => withAdmin((db) => seedPipelines(db as unknown as Prisma.TransactionClient, ws.tenant.id, memberships));
    await seed();
    await seed();

    const rows = await ownerQuery<{ status: string; value: string; title: string; lines: string | null }>(
      `SELECT o.status, o.value::text AS value, o.title, (SELECT sum(quantity * "unitPrice")::text FROM "OpportunityLine" l WHERE l."opportunityId" = o.id) AS lines
       FROM "Opportunity" o WHERE o."tenantId" = $1`,
      [ws.tenant.id],
    );
    expect(rows.filter((r) => r.status === "open")).toHaveLength(12);
    expect(rows.filter((r) => r.status !== "open")).toHaveLength(3);
    for (const row of rows) {
      expect(Number(row.value)).toBeGreaterThanOrEqual(2000);
      expect(Number(row.value)).toBeLessThanOrEqual(60000);
      if (row.lines) expect(row.lines).toBe(row.value);
    }
    // The app sees them on the board of the one pipeline it has.
    const board = await ws.manager.pipelines.board({});
    expect(board.pipeline.name).toBe("Vendas");
    expect(board.totals.count).toBe(12);
    expect((await ws.manager.pipelines.list()).length).toBe(1);
  });
});
