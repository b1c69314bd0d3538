import type { z } from "zod";
import type { CallHistoryInput, CallHistoryPage } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { callViewSelect, toCallView } from "@/server/services/calls/call-view";
import { hideInvisibleLeads, type CallViewer } from "./call-access";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import { historyScope, historyWhere } from "./history-filter";

type ListInput = z.output<typeof CallHistoryInput>;

/**
 * One page of the history, newest first, live calls included (they show their state). Keyset on
 * (startedAt desc, id desc), so pages neither repeat nor skip rows when calls share a timestamp or
 * new calls arrive between pages.
 */
export async function listCalls(db: TenantDb, viewer: CallViewer, input: ListInput): Promise<CallHistoryPage> {
  const { limit, cursor: rawCursor, ...filter } = input;
  const scope = await historyScope(db, viewer, filter);
  const cursor = rawCursor ? decodeHistoryCursor(rawCursor) : null;
  const after = cursor ? { OR: [{ startedAt: { lt: cursor.startedAt } }, { startedAt: cursor.startedAt, id: { lt: cursor.id } }] } : {};
  const rows = await db.call.findMany({
    where: { AND: [historyWhere(scope), after] },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: callViewSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await hideInvisibleLeads(db, viewer, page.map(toCallView)),
    nextCursor: rows.length > limit && last ? encodeHistoryCursor({ startedAt: last.startedAt, id: last.id }) : null,
  };
}
