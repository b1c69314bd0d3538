import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { MemberRole } from "@/prisma/generated/client";
import { platformDb, withTenant } from "@/server/db";
import { supportSessionActive } from "@/server/services/support/support-session-active";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";
import { currentSession } from "./session";

type WorkspaceTenant = NonNullable<Awaited<ReturnType<typeof findTenantBySlug>>>;

async function activeTenant(session: Session | null, slug: string): Promise<WorkspaceTenant | null> {
  if (!session) return null;
  const tenant = await findTenantBySlug(slug);
  return tenant && tenant.status === "active" ? tenant : null;
}

/**
 * The signed-in member of this tenant, or null: checks the same things tenantProcedure does
 * (session issued for this tenant, tenant active, membership still there). A support session is
 * not a member: pages that need one (anything revealing a secret) use this.
 */
export const workspaceMember = cache(async (slug: string) => {
  const session = await currentSession();
  const tenant = await activeTenant(session, slug);
  if (!session || !tenant || session.user.scope !== `tenant:${slug}`) return null;
  const membership = await withTenant(tenant.id, (db) =>
    db.membership.findFirst({
      where: { userId: session.user.id },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    }),
  );
  return membership ? { tenant, membership } : null;
});

/** Whoever may look at the workspace: one of its members, or a super admin in a support session. */
export type WorkspaceViewer = {
  kind: "member" | "support";
  /** Null for support: it owns nothing in the tenant. */
  membershipId: string | null;
  /** Support reads like an admin (as tenantProcedure treats it) but can change nothing. */
  role: MemberRole;
  name: string;
  email: string;
  readOnly: boolean;
};

/**
 * Like workspaceMember, but a read-only support session (scope `support:<slug>`, made from a console
 * support link) also passes while its user is still a super admin and its grant is under an hour old.
 */
export const workspaceViewer = cache(async (slug: string): Promise<{ tenant: WorkspaceTenant; viewer: WorkspaceViewer } | null> => {
  const session = await currentSession();
  if (session?.user.scope === `support:${slug}`) {
    const tenant = await activeTenant(session, slug);
    if (!tenant) return null;
    const user = await platformDb().user.findUnique({
      where: { id: session.user.id },
      select: { name: true, email: true, isSuperAdmin: true },
    });
    if (!user?.isSuperAdmin || !(await supportSessionActive(session.user.id, slug))) return null;
    return { tenant, viewer: { kind: "support", membershipId: null, role: "admin", name: user.name, email: user.email, readOnly: true } };
  }
  const member = await workspaceMember(slug);
  if (!member) return null;
  const { tenant, membership } = member;
  return {
    tenant,
    viewer: { kind: "member", membershipId: membership.id, role: membership.role, ...membership.user, readOnly: false },
  };
});

/**
 * For the workspace's server components that need a real member: the member, or a redirect (a
 * support session goes back to the pages it may read, anyone else to the sign-in page).
 */
export async function requireWorkspaceMember(slug: string) {
  const member = await workspaceMember(slug);
  if (member) return member;
  redirect((await workspaceViewer(slug)) ? "/leads" : "/login");
}

/** For pages a support session may see (read-only): the viewer, or a redirect to the sign-in page. */
export async function requireWorkspaceViewer(slug: string) {
  const viewer = await workspaceViewer(slug);
  if (!viewer) redirect("/login");
  return viewer;
}
