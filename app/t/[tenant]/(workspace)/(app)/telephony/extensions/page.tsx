import type { Metadata } from "next";
import { ExtensionsView } from "@/components/telephony/extensions/extensions-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Ramais" };

/** Admins and owners (signed in as members) change extensions; managers and support sessions read them. */
export default async function ExtensionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  const canManage = !viewer.readOnly && (viewer.role === "admin" || viewer.role === "owner");
  return <ExtensionsView canManage={canManage} />;
}
