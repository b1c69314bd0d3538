import type { Metadata } from "next";
import { OpportunitiesView } from "@/components/opportunities/opportunities-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator())("shell.opportunities") };
}

export default async function OpportunitiesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  const manager = viewer.role !== "rep";
  return <OpportunitiesView showMembers={manager} canDelete={manager && !viewer.readOnly} readOnly={viewer.readOnly} />;
}
