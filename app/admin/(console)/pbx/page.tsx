import type { Metadata } from "next";
import { PbxNodesView } from "@/components/console/pbx/pbx-nodes-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("routes.pbx.title") };
}

export default async function PbxNodesPage() {
  await requireSuperAdmin();
  return <PbxNodesView />;
}
