import { AttendedTransferInput, BlindTransferInput, HangupInput, MonitorInput, PlaceCallInput } from "@/lib/schemas/calls";
import { attendedTransfer, blindTransfer, hangupCall, monitorCall } from "@/server/services/calls/control/call-control";
import { placeCall } from "@/server/services/calls/control/place-call";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

/**
 * Click-to-call and call control (hang up, transfers, monitoring). Reps control their own calls,
 * managers and above any call of the tenant; monitoring is for managers on a plan with it. The
 * checks live in the services; support sessions are refused centrally (mutations).
 */
export const callControlRouter = router({
  /** Same as the placeCall server action; the Call row is committed in a transaction of its own before the Originate. */
  place: tenantProcedure.input(PlaceCallInput).mutation(({ ctx, input }) => placeCall(ctx, input)),
  hangup: tenantProcedure.input(HangupInput).mutation(({ ctx, input }) => hangupCall(ctx, input.callId)),
  blindTransfer: tenantProcedure.input(BlindTransferInput).mutation(({ ctx, input }) => blindTransfer(ctx, input.callId, input.target)),
  attendedTransfer: tenantProcedure
    .input(AttendedTransferInput)
    .mutation(({ ctx, input }) => attendedTransfer(ctx, input.callId, input.extension)),
  monitor: tenantProcedure.input(MonitorInput).mutation(({ ctx, input }) => monitorCall(ctx, input.callId, input.mode)),
});
