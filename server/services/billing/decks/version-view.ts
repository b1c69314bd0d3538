import type { VersionView } from "@/lib/schemas/billing-tariffs";
import type { TenantDb } from "@/server/db";
import { versionNotFound } from "./deck-errors";

export const versionSelect = {
  id: true,
  number: true,
  change: true,
  note: true,
  rateCount: true,
  added: true,
  changed: true,
  removed: true,
  createdById: true,
  createdAt: true,
} as const;

type VersionRow = {
  id: string;
  number: number;
  change: VersionView["change"];
  note: string | null;
  rateCount: number;
  added: number;
  changed: number;
  removed: number;
  createdById: string | null;
  createdAt: Date;
};

/** Versions with who made them (createdById is a plain column: users are looked up in one query). */
export async function toVersionViews(db: TenantDb, rows: VersionRow[], currentVersionId: string | null): Promise<VersionView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const users = ids.length > 0 ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map(({ createdById, ...row }) => ({
    ...row,
    createdBy: createdById ? (byId.get(createdById) ?? null) : null,
    current: row.id === currentVersionId,
  }));
}

export async function versionView(db: TenantDb, versionId: string, currentVersionId: string | null): Promise<VersionView> {
  const row = await db.rateDeckVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!row) throw versionNotFound();
  const [view] = await toVersionViews(db, [row], currentVersionId);
  return view!;
}
