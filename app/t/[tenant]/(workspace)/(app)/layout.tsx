import type { ReactNode } from "react";
import { SupportSessionBanner } from "@/components/console/tenants/support-session-banner";
import { CallPanelHost } from "@/components/calls/call-panel-host";
import { IncomingCallListener } from "@/components/calls/incoming-call-listener";
import { AppShell, type NavKey } from "@/components/shell/app-shell";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

const CRM_NAV: NavKey[] = ["leads", "board", "opportunities", "tasks", "calls"];

export default async function TenantAppLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant, viewer } = await requireWorkspaceViewer((await params).tenant);
  const support = viewer.kind === "support";
  return (
    <AppShell
      workspaceName={tenant.name}
      // Support reads the CRM only: settings hold secrets and members' data it has no business with.
      nav={
        support || viewer.role === "rep"
          ? CRM_NAV
          : [...CRM_NAV, "telephony", ...(viewer.role === "manager" ? [] : (["billing"] as const)), "settings"]
      }
      user={{ name: viewer.name, email: viewer.email, role: support ? "superadmin" : viewer.role }}
      banner={support ? <SupportSessionBanner email={viewer.email} /> : undefined}
    >
      {children}
      {/* Kept across pages: a call in progress and its after-call form survive navigation. */}
      <CallPanelHost />
      <IncomingCallListener />
    </AppShell>
  );
}
