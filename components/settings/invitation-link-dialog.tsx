"use client";

import { CopyIcon } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import type { InvitationWithLink } from "@/lib/schemas/settings";
import { useCopy } from "./use-copy";

/** Shows a fresh invitation link (the only time it exists in clear) with a copy button. */
export function InvitationLinkDialog({ result, onClose }: { result: InvitationWithLink | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const copy = useCopy();
  const input = useRef<HTMLInputElement>(null);
  const date = result ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(result.invitation.expiresAt) : "";

  const onCopy = async () => {
    if (!result) return;
    const ok = await copy(result.link, { ok: t("settings.invitations.copied"), failed: t("settings.invitations.copyFailed") });
    if (!ok) input.current?.select();
  };

  return (
    <Dialog open={result !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("settings.invitations.linkTitle")}</DialogTitle>
          <DialogDescription>{t("settings.invitations.linkBody", { email: result?.invitation.email ?? "", date })}</DialogDescription>
        </DialogHeader>
        <div className="flex gap-2">
          <Input
            ref={input}
            readOnly
            value={result?.link ?? ""}
            aria-label={t("settings.invitations.linkTitle")}
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
            data-testid="invitation-link"
          />
          <Button type="button" onClick={() => void onCopy()} autoFocus>
            <CopyIcon aria-hidden /> {t("settings.invitations.copy")}
          </Button>
        </div>
        <p className="text-sm text-muted-foreground">{t("settings.invitations.linkHint")}</p>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("common.close")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
