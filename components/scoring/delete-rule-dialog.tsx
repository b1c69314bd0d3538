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
import type { ScoringRuleOutput } from "@/lib/schemas/scoring";

export function DeleteRuleDialog({
  rule,
  onCancel,
  onConfirm,
}: {
  rule: ScoringRuleOutput | null;
  onCancel: () => void;
  onConfirm: (rule: ScoringRuleOutput) => void;
}) {
  const { t } = useI18n();
  return (
    <AlertDialog open={rule !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("scoring.deleteDialog.title", { name: rule?.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t("scoring.deleteDialog.description")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => rule && onConfirm(rule)}>
            {t("scoring.deleteDialog.confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
