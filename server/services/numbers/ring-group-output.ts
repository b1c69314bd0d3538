import type { RingGroupOutput } from "@/lib/schemas/numbers";
import type { Prisma } from "@/prisma/generated/client";

export const ringGroupSelect = {
  id: true,
  name: true,
  strategy: true,
  ringSeconds: true,
  createdAt: true,
  updatedAt: true,
  members: {
    select: { extension: { select: { id: true, number: true, name: true, enabled: true } } },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.RingGroupSelect;

type RingGroupRow = Prisma.RingGroupGetPayload<{ select: typeof ringGroupSelect }>;

export function toRingGroupOutput(row: RingGroupRow, usedBy: string[]): RingGroupOutput {
  const { members, ...rest } = row;
  return { ...rest, members: members.map((m) => m.extension), usedBy };
}

/** What the audit log keeps of a ring group: members by extension number, in ringing order. */
export function ringGroupSnapshot(group: RingGroupOutput) {
  return { name: group.name, strategy: group.strategy, ringSeconds: group.ringSeconds, members: group.members.map((m) => m.number) };
}
