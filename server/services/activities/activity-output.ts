import type { ActivityItem } from "@/lib/schemas/activity";
import type { Prisma } from "@/prisma/generated/client";

export const activitySelect = {
  id: true,
  kind: true,
  body: true,
  data: true,
  actorName: true,
  actorUserId: true,
  occurredAt: true,
  opportunity: { select: { id: true, title: true } },
} satisfies Prisma.ActivitySelect;

type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

export function toActivityItem(row: ActivityRow): ActivityItem {
  const data = row.data !== null && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : null;
  return { ...row, data };
}
