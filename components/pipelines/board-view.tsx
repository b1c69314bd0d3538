"use client";

import { useQuery } from "@tanstack/react-query";
import { KanbanIcon, PlusIcon, Settings2Icon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { CloseOpportunityDialog } from "@/components/opportunities/close-opportunity-dialog";
import { OpportunityDetailSheet } from "@/components/opportunities/opportunity-detail-sheet";
import { OpportunityFormDialog } from "@/components/opportunities/opportunity-form-dialog";
import { formatBrl } from "@/lib/money";
import type { BoardCard, BoardInput } from "@/lib/schemas/pipeline";
import { BoardCanvas } from "./board-canvas";
import { requestCardFocus } from "./card-focus";
import { BoardToolbar, type BoardFilters } from "./board-toolbar";
import type { CardActions } from "./card-menu";
import { PipelineEditorSheet } from "./pipeline-editor-sheet";
import { useBoardMutations } from "./use-board-mutations";

type Props = { canManage: boolean; readOnly: boolean; canDelete: boolean };

/** /board: one pipeline as a kanban board, with its switcher, filters, totals and editor. */
export function BoardView({ canManage, readOnly, canDelete }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const pipelineId = params.get("pipeline") || undefined;
  const [filters, setFilters] = useState<BoardFilters>({ search: "", owner: "anyone" });
  const search = useDebounced(filters.search.trim(), 300);
  const [creatingIn, setCreatingIn] = useState<string | null>(null);
  const [editing, setEditing] = useState<BoardCard | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [closing, setClosing] = useState<{ card: BoardCard; outcome: "won" | "lost" } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);

  const input: BoardInput = { pipelineId, owner: filters.owner, search: search || undefined };
  const boardKey = trpc.pipelines.board.queryKey(input);
  const board = useQuery(trpc.pipelines.board.queryOptions(input));
  const pipelines = useQuery(trpc.pipelines.list.queryOptions());
  const { move, win, lose } = useBoardMutations(boardKey);

  const selectPipeline = (id: string) => router.replace(`${pathname}?pipeline=${id}`, { scroll: false });
  const actions: CardActions = {
    open: (card) => setViewing(card.id),
    edit: (card) => setEditing(card),
    move: (card, toStageId) => {
      // The card re-mounts in its new column: keep the keyboard where the user left it.
      requestCardFocus(card.id);
      move.mutate({ id: card.id, fromStageId: card.stageId, toStageId });
    },
    win: (card) => setClosing({ card, outcome: "won" }),
    lose: (card) => setClosing({ card, outcome: "lost" }),
  };
  const data = board.data;
  const empty = data && data.totals.count === 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("pipelines.board.title")}</h1>
          {data ? (
            <p className="text-sm text-muted-foreground" data-testid="board-totals">
              {t("pipelines.board.totals", {
                count: data.totals.count,
                total: formatBrl(data.totals.total, locale),
                weighted: formatBrl(data.totals.weighted, locale),
              })}
            </p>
          ) : (
            <Skeleton className="mt-1 h-5 w-72" />
          )}
        </div>
        <div className="flex gap-2">
          {canManage && (
            <Button variant="outline" onClick={() => setEditorOpen(true)} disabled={!data}>
              <Settings2Icon aria-hidden /> {t("pipelines.editor.open")}
            </Button>
          )}
          {!readOnly && (
            <Button onClick={() => setCreatingIn(data?.columns[0]?.id ?? "")} disabled={!data}>
              <PlusIcon aria-hidden /> {t("pipelines.form.newTitle")}
            </Button>
          )}
        </div>
      </div>

      <BoardToolbar
        pipelines={pipelines.data ?? []}
        pipelineId={data?.pipeline.id}
        onPipeline={selectPipeline}
        filters={filters}
        onFilters={setFilters}
        showMembers={canManage}
      />

      <div aria-busy={board.isFetching}>
        {board.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
            <p>{board.error.message || t("pipelines.board.loadError")}</p>
            {/* A pipeline in the address that is gone (deleted, or another tenant's) leads back to the first one. */}
            <Button variant="outline" onClick={() => (pipelineId ? selectPipeline("") : void board.refetch())}>
              {pipelineId ? t("pipelines.board.backToFirst") : t("common.retry")}
            </Button>
          </div>
        ) : !data ? (
          <div className="flex gap-3 overflow-hidden" aria-label={t("common.loading")}>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-96 w-72 shrink-0 rounded-xl" />
            ))}
          </div>
        ) : (
          <>
            {empty && (
              <div
                className="mb-3 flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground"
                data-testid="board-empty"
              >
                <KanbanIcon className="size-5" aria-hidden />
                {search || filters.owner !== "anyone" ? t("pipelines.board.emptyFiltered") : t("pipelines.board.empty")}
              </div>
            )}
            <BoardCanvas board={data} readOnly={readOnly} actions={actions} onCreate={setCreatingIn} />
          </>
        )}
      </div>

      <OpportunityFormDialog
        open={creatingIn !== null || editing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setCreatingIn(null);
            setEditing(null);
          }
        }}
        defaultStageId={creatingIn || undefined}
        opportunity={editing ? { id: editing.id } : undefined}
      />
      <OpportunityDetailSheet id={viewing} onClose={() => setViewing(null)} readOnly={readOnly} canDelete={canDelete} />
      <CloseOpportunityDialog
        opportunity={closing ? { id: closing.card.id, title: closing.card.title } : null}
        outcome={closing?.outcome ?? "won"}
        onOpenChange={(open) => !open && setClosing(null)}
        onConfirm={(reason) => {
          if (!closing) return;
          if (closing.outcome === "won") win.mutate({ id: closing.card.id, reason });
          else lose.mutate({ id: closing.card.id, reason });
          setClosing(null);
        }}
      />
      {canManage && data && (
        <PipelineEditorSheet
          open={editorOpen}
          onOpenChange={setEditorOpen}
          pipelineId={data.pipeline.id}
          onPipelineChange={selectPipeline}
        />
      )}
    </div>
  );
}
