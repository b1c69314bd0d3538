import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { UnavailablePage } from "@/components/tenant/unavailable-page";
import { serverTranslator } from "@/server/i18n";
import { urlOnHost } from "@/server/root-url";
import { findTenantBySlug } from "@/server/services/tenants/find-tenant";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = await findTenantBySlug((await params).tenant);
  if (!tenant) notFound();
  if (tenant.status !== "active") {
    const t = await serverTranslator();
    return (
      <UnavailablePage
        title={t("tenant.suspendedTitle")}
        body={t("tenant.suspendedBody", { name: tenant.name })}
        actionLabel={t("tenant.findWorkspace")}
        actionHref={await urlOnHost(null)}
      />
    );
  }
  return children;
}
