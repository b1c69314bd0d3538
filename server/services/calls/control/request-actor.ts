import type { Session } from "next-auth";
import type { HostTarget } from "@/lib/host";
import { platformDb, withTenant } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TenantContext } from "@/server/trpc/tenant-procedure";

/** Who acts in a calls service: the tenant from the Host, the actor and what they may see of the CRM. */
export type CallActorContext = Pick<TenantContext, "tenant" | "actor" | "crm">;

/** What a server action knows about its request (no tRPC context). */
export type ActionRequest = { target: HostTarget; session: Session | null; ip: string | null };

/**
 * The tenant and member behind a server action, resolved exactly as tenantProcedure does for a
 * session: the tenant from the Host (never from input), an active tenant, a membership of the
 * signed-in user in it. Support sessions are read-only, so they may not place calls.
 */
export async function actorFromRequest(request: ActionRequest): Promise<CallActorContext> {
  const { target, session } = request;
  if (target.kind !== "tenant" || !session?.user?.id) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const { slug } = target;
  if (session.user.scope === `support:${slug}`) throw new AppError("FORBIDDEN", "errors.support_read_only");
  if (session.user.scope !== `tenant:${slug}`) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const tenant = await platformDb().tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, planId: true, status: true, leadVisibility: true },
  });
  if (!tenant) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (tenant.status !== "active") throw new AppError("FORBIDDEN", "errors.workspace_suspended");
  const userId = session.user.id;
  const membership = await withTenant(tenant.id, (db) => db.membership.findFirst({ where: { userId }, select: { id: true, role: true } }));
  if (!membership) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const email = session.user.email ?? null;
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, planId: tenant.planId },
    actor: { kind: "member", userId, email, name: session.user.name ?? email, membershipId: membership.id, role: membership.role },
    crm: { role: membership.role, membershipId: membership.id, visibility: tenant.leadVisibility },
  };
}
