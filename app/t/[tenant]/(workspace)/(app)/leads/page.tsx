import type { Metadata } from "next";
import { LeadsView } from "@/components/leads/leads-view";
import { requireWorkspaceMember } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { membership } = await requireWorkspaceMember((await params).tenant);
  return <LeadsView myMembershipId={membership.id} canDelete={membership.role !== "rep"} />;
}
