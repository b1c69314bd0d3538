"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LayersIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { PlanOutput } from "@/lib/schemas/plan";
import { PlanCheckbox } from "./plan-checkbox";
import { ArchivePlanDialog, DeletePlanDialog } from "./plan-confirm-dialogs";
import { PlanFormDialog } from "./plan-form-dialog";
import { PlansTable } from "./plans-table";
import { usePlanMutations } from "./use-plan-mutations";

export function PlansView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<PlanOutput | "new" | null>(null);
  const [archiving, setArchiving] = useState<PlanOutput | null>(null);
  const [deleting, setDeleting] = useState<PlanOutput | null>(null);
  const list = useQuery(trpc.admin.plans.list.queryOptions({ includeArchived }, { placeholderData: keepPreviousData }));
  const { archive, unarchive, remove } = usePlanMutations();
  const plans = list.data;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("plans.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("plans.subtitle")}</p>
        </div>
        <Button onClick={() => setEditing("new")}>
          <PlusIcon aria-hidden /> {t("plans.new")}
        </Button>
      </div>

      <div className="flex items-center gap-2">
        <PlanCheckbox
          id="plans-show-archived"
          checked={includeArchived}
          onCheckedChange={(checked) => setIncludeArchived(checked === true)}
        />
        <Label htmlFor="plans-show-archived" className="font-normal">
          {t("plans.showArchived")}
        </Label>
      </div>

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("plans.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : plans && plans.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="plans-empty">
            <LayersIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{includeArchived ? t("plans.empty") : t("plans.emptyActive")}</p>
            <div className="flex flex-wrap justify-center gap-2">
              {!includeArchived && (
                <Button variant="outline" onClick={() => setIncludeArchived(true)}>
                  {t("plans.showArchived")}
                </Button>
              )}
              <Button onClick={() => setEditing("new")}>
                <PlusIcon aria-hidden /> {t("plans.new")}
              </Button>
            </div>
          </div>
        ) : (
          <PlansTable
            plans={plans}
            onEdit={setEditing}
            onArchive={setArchiving}
            onUnarchive={(plan) => unarchive.mutate({ id: plan.id })}
            onDelete={setDeleting}
          />
        )}
      </Card>

      <PlanFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        plan={editing === "new" ? null : editing}
      />
      <ArchivePlanDialog
        plan={archiving}
        onCancel={() => setArchiving(null)}
        onArchive={(plan) => {
          setArchiving(null);
          archive.mutate({ id: plan.id });
        }}
      />
      <DeletePlanDialog
        plan={deleting}
        onCancel={() => setDeleting(null)}
        onArchive={(plan) => {
          setDeleting(null);
          archive.mutate({ id: plan.id });
        }}
        onDelete={(plan) => {
          setDeleting(null);
          remove.mutate({ id: plan.id });
        }}
      />
    </div>
  );
}
