import { redirect } from "next/navigation";
import { cache } from "react";
import { withTenant } from "@/server/db";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";
import { currentSession } from "./session";

/**
 * For server components of the tenant workspace: the signed-in member of this tenant, or a
 * redirect to its sign-in page. Checks the same things tenantProcedure does.
 */
export const requireWorkspaceMember = cache(async (slug: string) => {
  const session = await currentSession();
  const tenant = await findTenantBySlug(slug);
  if (!session || !tenant || tenant.status !== "active" || session.user.scope !== `tenant:${slug}`) redirect("/login");
  const membership = await withTenant(tenant.id, (db) =>
    db.membership.findFirst({
      where: { userId: session.user.id },
      select: { id: true, role: true, user: { select: { name: true, email: true } } },
    }),
  );
  if (!membership) redirect("/login");
  return { tenant, membership };
});
