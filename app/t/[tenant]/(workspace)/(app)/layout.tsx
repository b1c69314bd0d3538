import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireWorkspaceMember } from "@/server/auth/workspace-member";

export default async function TenantAppLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant, membership } = await requireWorkspaceMember((await params).tenant);
  return (
    <AppShell
      workspaceName={tenant.name}
      nav={membership.role === "rep" ? ["leads"] : ["leads", "settings"]}
      user={{ name: membership.user.name, email: membership.user.email, role: membership.role }}
    >
      {children}
    </AppShell>
  );
}
