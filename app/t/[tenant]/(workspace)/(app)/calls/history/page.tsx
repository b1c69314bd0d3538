import type { Metadata } from "next";
import { z } from "zod";
import { HistoryView } from "@/components/call-history/history-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";

export const metadata: Metadata = { title: "Histórico de chamadas" };

export default async function CallHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ leadId?: string | string[] }>;
}) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  // `?leadId=` comes from a lead's calls card ("see all"); anything else is ignored.
  const leadId = z.uuid().safeParse((await searchParams).leadId);
  return <HistoryView canSeeTeam={viewer.role !== "rep"} readOnly={viewer.readOnly} leadId={leadId.success ? leadId.data : null} />;
}
