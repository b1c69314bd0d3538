"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ListPlusIcon, PencilIcon, RotateCcwIcon, ThumbsDownIcon, Trash2Icon, TrophyIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
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
import { PlaceCallButton } from "@/components/calls/place-call-button";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { TaskFormDialog } from "@/components/tasks/task-form-dialog";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBrl } from "@/lib/money";
import { CloseOpportunityDialog } from "./close-opportunity-dialog";
import { OpportunityActivities } from "./opportunity-activities";
import { OpportunityFacts } from "./opportunity-facts";
import { OpportunityFormDialog } from "./opportunity-form-dialog";
import { OpportunityStatusBadge } from "./opportunity-status-badge";

type Props = { id: string | null; onClose: () => void; readOnly: boolean; canDelete: boolean };

/** An opportunity in a side sheet: its facts, lines and timeline, with edit, win/lose/reopen, task and delete. */
export function OpportunityDetailSheet({ id, onClose, readOnly, canDelete }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery({ ...trpc.pipelines.opportunities.get.queryOptions({ id: id ?? "" }), enabled: !!id });
  const [dialog, setDialog] = useState<"edit" | "won" | "lost" | "delete" | "task" | null>(null);
  const o = detail.data;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.activities.pathKey() });
  };
  const done = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      setDialog(null);
    },
    onError: (error: { message: string }) => toast.error(error.message),
    onSettled: refresh,
  });
  const win = useMutation(trpc.pipelines.opportunities.win.mutationOptions(done(t("pipelines.board.wonToast"))));
  const lose = useMutation(trpc.pipelines.opportunities.lose.mutationOptions(done(t("pipelines.board.lostToast"))));
  const reopen = useMutation(trpc.pipelines.opportunities.reopen.mutationOptions(done(t("pipelines.detail.reopened"))));
  const remove = useMutation(
    trpc.pipelines.opportunities.delete.mutationOptions({
      ...done(t("pipelines.detail.deleted")),
      onSuccess: () => {
        toast.success(t("pipelines.detail.deleted"));
        setDialog(null);
        onClose();
      },
    }),
  );

  return (
    <Sheet open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-lg" data-testid="opportunity-detail">
        <SheetHeader>
          <SheetTitle className="pr-6">{o?.title ?? t("common.loading")}</SheetTitle>
          <SheetDescription className="flex items-center gap-2">
            {o && <OpportunityStatusBadge status={o.status} />}
            {o && <span className="text-base font-semibold text-foreground tabular-nums">{formatBrl(o.value, locale)}</span>}
          </SheetDescription>
        </SheetHeader>
        <div className="grid gap-5 px-4 pb-6">
          {detail.isError ? (
            <p role="alert">{detail.error.message}</p>
          ) : !o ? (
            <Skeleton className="h-48 w-full" />
          ) : (
            <>
              {!readOnly && (
                <div className="flex flex-wrap gap-2">
                  {o.lead && <PlaceCallButton opportunityId={o.id} size="sm" panelLabel={o.lead.name} testId="opportunity-call" />}
                  <Button size="sm" variant="outline" onClick={() => setDialog("edit")}>
                    <PencilIcon aria-hidden /> {t("common.edit")}
                  </Button>
                  {o.status === "open" ? (
                    <>
                      <Button size="sm" variant="outline" onClick={() => setDialog("won")}>
                        <TrophyIcon aria-hidden /> {t("pipelines.actions.win")}
                      </Button>
                      <Button size="sm" variant="outline" onClick={() => setDialog("lost")}>
                        <ThumbsDownIcon aria-hidden /> {t("pipelines.actions.lose")}
                      </Button>
                    </>
                  ) : (
                    <Button size="sm" variant="outline" disabled={reopen.isPending} onClick={() => reopen.mutate({ id: o.id })}>
                      <RotateCcwIcon aria-hidden /> {t("pipelines.actions.reopen")}
                    </Button>
                  )}
                  <Button size="sm" variant="outline" onClick={() => setDialog("task")}>
                    <ListPlusIcon aria-hidden /> {t("pipelines.detail.newTask")}
                  </Button>
                  {canDelete && (
                    <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setDialog("delete")}>
                      <Trash2Icon aria-hidden /> {t("common.delete")}
                    </Button>
                  )}
                </div>
              )}
              <OpportunityFacts opportunity={o} />
              <Separator />
              <OpportunityActivities opportunityId={o.id} />
            </>
          )}
        </div>
      </SheetContent>
      {o && (
        <>
          <OpportunityFormDialog open={dialog === "edit"} onOpenChange={(open) => !open && setDialog(null)} opportunity={o} />
          <TaskFormDialog
            open={dialog === "task"}
            onOpenChange={(open) => !open && setDialog(null)}
            opportunityId={o.id}
            onSaved={refresh}
          />
          <CloseOpportunityDialog
            opportunity={dialog === "won" || dialog === "lost" ? o : null}
            outcome={dialog === "lost" ? "lost" : "won"}
            pending={win.isPending || lose.isPending}
            onOpenChange={(open) => !open && setDialog(null)}
            onConfirm={(reason) => (dialog === "lost" ? lose.mutate({ id: o.id, reason }) : win.mutate({ id: o.id, reason }))}
          />
          <AlertDialog open={dialog === "delete"} onOpenChange={(open) => !open && setDialog(null)}>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>{t("pipelines.detail.deleteTitle", { title: o.title })}</AlertDialogTitle>
                <AlertDialogDescription>{t("pipelines.detail.deleteBody")}</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
                <AlertDialogAction variant="destructive" disabled={remove.isPending} onClick={() => remove.mutate({ id: o.id })}>
                  {t("common.delete")}
                </AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        </>
      )}
    </Sheet>
  );
}
