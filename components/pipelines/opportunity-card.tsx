"use client";

import { useDraggable } from "@dnd-kit/core";
import { CalendarClockIcon, CheckSquareIcon, MailIcon, PhoneIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { formatBrl } from "@/lib/money";
import type { BoardCard } from "@/lib/schemas/pipeline";
import { takeCardFocus } from "./card-focus";
import { CardMenu, type CardActions } from "./card-menu";

const TASK_ICONS = { call: PhoneIcon, email: MailIcon, meeting: UsersIcon, todo: CheckSquareIcon } as const;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** What a card shows; also rendered (without drag handles) as the drag overlay. */
export function CardBody({ card, id }: { card: BoardCard; id?: string }) {
  const { t, locale } = useI18n();
  const due = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" });
  const TaskIcon = card.nextTask ? TASK_ICONS[card.nextTask.type] : null;
  return (
    <div id={id} className="grid gap-1.5">
      <p className="line-clamp-2 pr-7 text-sm leading-snug font-medium">{card.title}</p>
      <p className="text-sm font-semibold tabular-nums">{formatBrl(card.value, locale)}</p>
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
        <span className={cn(card.rotting && "font-medium text-amber-700 dark:text-amber-400")}>
          {t("pipelines.board.ageDays", { days: card.ageDays })}
        </span>
        {card.rotting && (
          <Badge variant="outline" className="border-amber-500/60 px-1.5 py-0 text-[11px] text-amber-700 dark:text-amber-400">
            {t("pipelines.board.rotting")}
          </Badge>
        )}
        {card.overdueTasks > 0 && (
          <Badge variant="destructive" className="px-1.5 py-0 text-[11px]">
            {t("pipelines.board.overdueTasks", { count: card.overdueTasks })}
          </Badge>
        )}
      </div>
      {card.nextTask && TaskIcon && (
        <p className={cn("flex items-center gap-1 text-xs", card.nextTask.overdue ? "text-destructive" : "text-muted-foreground")}>
          <TaskIcon className="size-3.5 shrink-0" aria-label={t(`pipelines.taskType.${card.nextTask.type}`)} />
          <span className="truncate">{card.nextTask.title}</span>
          <span className="shrink-0 tabular-nums">· {due.format(card.nextTask.dueAt)}</span>
        </p>
      )}
      {card.expectedCloseOn && (
        <p className="flex items-center gap-1 text-xs text-muted-foreground">
          <CalendarClockIcon className="size-3.5" aria-hidden />
          {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${card.expectedCloseOn}T00:00:00Z`))}
        </p>
      )}
      {card.owner && (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Avatar className="size-5">
            <AvatarFallback className="text-[10px]">{initials(card.owner.name)}</AvatarFallback>
          </Avatar>
          <span className="truncate">{card.owner.name}</span>
        </p>
      )}
    </div>
  );
}

type Props = {
  card: BoardCard;
  stages: { id: string; name: string }[];
  readOnly: boolean;
  actions: CardActions;
};

/**
 * A draggable card. The draggable part is a focusable role="button" named by the title (Space or
 * Enter picks it up, arrows move it between columns); the lead link and the menu sit beside it, not
 * inside, so no control is nested in another.
 */
export function OpportunityCard({ card, stages, readOnly, actions }: Props) {
  const { t } = useI18n();
  const bodyId = useId();
  const handle = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeCardFocus(card.id)) handle.current?.focus();
  }, [card.id, card.stageId]);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { stageId: card.stageId, title: card.title },
    disabled: readOnly,
  });
  return (
    <li
      ref={setNodeRef}
      className={cn(
        "relative rounded-lg border bg-card shadow-xs transition-shadow",
        card.rotting && "border-l-4 border-l-amber-500",
        // The drag overlay is what moves; the card stays behind as a faint placeholder.
        isDragging && "opacity-40",
      )}
    >
      <div
        {...attributes}
        {...listeners}
        ref={handle}
        role="button"
        aria-roledescription={t("pipelines.board.cardRole")}
        aria-label={card.title}
        // The drag instructions, then what the card says (value, age, next task, owner).
        aria-describedby={`${attributes["aria-describedby"]} ${bodyId}`}
        data-testid="opportunity-card"
        data-opportunity-id={card.id}
        onClick={() => actions.open(card)}
        className={cn(
          "block w-full cursor-grab rounded-lg p-3 text-left outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 active:cursor-grabbing",
          readOnly && "cursor-pointer",
        )}
      >
        <CardBody card={card} id={bodyId} />
      </div>
      {card.lead && (
        <div className="-mt-2 px-3 pb-3 text-xs">
          <Link
            href={`/leads/${card.lead.id}`}
            className="truncate text-primary underline-offset-4 hover:underline focus-visible:underline"
          >
            {card.lead.name}
          </Link>
        </div>
      )}
      <div className="absolute top-1.5 right-1.5">
        <CardMenu card={card} stages={stages} readOnly={readOnly} actions={actions} />
      </div>
    </li>
  );
}
