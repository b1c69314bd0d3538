import type { Metadata } from "next";
import { RoutesView } from "@/components/console/routes/routes-view";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("routes.title") };
}

export default async function RoutesPage({ searchParams }: { searchParams: Promise<{ scope?: string | string[] }> }) {
  await requireSuperAdmin();
  const scope = (await searchParams).scope;
  const tenantId = typeof scope === "string" && /^[0-9a-f-]{36}$/i.test(scope) ? scope : null;
  return <RoutesView initialScope={tenantId} />;
}
