"use client";

import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import type { LeadOutput } from "@/lib/schemas/lead";

export function DeleteLeadDialog(props: { lead: LeadOutput | null; onCancel: () => void; onConfirm: (lead: LeadOutput) => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDeleteDialog
      item={props.lead}
      title={(lead) => t("leads.deleteConfirmTitle", { name: lead.name })}
      description={t("leads.deleteConfirmBody")}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
}
