import type { RatingRunListInput, RatingRunPage, RatingRunView } from "@/lib/schemas/billing-rating";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

// The console's view of rating runs (kinds rate and rerate), newest first. Read in the console's
// role (adminProcedure): BillingRun is operator data the app role cannot read at all.

const RATING_KINDS = ["rate", "rerate"] as const;

const runSelect = {
  id: true,
  kind: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  total: true,
  processed: true,
  rated: true,
  unratable: true,
  skipped: true,
  error: true,
  requestedById: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  tenant: { select: { id: true, slug: true, name: true } },
} as const;

type RunRow = Omit<RatingRunView, "requestedBy" | "kind"> & { kind: string; requestedById: string | null };

async function toViews(db: TenantDb, rows: RunRow[]): Promise<RatingRunView[]> {
  const userIds = [...new Set(rows.flatMap((row) => (row.requestedById ? [row.requestedById] : [])))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map(({ requestedById, kind, ...row }) => ({
    ...row,
    kind: kind as RatingRunView["kind"],
    requestedBy: requestedById ? (emails.get(requestedById) ?? null) : null,
  }));
}

export async function listRatingRuns(
  db: TenantDb,
  input: Required<Pick<RatingRunListInput, "limit">> & RatingRunListInput,
): Promise<RatingRunPage> {
  const after = input.cursor
    ? await db.billingRun.findFirst({ where: { id: input.cursor, kind: { in: [...RATING_KINDS] } }, select: { id: true, createdAt: true } })
    : null;
  if (input.cursor && !after)
    throw new AppError("INVALID_INPUT", "rating.errors.bad_cursor", { fieldErrors: { cursor: ["rating.errors.bad_cursor"] } });
  const rows = await db.billingRun.findMany({
    where: {
      kind: { in: [...RATING_KINDS] },
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: runSelect,
  });
  const page = rows.slice(0, input.limit);
  return { items: await toViews(db, page), nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
}

/** One rating run; NOT_FOUND for an unknown id or a run of another kind (invoice runs). */
export async function getRatingRun(db: TenantDb, id: string): Promise<RatingRunView> {
  const row = await db.billingRun.findFirst({ where: { id, kind: { in: [...RATING_KINDS] } }, select: runSelect });
  if (!row) throw new AppError("NOT_FOUND", "rating.errors.run_not_found");
  return (await toViews(db, [row]))[0]!;
}
