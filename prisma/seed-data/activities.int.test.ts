import { describe, expect, it } from "vitest";
import type { Prisma } from "@/prisma/generated/client";
import { crmWorkspace, insertLead } from "@/server/routers/tasks/timeline-fixtures";
import { withAdmin } from "@/server/db";
import { ownerQuery } from "@/server/testing/owner-db";
import { seedActivities } from "./activities";

describe("seedActivities", () => {
  it("gives leads timelines consistent with lastContactAt and each rep/manager a day of tasks, once", async () => {
    const ws = await crmWorkspace();
    for (let i = 0; i < 6; i++) await insertLead(ws.tenant.id, i % 2 ? ws.rep.membershipId : null, `Lead seed ${i}`);
    const memberships = await ownerQuery<{ id: string; role: "owner" | "manager" | "rep" }>(
      `SELECT id, role FROM "Membership" WHERE "tenantId" = $1`,
      [ws.tenant.id],
    );
    const seed = () => withAdmin((db) => seedActivities(db as unknown as Prisma.TransactionClient, ws.tenant.id, memberships));
    await seed();
    await seed();

    const tasks = await ownerQuery<{ assigneeId: string; n: number }>(
      `SELECT "assigneeId", count(*)::int AS n FROM "Task" WHERE "tenantId" = $1 GROUP BY 1`,
      [ws.tenant.id],
    );
    // The manager and the two reps; the owner gets none.
    expect(tasks).toHaveLength(3);
    for (const row of tasks) expect(row.n).toBe(16);

    const leads = await ownerQuery<{ id: string; lastContactAt: Date | null; latest: Date | null; entries: number }>(
      `SELECT l.id, l."lastContactAt",
              (SELECT max("occurredAt") FROM "Activity" a WHERE a."leadId" = l.id AND a.kind IN ('call', 'email', 'meeting')) AS latest,
              (SELECT count(*)::int FROM "Activity" a WHERE a."leadId" = l.id AND a.kind <> 'task_completed') AS entries
       FROM "Lead" l WHERE l."tenantId" = $1`,
      [ws.tenant.id],
    );
    for (const lead of leads) {
      expect(lead.entries).toBeGreaterThanOrEqual(2);
      expect(lead.lastContactAt).toEqual(lead.latest);
    }

    // Rui's day through the app: overdue, today and upcoming all have something.
    const day = await ws.rep.caller.tasks.myDay({});
    expect(day.counts.overdue).toBeGreaterThan(0);
    expect(day.counts.upcoming).toBeGreaterThan(0);
    const timeline = await ws.rep.caller.activities.list({ leadId: leads[0]!.id });
    expect(timeline.items.length).toBeGreaterThanOrEqual(2);
  });
});
