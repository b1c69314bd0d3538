"use client";

import type { ReactNode } from "react";
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

type Props = {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** While the server answers: the dialog stays open and its buttons wait. */
  pending?: boolean;
  /** Why the action cannot be done now (e.g. still in use): shown instead of the confirm button. */
  blocked?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a destructive or hard-to-undo action. */
export function ConfirmDialog({ open, title, body, confirmLabel, destructive, pending, blocked, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <AlertDialog open={open} onOpenChange={(next) => !next && !pending && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="flex flex-col gap-2">
              {body}
              {blocked && (
                <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-foreground">
                  {blocked}
                </p>
              )}
            </div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{blocked ? t("common.close") : t("common.cancel")}</AlertDialogCancel>
          {!blocked && (
            <AlertDialogAction
              variant={destructive ? "destructive" : "default"}
              disabled={pending}
              onClick={(event) => {
                // Closing is up to the caller, once the server has answered.
                event.preventDefault();
                onConfirm();
              }}
            >
              {pending && <Spinner aria-label={t("common.loading")} />}
              {confirmLabel}
            </AlertDialogAction>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
