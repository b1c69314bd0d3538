import type { Metadata } from "next";
import { canEditTelephony } from "@/components/telephony/numbers/can-edit-telephony";
import { NumbersView } from "@/components/telephony/numbers/numbers-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Números" };

export default async function NumbersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  return <NumbersView canEdit={canEditTelephony(viewer)} />;
}
