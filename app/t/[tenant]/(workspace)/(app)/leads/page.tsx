import type { Metadata } from "next";
import { LeadsView } from "@/components/leads/leads-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  return <LeadsView myMembershipId={viewer.membershipId} canManage={viewer.role !== "rep"} readOnly={viewer.readOnly} />;
}
