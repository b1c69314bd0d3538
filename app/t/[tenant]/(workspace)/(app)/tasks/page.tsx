import type { Metadata } from "next";
import { MyDayView } from "@/components/tasks/my-day-view";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("tasks.title") };
}

export default async function TasksPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  return <MyDayView canSwitchAssignee={viewer.role !== "rep"} readOnly={viewer.readOnly} />;
}
