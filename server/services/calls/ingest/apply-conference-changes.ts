import type { ConferenceChange } from "@/asterisk/events/types";
import type { TenantDb } from "@/server/db";
import { isUuid } from "./bind-click-to-call";

/** `<slug>_conf_<code>` → code. */
export function conferenceCode(room: string): string | null {
  return /_conf_([0-9]{6})$/.exec(room)?.[1] ?? null;
}

/**
 * ConfBridge changes of the tenant's conferences, in order: a participant our Originate tagged with
 * LINHA_CONF joins (with the channel mute and kick address), leaves, is muted; the room's end closes
 * the conference and whoever was still in it. Answers the ids of the conferences that changed.
 */
export async function applyConferenceChanges(db: TenantDb, changes: readonly ConferenceChange[]): Promise<string[]> {
  const touched = new Set<string>();
  for (const change of changes) {
    if (change.kind === "end") {
      const code = conferenceCode(change.room);
      if (!code) continue;
      const conference = await db.conference.findFirst({ where: { code, endedAt: null }, select: { id: true, startedAt: true } });
      if (!conference) continue;
      const endedAt = change.at < conference.startedAt ? conference.startedAt : change.at;
      await db.conference.update({ where: { id: conference.id }, data: { endedAt } });
      await db.conferenceParticipant.updateMany({
        where: { conferenceId: conference.id, state: "joined" },
        data: { state: "left", leftAt: endedAt },
      });
      await db.conferenceParticipant.updateMany({ where: { conferenceId: conference.id, state: "calling" }, data: { state: "failed" } });
      touched.add(conference.id);
      continue;
    }
    const where = isUuid(change.participantId)
      ? { id: change.participantId }
      : change.channel
        ? { channel: change.channel, state: "joined" as const }
        : null;
    if (!where) continue;
    const participant = await db.conferenceParticipant.findFirst({ where, select: { id: true, conferenceId: true, joinedAt: true } });
    if (!participant) continue;
    if (change.kind === "join") {
      await db.conferenceParticipant.update({
        where: { id: participant.id },
        data: {
          state: "joined",
          channel: change.channel?.slice(0, 128) ?? null,
          joinedAt: participant.joinedAt ?? change.at,
          leftAt: null,
        },
      });
    } else if (change.kind === "leave") {
      await db.conferenceParticipant.update({ where: { id: participant.id }, data: { state: "left", leftAt: change.at } });
    } else if (change.kind === "mute" || change.kind === "unmute") {
      await db.conferenceParticipant.update({ where: { id: participant.id }, data: { muted: change.kind === "mute" } });
    } else continue;
    touched.add(participant.conferenceId);
  }
  return [...touched];
}
