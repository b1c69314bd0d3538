import type { Metadata } from "next";
import { ReportsView } from "@/components/console/reports/reports-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("billingReports.title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSuperAdmin();
  return <ReportsView searchParams={await searchParams} />;
}
