import type { Metadata } from "next";
import { TrunksView } from "@/components/telephony/trunks/trunks-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Troncos" };

/** Admins and owners (signed in as members) change trunks; managers read and test them. */
export default async function TrunksPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  const canManage = !viewer.readOnly && (viewer.role === "admin" || viewer.role === "owner");
  return <TrunksView canManage={canManage} />;
}
