"use client";

import { ArrowRightLeftIcon, MoreHorizontalIcon, PanelRightOpenIcon, PencilIcon, ThumbsDownIcon, TrophyIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import type { BoardCard } from "@/lib/schemas/pipeline";

export type CardActions = {
  open: (card: BoardCard) => void;
  edit: (card: BoardCard) => void;
  move: (card: BoardCard, toStageId: string) => void;
  win: (card: BoardCard) => void;
  lose: (card: BoardCard) => void;
};

/** The card's actions, including "Move to…": the same move as a drag, for anyone who does not drag. */
export function CardMenu({
  card,
  stages,
  readOnly,
  actions,
}: {
  card: BoardCard;
  stages: { id: string; name: string }[];
  readOnly: boolean;
  actions: CardActions;
}) {
  const { t } = useI18n();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={t("pipelines.board.cardMenu", { title: card.title })}
          data-testid="card-menu"
        >
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => actions.open(card)}>
          <PanelRightOpenIcon aria-hidden /> {t("pipelines.board.openDetails")}
        </DropdownMenuItem>
        {!readOnly && (
          <>
            <DropdownMenuItem onSelect={() => actions.edit(card)}>
              <PencilIcon aria-hidden /> {t("common.edit")}
            </DropdownMenuItem>
            <DropdownMenuSub>
              <DropdownMenuSubTrigger>
                <ArrowRightLeftIcon aria-hidden className="size-4 text-muted-foreground" /> {t("pipelines.board.moveTo")}
              </DropdownMenuSubTrigger>
              <DropdownMenuSubContent>
                {stages.map((stage) => (
                  <DropdownMenuItem key={stage.id} disabled={stage.id === card.stageId} onSelect={() => actions.move(card, stage.id)}>
                    {stage.name}
                  </DropdownMenuItem>
                ))}
              </DropdownMenuSubContent>
            </DropdownMenuSub>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => actions.win(card)}>
              <TrophyIcon aria-hidden /> {t("pipelines.actions.win")}
            </DropdownMenuItem>
            <DropdownMenuItem variant="destructive" onSelect={() => actions.lose(card)}>
              <ThumbsDownIcon aria-hidden /> {t("pipelines.actions.lose")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
