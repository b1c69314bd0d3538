import { AgentPresenceOutput, BoardSnapshotOutput, type LiveStreamMessage } from "@/lib/schemas/calls";
import { withTenant } from "@/server/db";
import { liveStream } from "@/server/services/calls/live-bus";
import { listAgents, loadBoard } from "@/server/services/calls/live-board";
import { maskLiveUpdates, needsLeadCheck } from "@/server/services/calls/live-lead-mask";
import { router } from "@/server/trpc/init";
import { tenantSubscriptionProcedure, type SubscriptionTenantContext } from "@/server/trpc/subscription-procedure";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

/** Every member sees the team's board; lead names follow the tenant's lead visibility. */
const boardReader = tenantProcedure;

/**
 * The tenant's live updates for one subscriber, masked for the viewer. Each heartbeat re-checks
 * the subscriber's access (a removed member or a suspended tenant stops receiving) and picks up a
 * changed role.
 */
async function* liveUpdates(ctx: SubscriptionTenantContext, signal: AbortSignal | undefined): AsyncGenerator<LiveStreamMessage> {
  let crm = ctx.crm;
  for await (const message of liveStream(ctx.tenant.id, { signal })) {
    if (message.kind === "heartbeat") {
      const access = await ctx.reauthorize();
      if (!access) return;
      crm = access.crm;
      yield { type: "heartbeat", at: new Date().toISOString() };
    } else if (message.kind === "resync") {
      yield { type: "resync", reason: message.reason };
    } else {
      const viewer = crm;
      const updates = needsLeadCheck(viewer, message.updates)
        ? await withTenant(ctx.tenant.id, (db) => maskLiveUpdates(db, viewer, message.updates))
        : message.updates;
      for (const update of updates) yield update;
    }
  }
}

/** The live board: snapshot, presence and the SSE subscription. */
export const callLiveRouter = router({
  board: boardReader
    .output(BoardSnapshotOutput)
    .query(({ ctx }) =>
      loadBoard(ctx.db, {
        kind: ctx.actor.kind,
        role: ctx.actor.role,
        membershipId: ctx.actor.membershipId,
        planId: ctx.tenant.planId,
        crm: ctx.crm,
      }),
    ),
  agents: boardReader.output(AgentPresenceOutput.array()).query(({ ctx }) => listAgents(ctx.db)),
  /** Starts with `resync` once listening; the client (re)fetches `board` on every `resync`. */
  updates: tenantSubscriptionProcedure.subscription(({ ctx, signal }) => liveUpdates(ctx, signal)),
});
