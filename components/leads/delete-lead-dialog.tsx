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
import { useI18n } from "@/components/providers/i18n-provider";
import type { LeadOutput } from "@/lib/schemas/lead";

export function DeleteLeadDialog({
  lead,
  onCancel,
  onConfirm,
}: {
  lead: LeadOutput | null;
  onCancel: () => void;
  onConfirm: (lead: LeadOutput) => void;
}) {
  const { t } = useI18n();
  return (
    <AlertDialog open={lead !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("leads.deleteConfirmTitle", { name: lead?.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t("leads.deleteConfirmBody")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => lead && onConfirm(lead)}>
            {t("common.delete")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
