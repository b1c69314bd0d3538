"use client";

import { useDroppable } from "@dnd-kit/core";
import { PlusIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { formatBrl } from "@/lib/money";
import type { BoardColumn as Column } from "@/lib/schemas/pipeline";
import type { CardActions } from "./card-menu";
import { OpportunityCard } from "./opportunity-card";

type Props = {
  column: Column;
  stages: { id: string; name: string }[];
  readOnly: boolean;
  actions: CardActions;
  onCreate: (stageId: string) => void;
};

/** One stage: a labelled region that cards can be dropped on, with its count, total and weighted total. */
export function BoardColumn({ column, stages, readOnly, actions, onCreate }: Props) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { name: column.name } });
  return (
    <section
      ref={setNodeRef}
      aria-label={column.name}
      data-testid="board-column"
      data-stage-id={column.id}
      className={cn(
        "flex max-h-[calc(100vh-15rem)] w-72 shrink-0 flex-col rounded-xl border bg-muted/40 transition-colors",
        isOver && "border-primary bg-primary/5 ring-2 ring-primary/30",
      )}
    >
      <header className="grid gap-1 border-b px-3 py-2.5">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="truncate text-sm font-semibold">
            {column.name}
            <span className="ml-1.5 font-normal text-muted-foreground">{column.probability}%</span>
          </h2>
          <div className="flex items-center gap-1">
            <span
              className="rounded-full bg-background px-2 text-xs tabular-nums"
              data-testid="column-count"
              aria-label={t("pipelines.board.count", { count: column.count })}
            >
              {column.count}
            </span>
            {!readOnly && (
              <Button
                variant="ghost"
                size="icon"
                className="size-7"
                aria-label={t("pipelines.board.newIn", { stage: column.name })}
                onClick={() => onCreate(column.id)}
              >
                <PlusIcon aria-hidden />
              </Button>
            )}
          </div>
        </div>
        <dl className="flex items-baseline justify-between gap-2 text-xs">
          <div>
            <dt className="sr-only">{t("pipelines.board.total")}</dt>
            <dd className="font-semibold tabular-nums" data-testid="column-total">
              {formatBrl(column.total, locale)}
            </dd>
          </div>
          <div className="text-muted-foreground">
            <dt className="inline">{t("pipelines.board.weighted")}: </dt>
            <dd className="inline tabular-nums" data-testid="column-weighted">
              {formatBrl(column.weighted, locale)}
            </dd>
          </div>
        </dl>
      </header>
      <ul className="flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto p-2" aria-labelledby={headingId}>
        {column.cards.map((card) => (
          <OpportunityCard key={card.id} card={card} stages={stages} readOnly={readOnly} actions={actions} />
        ))}
        {column.cards.length === 0 && (
          <li className="px-2 py-6 text-center text-xs text-muted-foreground">{t("pipelines.board.emptyColumn")}</li>
        )}
        {column.truncated && (
          <li className="px-2 py-1 text-center text-xs text-muted-foreground">
            {t("pipelines.board.truncated", { shown: column.cards.length, count: column.count })}
          </li>
        )}
      </ul>
    </section>
  );
}
