import { z } from "zod";
import {
  CallDetail,
  CallHistoryFilter,
  CallHistoryInput,
  CallHistoryPage,
  CallIdInput,
  CallRecordingFile,
  CallStats,
  CallViewOutput,
  LeadCallsInput,
  SetOutcomeInput,
} from "@/lib/schemas/calls";
import { router } from "@/server/trpc/init";
import { tenantProcedure, type TenantContext } from "@/server/trpc/tenant-procedure";
import type { CallViewer } from "@/server/services/calls/history/call-access";
import { callStats } from "@/server/services/calls/history/call-stats";
import { getCall, listLeadCalls } from "@/server/services/calls/history/get-call";
import { listCalls } from "@/server/services/calls/history/list-calls";
import { findRecordingFile } from "@/server/services/calls/history/recording-file";
import { setCallOutcome } from "@/server/services/calls/history/set-call-outcome";

const viewerOf = (ctx: TenantContext): CallViewer => ({ crm: ctx.crm, userId: ctx.actor.userId });

/** Call history, statistics and the after-call form. Reps see their own calls (and their leads'); managers all. */
export const callHistoryRouter = router({
  list: tenantProcedure
    .input(CallHistoryInput)
    .output(CallHistoryPage)
    .query(({ ctx, input }) => listCalls(ctx.db, viewerOf(ctx), input)),
  stats: tenantProcedure
    .input(CallHistoryFilter)
    .output(CallStats)
    .query(({ ctx, input }) => callStats(ctx.db, viewerOf(ctx), input)),
  get: tenantProcedure
    .input(CallIdInput)
    .output(CallDetail)
    .query(({ ctx, input }) => getCall(ctx.db, viewerOf(ctx), input.callId)),
  byLead: tenantProcedure
    .input(LeadCallsInput)
    .output(z.array(CallViewOutput))
    .query(({ ctx, input }) => listLeadCalls(ctx.db, viewerOf(ctx), input.leadId, input.limit)),
  setOutcome: tenantProcedure
    .input(SetOutcomeInput)
    .output(CallDetail)
    .mutation(({ ctx, input }) => setCallOutcome(ctx.db, { viewer: viewerOf(ctx), name: ctx.actor.name, tenantId: ctx.tenant.id }, input)),
  /** For the recording route handler (app/api/calls/[id]/recording): which file it may stream. */
  recording: tenantProcedure
    .input(CallIdInput)
    .output(CallRecordingFile)
    .query(({ ctx, input }) => findRecordingFile(ctx.db, ctx.tenant, viewerOf(ctx), input.callId)),
});
