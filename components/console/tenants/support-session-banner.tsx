"use client";

import { LifeBuoyIcon, LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";

/** Always on screen during a support session: who is looking, that nothing can be changed, and the way out. */
export function SupportSessionBanner({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <div
      role="status"
      data-testid="support-banner"
      className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 bg-warning px-4 py-2 text-sm font-medium text-warning-foreground"
    >
      <LifeBuoyIcon className="size-4" aria-hidden />
      <span>{t("console.support.banner", { email })}</span>
      <Button
        size="sm"
        variant="outline"
        className="h-7 border-warning-foreground/40 bg-transparent text-warning-foreground hover:bg-warning-foreground/10 hover:text-warning-foreground"
        onClick={() => void signOut({ callbackUrl: "/login" })}
      >
        <LogOutIcon aria-hidden /> {t("console.support.leave")}
      </Button>
    </div>
  );
}
