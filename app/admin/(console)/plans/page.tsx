import type { Metadata } from "next";
import { PlansView } from "@/components/console/plans/plans-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("plans.title") };
}

export default async function PlansPage() {
  await requireSuperAdmin();
  return <PlansView />;
}
