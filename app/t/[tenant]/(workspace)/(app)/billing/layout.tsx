import { LockIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { requireWorkspaceViewer } from "@/server/auth/workspace-member";
import { serverTranslator } from "@/server/i18n";

/**
 * Billing is for admins and owners (and a read-only support session); the nav hides it from managers
 * and reps, and the router refuses them. One who types the address is told so, not shown a 404 that
 * would read as "this workspace does not exist".
 */
export default async function BillingLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { viewer } = await requireWorkspaceViewer((await params).tenant);
  if (viewer.role === "manager" || viewer.role === "rep") {
    const t = await serverTranslator();
    return (
      <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-20 text-center" data-testid="billing-no-access">
        <LockIcon aria-hidden className="size-10 text-muted-foreground" />
        <h1 className="text-xl font-semibold">{t("billing.noAccess.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("billing.noAccess.body")}</p>
        <Button asChild variant="outline">
          <Link href="/leads">{t("billing.noAccess.back")}</Link>
        </Button>
      </div>
    );
  }
  return <div className="mx-auto flex max-w-6xl flex-col gap-4">{children}</div>;
}
