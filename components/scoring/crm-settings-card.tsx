"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRightIcon, GaugeIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import { LoadError } from "@/components/settings/load-error";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { CrmSettings } from "@/lib/schemas/scoring";
import { RuleSwitch } from "./rule-switch";

/** Settings → CRM: who among reps sees which leads (optimistic switch) and a way into the scoring rules. */
export function CrmSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = trpc.settings.crm.get.queryKey();
  const settings = useQuery(trpc.settings.crm.get.queryOptions());

  const update = useMutation(
    trpc.settings.crm.update.mutationOptions({
      onMutate: async (next) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<CrmSettings>(key);
        queryClient.setQueryData<CrmSettings>(key, next);
        return previous;
      },
      onError: (error, _next, previous) => {
        if (previous) queryClient.setQueryData(key, previous);
        toast.error(error.message);
      },
      onSuccess: () => {
        toast.success(t("scoring.crm.saved"));
        // Lists already loaded were filtered under the old rule.
        void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
        router.refresh();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    }),
  );

  const shared = settings.data?.leadVisibility === "shared";
  return (
    <Card data-testid="crm-settings">
      <CardHeader>
        <CardTitle>{t("scoring.crm.title")}</CardTitle>
        <CardDescription>{t("scoring.crm.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {settings.isError ? (
          <LoadError onRetry={() => void settings.refetch()} />
        ) : settings.isPending ? (
          <Skeleton className="h-14 w-full" />
        ) : (
          <div className="grid gap-2">
            <p className="text-sm font-medium">{t("scoring.crm.visibility")}</p>
            <div className="flex items-center justify-between gap-4 rounded-md border p-3">
              <div className="grid gap-1">
                <label id="lead-visibility-label" htmlFor="lead-visibility-switch" className="text-sm">
                  {t("scoring.crm.shareAll")}
                </label>
                <p id="lead-visibility-state" className="text-xs text-muted-foreground" aria-live="polite">
                  {shared ? t("scoring.crm.shared") : t("scoring.crm.owner")}. {t("scoring.crm.visibilityHint")}
                </p>
              </div>
              <RuleSwitch
                id="lead-visibility-switch"
                checked={shared}
                disabled={!canEdit || update.isPending}
                onCheckedChange={(next) => update.mutate({ leadVisibility: next ? "shared" : "owner" })}
                aria-labelledby="lead-visibility-label"
                aria-describedby="lead-visibility-state"
                data-testid="lead-visibility-switch"
              />
            </div>
            {!canEdit && <p className="text-xs text-muted-foreground">{t("scoring.crm.readOnly")}</p>}
          </div>
        )}
        <Separator />
        <Link
          href="/settings/scoring"
          className="-mx-2 flex items-center gap-3 rounded-md p-2 outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
          data-testid="scoring-settings-link"
        >
          <GaugeIcon className="size-5 shrink-0 text-muted-foreground" aria-hidden />
          <span className="grid flex-1 gap-0.5">
            <span className="text-sm font-medium">{t("scoring.crm.rulesLink")}</span>
            <span className="text-xs text-muted-foreground">{t("scoring.crm.rulesLinkHint")}</span>
          </span>
          <ChevronRightIcon className="size-4 text-muted-foreground" aria-hidden />
        </Link>
      </CardContent>
    </Card>
  );
}
