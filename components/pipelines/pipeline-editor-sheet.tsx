"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { PipelineOutput, StageOutput } from "@/lib/schemas/pipeline";
import { PipelineNameForm } from "./pipeline-name-form";
import { StageRow } from "./stage-row";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pipelineId: string;
  onPipelineChange: (id: string) => void;
};

/** "Editar funil": the pipeline's name and stages (add, rename, reorder, delete), new and deleted pipelines. */
export function PipelineEditorSheet({ open, onOpenChange, pipelineId, onPipelineChange }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.pipelines.list.queryKey();
  const pipelines = useQuery({ ...trpc.pipelines.list.queryOptions(), enabled: open });
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId);
  const [deleting, setDeleting] = useState<StageOutput | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });

  // Up/down is applied at once and undone if the server refuses.
  const reorder = useMutation(
    trpc.pipelines.stages.reorder.mutationOptions({
      onMutate: async ({ stageIds }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const snapshot = queryClient.getQueryData<PipelineOutput[]>(listKey);
        queryClient.setQueryData<PipelineOutput[]>(listKey, (list) =>
          list?.map((p) =>
            p.id === pipelineId ? { ...p, stages: stageIds.map((id) => p.stages.find((s) => s.id === id)!).filter(Boolean) } : p,
          ),
        );
        return { snapshot };
      },
      onError: (error, _input, context) => {
        if (context?.snapshot) queryClient.setQueryData(listKey, context.snapshot);
        toast.error(error.message);
      },
      onSettled: refresh,
    }),
  );
  const removeStage = useMutation(
    trpc.pipelines.stages.delete.mutationOptions({
      onSuccess: (stage) => toast.success(t("pipelines.editor.stageDeleted", { stage: stage.name })),
      onError: (error) => toast.error(error.message),
      onSettled: refresh,
    }),
  );

  function move(index: number, direction: -1 | 1) {
    if (!pipeline) return;
    const ids = pipeline.stages.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + direction, 0, moved!);
    reorder.mutate({ pipelineId, stageIds: ids });
  }

  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-xl" data-testid="pipeline-editor">
        <SheetHeader>
          <SheetTitle>{t("pipelines.editor.title")}</SheetTitle>
          <SheetDescription>{t("pipelines.editor.description")}</SheetDescription>
        </SheetHeader>
        <div className="grid gap-4 px-4 pb-6">
          {!pipeline ? (
            <Skeleton className="h-64 w-full" />
          ) : (
            <>
              <PipelineNameForm pipeline={pipeline} pipelineCount={pipelines.data?.length ?? 1} onPipelineChange={onPipelineChange} />
              <ol className="grid gap-2" aria-label={t("pipelines.editor.stages")}>
                {pipeline.stages.map((stage, index) => (
                  <li key={stage.id}>
                    <StageRow
                      pipelineId={pipeline.id}
                      stage={stage}
                      index={index}
                      last={index === pipeline.stages.length - 1}
                      busy={reorder.isPending}
                      onMove={(direction) => move(index, direction)}
                      onDelete={setDeleting}
                    />
                  </li>
                ))}
              </ol>
              <StageRow pipelineId={pipeline.id} />
            </>
          )}
        </div>
      </SheetContent>
      <AlertDialog open={deleting !== null} onOpenChange={(o) => !o && setDeleting(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("pipelines.editor.deleteStageTitle", { stage: deleting?.name ?? "" })}</AlertDialogTitle>
            <AlertDialogDescription>
              {deleting?.opportunityCount
                ? t("pipelines.errors.stage_not_empty", { count: deleting.opportunityCount })
                : t("pipelines.editor.deleteStageBody")}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={!!deleting?.opportunityCount}
              onClick={() => deleting && removeStage.mutate({ id: deleting.id })}
            >
              {t("common.delete")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Sheet>
  );
}
