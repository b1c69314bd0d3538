import { redirect } from "next/navigation";
import { cache } from "react";
import { withTenant } from "@/server/db";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";
import { currentSession } from "./session";

/**
 * The signed-in member of this tenant, or null: checks the same things tenantProcedure does
 * (session issued for this tenant, tenant active, membership still there).
 */
export const workspaceMember = cache(async (slug: string) => {
  const session = await currentSession();
  const tenant = await findTenantBySlug(slug);
  if (!session || !tenant || tenant.status !== "active" || session.user.scope !== `tenant:${slug}`) return null;
  const membership = await withTenant(tenant.id, (db) =>
    db.membership.findFirst({
      where: { userId: session.user.id },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    }),
  );
  return membership ? { tenant, membership } : null;
});

/** For the workspace's server components: the member, or a redirect to the sign-in page. */
export async function requireWorkspaceMember(slug: string) {
  const member = await workspaceMember(slug);
  if (!member) redirect("/login");
  return member;
}
