import type { Prisma } from "@/prisma/generated/client";
import type { ConferenceView } from "@/lib/schemas/calls";

export const conferenceViewSelect = {
  id: true,
  code: true,
  title: true,
  startedAt: true,
  endedAt: true,
  participants: {
    select: { id: true, target: true, label: true, state: true, muted: true },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.ConferenceSelect;

export type ConferenceViewRow = Prisma.ConferenceGetPayload<{ select: typeof conferenceViewSelect }>;

/** A Conference row with its participants, as the board and the SSE stream show it. */
export function toConferenceView(row: ConferenceViewRow): ConferenceView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    participants: row.participants.map((p) => ({ id: p.id, target: p.target, label: p.label, state: p.state, muted: p.muted })),
  };
}
