import type { Metadata } from "next";
import { AuditLog } from "@/components/console/audit/audit-log";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export const metadata: Metadata = { title: "Auditoria" };

export default async function AuditPage() {
  await requireSuperAdmin();
  const t = await serverTranslator();
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("console.audit.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("console.audit.subtitle")}</p>
      </div>
      <AuditLog />
    </div>
  );
}
