"use client";

import { Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatFull } from "@/components/tasks/format-due";
import { formatRelative } from "@/components/leads/relative-time";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import type { ActivityItem } from "@/lib/schemas/activity";
import { ActivityDetails } from "./activity-details";
import { ActivityIcon } from "./activity-icon";

const BODY_KINDS = new Set(["note", "call", "email", "meeting", "document"]);

type Props = {
  item: ActivityItem;
  now: Date;
  /** Not yet confirmed by the server (optimistic). */
  pending?: boolean;
  /** Shows the opportunity an entry belongs to (on a lead's timeline). */
  showOpportunity?: boolean;
  onDelete?: (item: ActivityItem) => void;
};

export function TimelineEntry({ item, now, pending = false, showOpportunity = true, onDelete }: Props) {
  const { t, locale } = useI18n();
  const actor = item.actorName ?? (item.actorUserId ? t("leadPage.timeline.someone") : t("leadPage.timeline.system"));
  return (
    <li
      data-testid="timeline-entry"
      data-kind={item.kind}
      aria-busy={pending || undefined}
      className={cn("relative flex gap-3 pb-5 last:pb-0", pending && "opacity-60")}
    >
      <ActivityIcon kind={item.kind} />
      <div className="min-w-0 flex-1 pt-1">
        <div className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
          <span className="font-medium">{actor}</span>
          <span className="text-muted-foreground">{t(`leadPage.timeline.kind.${item.kind}`)}</span>
          {showOpportunity && item.opportunity && (
            <span className="text-muted-foreground">
              {t("leadPage.timeline.on")} <span className="font-medium text-foreground">{item.opportunity.title}</span>
            </span>
          )}
          <span aria-hidden className="text-muted-foreground">
            ·
          </span>
          <Tooltip>
            <TooltipTrigger asChild>
              <time
                dateTime={item.occurredAt.toISOString()}
                tabIndex={0}
                className="text-xs text-muted-foreground outline-none focus-visible:underline"
              >
                {formatRelative(item.occurredAt, now, locale)}
              </time>
            </TooltipTrigger>
            <TooltipContent>{formatFull(item.occurredAt, locale)}</TooltipContent>
          </Tooltip>
          {onDelete && !pending && (
            <Button
              variant="ghost"
              size="icon-sm"
              className="ml-auto size-7 text-muted-foreground"
              aria-label={t("leadPage.timeline.deleteNote")}
              onClick={() => onDelete(item)}
            >
              <Trash2Icon aria-hidden className="size-3.5" />
            </Button>
          )}
        </div>
        <div className="mt-1 flex flex-col gap-1">
          <ActivityDetails item={item} />
          {item.body && BODY_KINDS.has(item.kind) && (
            <p className="rounded-md bg-muted/50 px-3 py-2 text-sm break-words whitespace-pre-wrap">{item.body}</p>
          )}
        </div>
      </div>
    </li>
  );
}
