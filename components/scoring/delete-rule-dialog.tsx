"use client";

import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import type { ScoringRuleOutput } from "@/lib/schemas/scoring";

export function DeleteRuleDialog(props: {
  rule: ScoringRuleOutput | null;
  onCancel: () => void;
  onConfirm: (rule: ScoringRuleOutput) => void;
}) {
  const { t } = useI18n();
  return (
    <ConfirmDeleteDialog
      item={props.rule}
      title={(rule) => t("scoring.deleteDialog.title", { name: rule.name })}
      description={t("scoring.deleteDialog.description")}
      confirmLabel={t("scoring.deleteDialog.confirm")}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
