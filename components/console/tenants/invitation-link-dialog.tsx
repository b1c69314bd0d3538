"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import type { InvitationLink } from "@/lib/schemas/tenant";

/** Shows an owner invitation link once, with a copy button: no e-mail is sent yet. */
export function InvitationLinkDialog({ invitation, onClose }: { invitation: InvitationLink | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [copied, setCopied] = useState(false);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" });

  async function copy() {
    if (!invitation) return;
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopied(true);
      toast.success(t("console.invitation.copied"));
    } catch {
      toast.error(t("console.invitation.copyFailed"));
    }
  }

  return (
    <Dialog
      open={invitation !== null}
      onOpenChange={(open) => {
        if (open) return;
        setCopied(false);
        onClose();
      }}
    >
      <DialogContent className="sm:max-w-xl" data-testid="invitation-link-dialog">
        <DialogHeader>
          <DialogTitle>{t("console.invitation.title")}</DialogTitle>
          <DialogDescription>
            {invitation && t("console.invitation.body", { email: invitation.email, date: date.format(invitation.expiresAt) })}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="invitation-url">{t("console.invitation.link")}</Label>
          <div className="flex gap-2">
            <Input
              id="invitation-url"
              readOnly
              value={invitation?.url ?? ""}
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono text-xs"
            />
            <Button type="button" variant="outline" onClick={() => void copy()}>
              {copied ? <CheckIcon aria-hidden /> : <CopyIcon aria-hidden />} {t("console.invitation.copy")}
            </Button>
          </div>
        </div>
        <DialogFooter>
          <Button
            type="button"
            onClick={() => {
              setCopied(false);
              onClose();
            }}
          >
            {t("console.invitation.done")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
