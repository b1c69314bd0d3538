import {
  AddParticipantInput,
  ConferenceIdInput,
  ConferenceListInput,
  ConferenceParticipantInput,
  MuteParticipantInput,
  StartConferenceInput,
} from "@/lib/schemas/calls";
import {
  addParticipant,
  endConference,
  getConference,
  kickParticipant,
  listConferences,
  muteParticipant,
  startConference,
} from "@/server/services/calls/conference/conference-service";
import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/tenant-procedure";

/**
 * ConfBridge conferences: start, add, mute, kick, end. Any member may start one; reps control the
 * ones they started, managers and above any. Participants' joins and leaves arrive through the
 * ingest and the live stream.
 */
export const conferenceRouter = router({
  list: tenantProcedure.input(ConferenceListInput).query(({ ctx, input }) => listConferences(ctx.db, input)),
  get: tenantProcedure.input(ConferenceIdInput).query(({ ctx, input }) => getConference(ctx.db, input.conferenceId)),
  start: tenantProcedure.input(StartConferenceInput).mutation(({ ctx, input }) => startConference(ctx, input)),
  add: tenantProcedure.input(AddParticipantInput).mutation(({ ctx, input }) => addParticipant(ctx, input)),
  mute: tenantProcedure.input(MuteParticipantInput).mutation(({ ctx, input }) => muteParticipant(ctx, input)),
  kick: tenantProcedure.input(ConferenceParticipantInput).mutation(({ ctx, input }) => kickParticipant(ctx, input)),
  end: tenantProcedure.input(ConferenceIdInput).mutation(({ ctx, input }) => endConference(ctx, input)),
});
