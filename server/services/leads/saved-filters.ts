import type { z } from "zod";
import { leadMessage } from "@/lib/schemas/lead";
import {
  LeadView,
  SAVED_VIEWS_MAX,
  type SavedFilterCreateInput,
  type SavedFilterOutput,
  type SavedFilterUpdateInput,
} from "@/lib/schemas/lead-view";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

// Saved views belong to one member: every query is narrowed to the caller's membership, so
// another member's view is NOT_FOUND (RLS already keeps other tenants' out).

const select = { id: true, name: true, view: true, createdAt: true, updatedAt: true } satisfies Prisma.SavedFilterSelect;
type Row = Prisma.SavedFilterGetPayload<{ select: typeof select }>;

const notFound = () => new AppError("NOT_FOUND", leadMessage("view_not_found"));
const nameTaken = () =>
  new AppError("CONFLICT", leadMessage("view_name_taken"), { fieldErrors: { name: [leadMessage("view_name_taken")] } });

function requireMember(membershipId: string | null): string {
  // Support sessions and API keys have no membership, so no views of their own.
  if (!membershipId) throw new AppError("FORBIDDEN", "errors.forbidden");
  return membershipId;
}

/** A stored view that no longer parses (an old shape) opens as the default view instead of failing the list. */
function toOutput(row: Row): SavedFilterOutput {
  const view = LeadView.safeParse(row.view);
  return { ...row, view: view.success ? view.data : { filters: {}, sort: { by: "created", dir: "desc" }, columns: ["name"] } };
}

async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw nameTaken();
    throw error;
  }
}

export async function listSavedFilters(db: TenantDb, membershipId: string | null): Promise<SavedFilterOutput[]> {
  if (!membershipId) return [];
  const rows = await db.savedFilter.findMany({ where: { membershipId }, select, orderBy: { name: "asc" } });
  return rows.map(toOutput);
}

export async function createSavedFilter(
  db: TenantDb,
  membershipId: string | null,
  input: z.output<typeof SavedFilterCreateInput>,
): Promise<SavedFilterOutput> {
  const owner = requireMember(membershipId);
  if ((await db.savedFilter.count({ where: { membershipId: owner } })) >= SAVED_VIEWS_MAX) {
    throw new AppError("LIMIT_REACHED", leadMessage("too_many_views", { max: SAVED_VIEWS_MAX }));
  }
  const row = await uniqueName(() => db.savedFilter.create({ data: { membershipId: owner, name: input.name, view: input.view }, select }));
  return toOutput(row);
}

export async function updateSavedFilter(
  db: TenantDb,
  membershipId: string | null,
  { id, data }: z.output<typeof SavedFilterUpdateInput>,
): Promise<SavedFilterOutput> {
  const owner = requireMember(membershipId);
  const existing = await db.savedFilter.findFirst({ where: { id, membershipId: owner }, select: { id: true } });
  if (!existing) throw notFound();
  const row = await uniqueName(() => db.savedFilter.update({ where: { id }, data, select }));
  return toOutput(row);
}

export async function deleteSavedFilter(db: TenantDb, membershipId: string | null, id: string): Promise<{ id: string }> {
  const owner = requireMember(membershipId);
  const { count } = await db.savedFilter.deleteMany({ where: { id, membershipId: owner } });
  if (count === 0) throw notFound();
  return { id };
}
