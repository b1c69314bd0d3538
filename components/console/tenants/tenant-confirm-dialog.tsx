"use client";

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import type { MessageKey } from "@/lib/i18n";

export type TenantAction = "suspend" | "reactivate" | "archive" | "delete" | "support";
export type PendingAction = { action: TenantAction; tenant: { id: string; name: string } };

const TEXT: Record<TenantAction, { title: MessageKey; body: MessageKey; confirm: MessageKey; destructive: boolean }> = {
  suspend: {
    title: "console.confirm.suspendTitle",
    body: "console.confirm.suspendBody",
    confirm: "console.tenants.action.suspend",
    destructive: true,
  },
  reactivate: {
    title: "console.confirm.reactivateTitle",
    body: "console.confirm.reactivateBody",
    confirm: "console.tenants.action.reactivate",
    destructive: false,
  },
  archive: {
    title: "console.confirm.archiveTitle",
    body: "console.confirm.archiveBody",
    confirm: "console.tenants.action.archive",
    destructive: true,
  },
  delete: {
    title: "console.confirm.deleteTitle",
    body: "console.confirm.deleteBody",
    confirm: "console.tenants.action.delete",
    destructive: true,
  },
  support: {
    title: "console.confirm.supportTitle",
    body: "console.confirm.supportBody",
    confirm: "console.confirm.supportConfirm",
    destructive: false,
  },
};

/**
 * Confirmation for every tenant action. Support stays open with a spinner while its link is made
 * (the page then leaves for the tenant's host); the others close at once and update optimistically.
 */
export function TenantConfirmDialog({
  pending,
  busy,
  onCancel,
  onConfirm,
}: {
  pending: PendingAction | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (pending: PendingAction) => void;
}) {
  const { t } = useI18n();
  const text = pending ? TEXT[pending.action] : TEXT.suspend;
  return (
    <AlertDialog open={pending !== null} onOpenChange={(open) => !open && !busy && onCancel()}>
      <AlertDialogContent data-testid="tenant-confirm">
        <AlertDialogHeader>
          <AlertDialogTitle>{t(text.title, { name: pending?.tenant.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t(text.body)}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            variant={text.destructive ? "destructive" : "default"}
            disabled={busy}
            onClick={(event) => {
              if (!pending) return;
              if (pending.action === "support") event.preventDefault();
              onConfirm(pending);
            }}
          >
            {busy ? (
              <>
                <Spinner aria-label={t("common.loading")} /> {t("console.confirm.supportOpening")}
              </>
            ) : (
              t(text.confirm)
            )}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
