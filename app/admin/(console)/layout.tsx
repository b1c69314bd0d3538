import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireSuperAdmin } from "@/server/auth/super-admin";
import { serverTranslator } from "@/server/i18n";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireSuperAdmin();
  const t = await serverTranslator();
  return (
    <AppShell
      workspaceName={t("shell.console")}
      nav={["tenants", "plans", "inventory", "routes", "pbx", "tariffs", "invoices", "reports", "audit"]}
      user={{ name: user.name, email: user.email, role: "superadmin" }}
    >
      {children}
    </AppShell>
  );
}
