import type { TrackedCall } from "@/asterisk/events/types";
import type { TenantDb } from "@/server/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * A click-to-call's row is created (by call control) before its Originate, without a linkedid. The
 * first snapshot carrying its LINHA_CALL_ID gives it the linkedid, so the upsert that follows updates
 * that row. Events can precede the VarSet, so a provisional row may already exist for the linkedid:
 * it is deleted (with a timeline entry it may have got) in the same transaction. An id that is not a
 * row of this tenant (RLS hides other tenants' rows), or a row already bound to another call, is ignored.
 * Returns the linkedids now bound.
 */
export async function bindClickToCalls(db: TenantDb, pbxNodeId: string, calls: readonly TrackedCall[]): Promise<string[]> {
  const wanted = calls.filter((call) => isUuid(call.linhaCallId));
  if (wanted.length === 0) return [];
  const rows = await db.call.findMany({
    where: { id: { in: wanted.map((call) => call.linhaCallId!) } },
    select: { id: true, linkedId: true, pbxNodeId: true },
  });
  const bound: string[] = [];
  for (const call of wanted) {
    const row = rows.find((candidate) => candidate.id === call.linhaCallId);
    if (!row) continue;
    if (row.linkedId !== null) {
      if (row.linkedId === call.linkedId && row.pbxNodeId === pbxNodeId) bound.push(call.linkedId);
      continue;
    }
    const provisional = await db.call.findMany({
      where: { pbxNodeId, linkedId: call.linkedId, id: { not: row.id } },
      select: { id: true, activityId: true },
    });
    if (provisional.length > 0) {
      await db.call.deleteMany({ where: { id: { in: provisional.map((p) => p.id) } } });
      const activityIds = provisional.flatMap((p) => (p.activityId ? [p.activityId] : []));
      if (activityIds.length > 0) await db.activity.deleteMany({ where: { id: { in: activityIds } } });
    }
    await db.call.update({ where: { id: row.id }, data: { linkedId: call.linkedId, pbxNodeId } });
    row.linkedId = call.linkedId;
    row.pbxNodeId = pbxNodeId;
    bound.push(call.linkedId);
  }
  return bound;
}
