import type { Session } from "next-auth";
import type { MemberRole, Tenant } from "@/prisma/generated/client";
import { platformDb, withTenant, type TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { sha256Hex } from "@/server/crypto/secret-box";
import { supportSessionActive } from "@/server/services/support/support-session-active";
import { recordAudit, type AuditActor, type AuditEntry } from "@/server/services/audit/record-audit";
import type { CrmViewer } from "@/server/services/crm/access";
import { insideTransaction, publicProcedure } from "./init";

export const ROLE_RANK: Record<MemberRole, number> = { rep: 1, manager: 2, admin: 3, owner: 4 };

/**
 * Who is acting in a tenant: a member (session), a super admin in a read-only support session,
 * or an API key. Only members have a membership; the others act with a fixed role.
 */
export type TenantActor = {
  kind: "member" | "support" | "api_key";
  userId: string | null;
  email: string | null;
  /** Shown on timelines; copied there so history survives the member's removal. */
  name: string | null;
  membershipId: string | null;
  role: MemberRole;
};

export type TenantContext = {
  tenant: Pick<Tenant, "id" | "slug" | "name" | "planId">;
  actor: TenantActor;
  db: TenantDb;
  /** What this actor may see of leads, opportunities and tasks (server/services/crm/access.ts). */
  crm: CrmViewer;
  /** Records an audit entry for this tenant in the request's transaction. */
  audit: (entry: Omit<AuditEntry, "tenantId">) => Promise<void>;
};

export async function actorFromSession(db: TenantDb, session: Session, slug: string): Promise<TenantActor | null> {
  const { id: userId, email, scope } = session.user;
  const name = session.user.name ?? email;
  if (scope === `tenant:${slug}`) {
    const membership = await db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
    return membership ? { kind: "member", userId, email, name, membershipId: membership.id, role: membership.role } : null;
  }
  if (scope === `support:${slug}`) {
    // Bounded by the grant, not only the cookie: next-auth may re-issue the cookie for longer.
    const user = await platformDb().user.findUnique({ where: { id: userId }, select: { isSuperAdmin: true } });
    if (!user?.isSuperAdmin || !(await supportSessionActive(userId, slug))) return null;
    return { kind: "support", userId, email, name, membershipId: null, role: "admin" };
  }
  return null;
}

export async function actorFromApiKey(db: TenantDb, rawKey: string, planId: string): Promise<TenantActor | null> {
  const key = await db.apiKey.findUnique({ where: { keyHash: sha256Hex(rawKey) }, select: { id: true, revokedAt: true } });
  if (!key || key.revokedAt) return null;
  const plan = await platformDb().plan.findUnique({ where: { id: planId }, select: { features: true } });
  if (!plan?.features.includes("api_access")) return null;
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return { kind: "api_key", userId: null, email: `api-key:${key.id}`, name: "API", membershipId: null, role: "manager" };
}

/**
 * Resolves the tenant from the Host (never from input) and the actor from the session or API key,
 * then runs the handler inside withTenant(): `ctx.db` only ever sees this tenant's rows. A
 * suspended or archived tenant answers nothing, whatever the credentials.
 */
export const tenantProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  const { target, session } = ctx;
  if (target.kind !== "tenant" || (!session && !ctx.apiKey)) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const tenant = await platformDb().tenant.findUnique({
    where: { slug: target.slug },
    select: { id: true, slug: true, name: true, planId: true, status: true, leadVisibility: true },
  });
  if (!tenant) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  if (tenant.status !== "active") throw new AppError("FORBIDDEN", "errors.workspace_suspended");

  return insideTransaction(
    (fn) => withTenant(tenant.id, fn),
    async (db: TenantDb) => {
      const actor = session ? await actorFromSession(db, session, tenant.slug) : await actorFromApiKey(db, ctx.apiKey!, tenant.planId);
      if (!actor) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
      if (actor.kind === "support" && type === "mutation") throw new AppError("FORBIDDEN", "errors.support_read_only");
      const auditActor: AuditActor = { kind: actor.kind, userId: actor.userId, email: actor.email, ip: ctx.ip };
      const crm: CrmViewer = { role: actor.role, membershipId: actor.membershipId, visibility: tenant.leadVisibility };
      const tenantCtx: TenantContext = { tenant, actor, db, crm, audit: (entry) => recordAudit(db, auditActor, entry) };
      return next({ ctx: tenantCtx });
    },
  );
});

export function roleProcedure(minimum: MemberRole) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (ROLE_RANK[ctx.actor.role] < ROLE_RANK[minimum]) throw new AppError("FORBIDDEN", "errors.forbidden");
    return next();
  });
}

/** For procedures that reveal a secret (a SIP password, a new API key): members only, never support. */
export const memberOnlyProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "member") throw new AppError("FORBIDDEN", "errors.forbidden");
  return next();
});
