import { describe, expect, it } from "vitest";
import type { Prisma } from "@/prisma/generated/client";
import { withAdmin } from "@/server/db";
import { historyWorkspace } from "@/server/services/calls/history/history.fixture";
import { ownerQuery } from "@/server/testing/owner-db";
import { seedDemoCalls } from "./calls";

describe("seedDemoCalls", () => {
  it("writes a month of consistent calls with their timeline entries, once", async () => {
    const ws = await historyWorkspace();
    for (const [i, m] of [ws.manager, ws.rep, ws.otherRep].entries()) {
      await ownerQuery(
        `INSERT INTO "Extension" (id, "tenantId", number, name, "secretEnc", "membershipId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'x', 'x', $3, now())`,
        [ws.tenant.id, String(1001 + i), m.membershipId],
      );
    }
    for (let i = 0; i < 12; i++) {
      await ownerQuery(
        `INSERT INTO "Lead" (id, "tenantId", name, phone, "ownerId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
        [
          ws.tenant.id,
          `Lead ${i}`,
          `+55119876500${String(i).padStart(2, "0")}`,
          i % 3 === 0 ? null : i % 3 === 1 ? ws.rep.membershipId : ws.otherRep.membershipId,
        ],
      );
    }
    const now = new Date("2026-03-20T15:00:00Z");
    const seed = () =>
      withAdmin((db) =>
        seedDemoCalls(db as unknown as Prisma.TransactionClient, { tenantId: ws.tenant.id, slug: ws.tenant.slug, count: 150, now }),
      );
    expect(await seed()).toBe(150);
    expect(await seed()).toBe(0);

    const calls = await ownerQuery<{
      id: string;
      direction: string;
      state: string;
      disposition: string;
      outcome: string | null;
      billsec: number;
      durationSec: number;
      startedAt: Date;
      leadId: string | null;
      activityId: string | null;
      spHour: number;
      spDow: number;
    }>(
      `SELECT id, direction, state, disposition, outcome, billsec, "durationSec", "startedAt", "leadId", "activityId",
              extract(hour FROM "startedAt" AT TIME ZONE 'America/Sao_Paulo')::int AS "spHour",
              extract(dow FROM "startedAt" AT TIME ZONE 'America/Sao_Paulo')::int AS "spDow"
       FROM "Call" WHERE "tenantId" = $1`,
      [ws.tenant.id],
    );
    expect(calls).toHaveLength(150);
    const answered = calls.filter((c) => c.disposition === "answered").length / calls.length;
    expect(answered).toBeGreaterThan(0.5);
    expect(answered).toBeLessThan(0.75);
    expect(new Set(calls.map((c) => c.direction))).toEqual(new Set(["inbound", "outbound", "internal"]));
    expect(new Set(calls.map((c) => c.disposition))).toContain("busy");
    for (const c of calls) {
      expect(c.state).toBe("ended");
      expect(c.startedAt.getTime()).toBeLessThan(now.getTime());
      expect(c.startedAt.getTime()).toBeGreaterThan(now.getTime() - 32 * 86_400_000);
      expect(c.spHour).toBeGreaterThanOrEqual(8);
      expect(c.spHour).toBeLessThanOrEqual(18);
      expect([0, 6]).not.toContain(c.spDow);
      if (c.disposition === "answered") {
        expect(c.billsec).toBeGreaterThanOrEqual(20);
        expect(c.billsec).toBeLessThanOrEqual(900);
        expect(["connected", "wrong_number", null]).toContain(c.outcome);
      } else {
        expect(c.billsec).toBe(0);
        expect(c.outcome === null || ["no_answer", "voicemail", "busy"].includes(c.outcome)).toBe(true);
      }
      expect(c.activityId !== null).toBe(c.leadId !== null);
    }
    const activities = await ownerQuery<{ id: string; leadId: string; data: { callId: string; outcome?: string } }>(
      `SELECT id, "leadId", data FROM "Activity" WHERE "tenantId" = $1 AND kind = 'call'`,
      [ws.tenant.id],
    );
    const byId = new Map(calls.map((c) => [c.id, c]));
    expect(activities).toHaveLength(calls.filter((c) => c.leadId).length);
    for (const a of activities) {
      const call = byId.get(a.data.callId)!;
      expect(call.activityId).toBe(a.id);
      expect(a.data.outcome ?? null).toBe(call.outcome);
    }
    // The history shows them to the manager, with statistics.
    const stats = await ws.manager.caller.calls.history.stats({});
    expect(stats.total).toBe(150);
  });
});
