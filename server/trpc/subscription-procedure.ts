import type { Tenant } from "@/prisma/generated/client";
import { platformDb, withTenant } from "@/server/db";
import { AppError } from "@/server/errors";
import type { CrmViewer } from "@/server/services/crm/access";
import type { Context } from "./context";
import { publicProcedure } from "./init";
import { actorFromApiKey, actorFromSession, type TenantActor } from "./tenant-procedure";

export type SubscriptionTenantContext = {
  tenant: Pick<Tenant, "id" | "slug" | "name" | "planId">;
  actor: TenantActor;
  crm: CrmViewer;
  /**
   * Resolves the tenant and actor again, as a new request would: null once the tenant is
   * suspended or the actor lost access. A stream lives for hours; it re-checks with this.
   */
  reauthorize: () => Promise<{ actor: TenantActor; crm: CrmViewer } | null>;
};

export type ResolvedTenantActor = { tenant: SubscriptionTenantContext["tenant"]; actor: TenantActor; crm: CrmViewer };

/**
 * Tenant from the Host, actor from the session or API key: tenantProcedure's rules, in one short
 * transaction. Also used by server actions that must commit before they act (placeCall).
 */
export async function resolveTenantActor(ctx: Pick<Context, "target" | "session" | "apiKey">): Promise<ResolvedTenantActor> {
  const { target, session } = ctx;
  if (target.kind !== "tenant" || (!session && !ctx.apiKey)) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const tenant = await platformDb().tenant.findUnique({
    where: { slug: target.slug },
    select: { id: true, slug: true, name: true, planId: true, status: true, leadVisibility: true },
  });
  if (!tenant) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (tenant.status !== "active") throw new AppError("FORBIDDEN", "errors.workspace_suspended");
  const actor = await withTenant(tenant.id, (db) =>
    session ? actorFromSession(db, session, tenant.slug) : actorFromApiKey(db, ctx.apiKey!, tenant.planId),
  );
  if (!actor) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const crm: CrmViewer = { role: actor.role, membershipId: actor.membershipId, visibility: tenant.leadVisibility };
  return { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, planId: tenant.planId }, actor, crm };
}

/**
 * For tRPC subscriptions (SSE): authenticates exactly like tenantProcedure, but no transaction stays
 * open for the stream's life — a subscription may last hours and would pin a pooled connection.
 * There is no ctx.db: the handler opens its own short withTenant(ctx.tenant.id, …) when it reads.
 * Support sessions may subscribe (a subscription writes nothing).
 */
export const tenantSubscriptionProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const resolved = await resolveTenantActor(ctx);
  const reauthorize = async () => {
    try {
      const again = await resolveTenantActor(ctx);
      return again.tenant.id === resolved.tenant.id ? { actor: again.actor, crm: again.crm } : null;
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  };
  const subscriptionCtx: SubscriptionTenantContext = { ...resolved, reauthorize };
  return next({ ctx: subscriptionCtx });
});
