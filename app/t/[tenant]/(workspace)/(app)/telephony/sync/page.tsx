import type { Metadata } from "next";
import { PbxSyncView } from "@/components/pbx/pbx-sync-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Sincronização" };

/** The tenant's PBX sync: managers read it, admins and owners also force it (the server decides, see telephony.pbx.status). */
export default async function PbxSyncPage({ params }: { params: Promise<{ tenant: string }> }) {
  await requireWorkspaceViewer((await params).tenant);
  return <PbxSyncView />;
}
