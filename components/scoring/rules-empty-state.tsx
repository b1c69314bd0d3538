"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GaugeIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

/** No rules yet: admins get the recommended set in one click (then a recompute). */
export function RulesEmptyState({ canEdit, onApplied }: { canEdit: boolean; onApplied: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apply = useMutation(
    trpc.scoring.applyRecommended.mutationOptions({
      onSuccess: ({ created }) => {
        toast.success(t("scoring.rules.applied", { count: created }));
        void queryClient.invalidateQueries({ queryKey: trpc.scoring.rules.list.queryKey() });
        onApplied();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-12 text-center" data-testid="scoring-empty">
      <GaugeIcon className="size-10 text-muted-foreground" aria-hidden />
      <h3 className="text-base font-medium">{t("scoring.rules.emptyTitle")}</h3>
      <p className="max-w-lg text-sm text-muted-foreground">{canEdit ? t("scoring.rules.emptyText") : t("scoring.rules.emptyReadOnly")}</p>
      {canEdit && (
        <Button onClick={() => apply.mutate()} disabled={apply.isPending}>
          {apply.isPending ? t("scoring.rules.applying") : t("scoring.rules.applyRecommended")}
        </Button>
      )}
    </div>
  );
}
