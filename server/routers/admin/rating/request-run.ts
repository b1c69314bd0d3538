import type { RerateInput } from "@/lib/schemas/billing-rating";
import { AppError } from "@/server/errors";
import type { AdminContext } from "@/server/trpc/admin-procedure";
import { reratePeriodOf } from "@/server/services/billing/rating/rerate-period";
import { queueRatingRun } from "@/server/services/billing/rating/rating-worker";

// Asking for a run records it as queued (committed at once, on its own connection, so the worker
// can take it and the console can poll it even before this request ends), wakes the worker, and
// audits the request in the request's transaction.

async function assertTenant(ctx: AdminContext, tenantId: string | undefined): Promise<{ id: string; slug: string } | null> {
  if (!tenantId) return null;
  const tenant = await ctx.db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
  if (!tenant)
    throw new AppError("NOT_FOUND", "rating.errors.tenant_not_found", { fieldErrors: { tenantId: ["rating.errors.tenant_not_found"] } });
  return tenant;
}

export async function requestRateNow({ ctx, input }: { ctx: AdminContext; input: { tenantId?: string } }): Promise<{ runId: string }> {
  const tenant = await assertTenant(ctx, input.tenantId);
  const runId = await queueRatingRun({ kind: "rate", tenantId: tenant?.id ?? null, requestedById: ctx.admin.userId });
  await ctx.audit({ action: "billing_run.rate", objectType: "billing_run", objectId: runId, after: { tenant: tenant?.slug ?? null } });
  return { runId };
}

export async function requestRerate({ ctx, input }: { ctx: AdminContext; input: RerateInput }): Promise<{ runId: string }> {
  const period = await reratePeriodOf(ctx.db, input);
  const tenant = await assertTenant(ctx, input.tenantId);
  const runId = await queueRatingRun({
    kind: "rerate",
    periodStart: period.start,
    periodEnd: period.end,
    tenantId: tenant?.id ?? null,
    requestedById: ctx.admin.userId,
  });
  await ctx.audit({
    action: "billing_run.rerate",
    objectType: "billing_run",
    objectId: runId,
    after: {
      period: input.month ?? `${input.from}..${input.to}`,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      tenant: tenant?.slug ?? null,
    },
  });
  return { runId };
}
