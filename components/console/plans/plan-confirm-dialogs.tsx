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
import type { PlanOutput } from "@/lib/schemas/plan";

type Props = { plan: PlanOutput | null; onCancel: () => void; onArchive: (plan: PlanOutput) => void };

export function ArchivePlanDialog({ plan, onCancel, onArchive }: Props) {
  const { t } = useI18n();
  return (
    <AlertDialog open={plan !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("plans.archiveConfirmTitle", { name: plan?.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>{t("plans.archiveConfirmBody", { count: plan?.tenantCount ?? 0 })}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction onClick={() => plan && onArchive(plan)}>{t("plans.archive")}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/**
 * Deleting is for a plan nobody is on. For a plan in use the dialog says why it cannot be deleted
 * and offers archiving instead (the server refuses the delete either way).
 */
export function DeletePlanDialog({ plan, onCancel, onArchive, onDelete }: Props & { onDelete: (plan: PlanOutput) => void }) {
  const { t } = useI18n();
  const inUse = (plan?.tenantCount ?? 0) > 0;
  const canArchive = inUse && plan?.archivedAt === null;
  return (
    <AlertDialog open={plan !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("plans.deleteConfirmTitle", { name: plan?.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>
            {inUse ? t("plans.deleteBlocked", { count: plan?.tenantCount ?? 0 }) : t("plans.deleteConfirmBody")}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{inUse ? t("common.close") : t("common.cancel")}</AlertDialogCancel>
          {canArchive && <AlertDialogAction onClick={() => plan && onArchive(plan)}>{t("plans.archive")}</AlertDialogAction>}
          {!inUse && (
            <AlertDialogAction variant="destructive" onClick={() => plan && onDelete(plan)}>
              {t("common.delete")}
            </AlertDialogAction>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
