import { withAdmin, withTenant, type TenantDb } from "@/server/db";
import { callViewSelect, toCallView } from "@/server/services/calls/call-view";
import { publishLive } from "@/server/services/calls/live-publish";
import { logCallActivities } from "./call-activities";
import type { UpsertedCall } from "./upsert-calls";

/** A click-to-call row that never got a linkedid this long after it was created: its Originate went nowhere. */
export const ORPHAN_CLICK_TO_CALL_MS = 60_000;

export type StaleCallSweep = {
  /**
   * The linkedids the PBX still has channels for (CoreShowChannels). Rows of the node not among them,
   * created before `before`, ended while nobody was listening. null: leave rows with a linkedid alone.
   */
  liveLinkedIds: readonly string[] | null;
  /** When the channel list was asked for: rows created later belong to calls that list could not know. */
  before: Date;
};

/**
 * Ends the node's calls that can no longer be live: after a reconnect, those whose channels are gone
 * (they hung up during the outage), and always, click-to-call rows whose Originate never produced a
 * call (disposition failed). The end time is when we learnt it; billsec stays what was known. Each
 * tenant is written in its own transaction; finding which tenants have open calls on the node is the
 * only cross-tenant read, done as the console role. Returns how many calls were ended.
 */
export async function endStaleCalls(pbxNodeId: string, sweep: StaleCallSweep): Promise<number> {
  const orphanBefore = new Date(Math.min(sweep.before.getTime(), Date.now() - ORPHAN_CLICK_TO_CALL_MS));
  const tenants = await withAdmin((db) =>
    db.call.findMany({
      where: {
        pbxNodeId,
        state: { not: "ended" },
        OR: [
          ...(sweep.liveLinkedIds ? [{ linkedId: { not: null }, createdAt: { lt: sweep.before } }] : []),
          { linkedId: null, createdAt: { lt: orphanBefore } },
        ],
      },
      select: { tenantId: true },
      distinct: ["tenantId"],
    }),
  );
  let ended = 0;
  for (const { tenantId } of tenants) {
    ended += await withTenant(tenantId, async (db) => {
      const rows = await endTenantStaleCalls(db, pbxNodeId, sweep, orphanBefore);
      if (rows.length === 0) return 0;
      await logCallActivities(db, rows);
      const views = await db.call.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: callViewSelect });
      await publishLive(
        db,
        tenantId,
        views.map((view) => ({ type: "call" as const, call: toCallView(view) })),
      );
      return rows.length;
    });
  }
  return ended;
}

async function endTenantStaleCalls(db: TenantDb, pbxNodeId: string, sweep: StaleCallSweep, orphanBefore: Date): Promise<UpsertedCall[]> {
  const checkLinked = sweep.liveLinkedIds !== null;
  const live = [...(sweep.liveLinkedIds ?? [])];
  return db.$queryRaw<UpsertedCall[]>`
    UPDATE "Call" c SET
      state = 'ended',
      "endedAt" = GREATEST(now(), c."startedAt"),
      "durationSec" = GREATEST(0, floor(extract(epoch FROM GREATEST(now(), c."startedAt") - c."startedAt")))::int,
      disposition = COALESCE(c.disposition, CASE WHEN c."answeredAt" IS NOT NULL THEN 'answered' ELSE 'failed' END::"CallDisposition"),
      "updatedAt" = now()
    WHERE c."pbxNodeId" = ${pbxNodeId}::uuid AND c.state <> 'ended'
      AND (
        (${checkLinked} AND c."linkedId" IS NOT NULL AND c."createdAt" < ${sweep.before} AND NOT (c."linkedId" = ANY(${live}::text[])))
        OR (c."linkedId" IS NULL AND c."createdAt" < ${orphanBefore})
      )
    RETURNING c.id, c."linkedId", c.direction::text AS direction, c.state::text AS state, c.disposition::text AS disposition,
      c."leadId", c."userId", c."userName", c."activityId", c.billsec, c."durationSec", c."endedAt"`;
}
