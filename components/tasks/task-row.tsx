"use client";

import Link from "next/link";
import { BriefcaseIcon, CalendarClockIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon, UserIcon } from "lucide-react";
import { PlaceCallButton } from "@/components/calls/place-call-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { TaskOutput } from "@/lib/schemas/task";
import { formatDue, formatFull } from "./format-due";
import type { QuickReschedule } from "./reschedule-options";
import { TaskTypeIcon } from "./task-type-icon";

export type TaskRowActions = {
  toggle: (task: TaskOutput) => void;
  reschedule: (task: TaskOutput, option: QuickReschedule) => void;
  pickDate: (task: TaskOutput) => void;
  edit: (task: TaskOutput) => void;
  remove: (task: TaskOutput) => void;
};

type Props = {
  task: TaskOutput;
  actions: TaskRowActions;
  readOnly?: boolean;
  /** Show the linked lead/opportunity (not on the lead's own page). */
  showLinks?: boolean;
  showAssignee?: boolean;
};

export function TaskRow({ task, actions, readOnly = false, showLinks = false, showAssignee = false }: Props) {
  const { t, locale } = useI18n();
  const done = task.completedAt !== null;
  return (
    <li
      data-testid="task-row"
      data-overdue={task.overdue || undefined}
      className="flex items-start gap-3 px-4 py-2.5 transition-colors focus-within:bg-muted/40 hover:bg-muted/40"
    >
      <Checkbox
        className="mt-0.5"
        checked={done}
        disabled={readOnly}
        onCheckedChange={() => actions.toggle(task)}
        aria-label={done ? t("tasks.reopen", { title: task.title }) : t("tasks.complete", { title: task.title })}
      />
      <TaskTypeIcon type={task.type} className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
      <div className="min-w-0 flex-1">
        <p className={cn("text-sm leading-5 font-medium break-words", done && "text-muted-foreground line-through")}>{task.title}</p>
        <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <Tooltip>
            <TooltipTrigger asChild>
              <time dateTime={task.dueAt.toISOString()} className={cn(task.overdue && "font-medium text-destructive")}>
                {formatDue(task.dueAt, locale)}
              </time>
            </TooltipTrigger>
            <TooltipContent>{formatFull(task.dueAt, locale)}</TooltipContent>
          </Tooltip>
          {task.overdue && <Badge variant="danger">{t("tasks.overdueBadge")}</Badge>}
          {showLinks && task.lead && (
            <Link
              href={`/leads/${task.lead.id}`}
              className="inline-flex items-center gap-1 underline-offset-2 hover:text-foreground hover:underline"
            >
              <UserIcon aria-hidden className="size-3" />
              <span className="sr-only">{t("tasks.linkedLead")}:</span> {task.lead.name}
            </Link>
          )}
          {showLinks && task.opportunity && (
            <span className="inline-flex items-center gap-1">
              <BriefcaseIcon aria-hidden className="size-3" />
              <span className="sr-only">{t("tasks.linkedOpportunity")}:</span> {task.opportunity.title}
            </span>
          )}
          {showAssignee && task.assignee && <span>{task.assignee.name}</span>}
        </div>
      </div>
      {!readOnly && !done && task.type === "call" && (task.lead || task.opportunity) && (
        // Call tasks dial their lead (or the opportunity's) straight from the list.
        <PlaceCallButton
          taskId={task.id}
          size="icon-sm"
          variant="ghost"
          label={t("callsBoard.callTask", { title: task.title })}
          panelLabel={task.lead?.name}
          testId="task-call"
        />
      )}
      {!readOnly && (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label={t("tasks.actionsFor", { title: task.title })}>
              <MoreHorizontalIcon aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {!done && (
              <>
                <DropdownMenuLabel className="flex items-center gap-2 text-xs text-muted-foreground">
                  <CalendarClockIcon aria-hidden className="size-3.5" /> {t("tasks.reschedule")}
                </DropdownMenuLabel>
                <DropdownMenuItem onSelect={() => actions.reschedule(task, "inHour")}>{t("tasks.rescheduleInHour")}</DropdownMenuItem>
                <DropdownMenuItem onSelect={() => actions.reschedule(task, "tomorrow")}>{t("tasks.rescheduleTomorrow")}</DropdownMenuItem>
                <DropdownMenuItem onSelect={() => actions.reschedule(task, "nextWeek")}>{t("tasks.rescheduleNextWeek")}</DropdownMenuItem>
                <DropdownMenuItem onSelect={() => actions.pickDate(task)}>{t("tasks.reschedulePick")}</DropdownMenuItem>
                <DropdownMenuSeparator />
              </>
            )}
            <DropdownMenuItem onSelect={() => actions.edit(task)}>
              <PencilIcon aria-hidden /> {t("common.edit")}
            </DropdownMenuItem>
            <DropdownMenuItem variant="destructive" onSelect={() => actions.remove(task)}>
              <Trash2Icon aria-hidden /> {t("common.delete")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      )}
    </li>
  );
}
