import type { UnratableCharge, UnratableListInput, UnratablePage, UnratableSummary } from "@/lib/schemas/billing-rating";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

// The calls no rate matched (CallCharge.status = unratable), newest call first, for the operator
// to fix the decks and re-rate. Console role: the charges' buy side is operator data.

export async function listUnratable(
  db: TenantDb,
  input: Required<Pick<UnratableListInput, "limit">> & UnratableListInput,
): Promise<UnratablePage> {
  const after = input.cursor
    ? await db.callCharge.findFirst({ where: { id: input.cursor, status: "unratable" }, select: { id: true, callStartedAt: true } })
    : null;
  if (input.cursor && !after)
    throw new AppError("INVALID_INPUT", "rating.errors.bad_cursor", { fieldErrors: { cursor: ["rating.errors.bad_cursor"] } });
  const rows = await db.callCharge.findMany({
    where: {
      status: "unratable",
      ...(input.tenantId ? { tenantId: input.tenantId } : {}),
      ...(input.reason ? { unratableReason: input.reason } : {}),
      ...(after
        ? { OR: [{ callStartedAt: { lt: after.callStartedAt } }, { callStartedAt: after.callStartedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ callStartedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      callId: true,
      direction: true,
      number: true,
      unratableReason: true,
      callStartedAt: true,
      answeredSec: true,
      gatewayName: true,
      destination: true,
      ratedAt: true,
      tenantId: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const tenants = new Map(
    (
      await db.tenant.findMany({
        where: { id: { in: [...new Set(page.map((row) => row.tenantId))] } },
        select: { id: true, slug: true, name: true },
      })
    ).map((tenant) => [tenant.id, tenant]),
  );
  return {
    items: page.map(({ unratableReason, tenantId, ...row }) => ({
      ...row,
      tenant: tenants.get(tenantId) ?? { id: tenantId, slug: "", name: "" },
      reason: unratableReason as UnratableCharge["reason"],
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

export async function unratableSummary(db: TenantDb, tenantId?: string): Promise<UnratableSummary> {
  const groups = await db.callCharge.groupBy({
    by: ["unratableReason"],
    where: { status: "unratable", ...(tenantId ? { tenantId } : {}) },
    _count: { _all: true },
  });
  const byReason = { no_sell_deck: 0, no_sell_rate: 0, no_buy_deck: 0, no_buy_rate: 0 };
  for (const group of groups) {
    if (group.unratableReason && group.unratableReason in byReason)
      byReason[group.unratableReason as keyof typeof byReason] = group._count._all;
  }
  return { total: Object.values(byReason).reduce((sum, n) => sum + n, 0), byReason };
}
