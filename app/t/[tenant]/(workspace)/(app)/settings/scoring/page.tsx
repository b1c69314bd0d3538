import type { Metadata } from "next";
import { ScoringSettingsView } from "@/components/scoring/scoring-settings-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator())("scoring.title") };
}

/** Owners and admins edit the rules; everyone else (support sessions included) reads them. */
export default async function ScoringSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  const canEdit = !viewer.readOnly && (viewer.role === "owner" || viewer.role === "admin");
  return <ScoringSettingsView canEdit={canEdit} />;
}
