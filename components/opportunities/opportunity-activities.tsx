"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBrl } from "@/lib/money";
import type { ActivityItem } from "@/lib/schemas/activity";

/** One line saying what happened, from the activity's kind and facts (lead-page timelines show more). */
function useSummary() {
  const { t, locale } = useI18n();
  return (item: ActivityItem): string => {
    const data = item.data ?? {};
    const str = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : "");
    switch (item.kind) {
      case "stage_change":
        return t("pipelines.activity.stage_change", { from: str("fromStage"), to: str("toStage") });
      case "opportunity_created":
      case "opportunity_reopened":
        return t(`pipelines.activity.${item.kind}`, { value: str("value") ? formatBrl(str("value"), locale) : "" });
      case "opportunity_won":
      case "opportunity_lost":
        return str("reason") ? `${t(`pipelines.activity.${item.kind}`)} — ${str("reason")}` : t(`pipelines.activity.${item.kind}`);
      case "task_created":
      case "task_completed":
        return `${t(`pipelines.activity.${item.kind}`)}: ${str("title")}`;
      default:
        return item.body ?? t(`pipelines.activity.other`);
    }
  };
}

/** The opportunity's own timeline, newest first, paged with "load more". */
export function OpportunityActivities({ opportunityId }: { opportunityId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const summary = useSummary();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  const list = useInfiniteQuery(
    trpc.activities.list.infiniteQueryOptions({ opportunityId, limit: 10 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="grid gap-2" aria-labelledby="opportunity-activities">
      <h3 id="opportunity-activities" className="text-sm font-semibold">
        {t("pipelines.detail.activities")}
      </h3>
      {list.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : list.isError ? (
        <p className="text-sm text-muted-foreground">{list.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("pipelines.detail.noActivities")}</p>
      ) : (
        <ol className="grid gap-2 border-l pl-4">
          {items.map((item) => (
            <li key={item.id} className="text-sm" data-kind={item.kind}>
              <p>
                {item.kind === "note" || item.kind === "call" || item.kind === "email" || item.kind === "meeting"
                  ? `${t(`pipelines.activity.${item.kind}`)}: ${item.body ?? ""}`
                  : summary(item)}
              </p>
              <p className="text-xs text-muted-foreground">{[item.actorName, when.format(item.occurredAt)].filter(Boolean).join(" · ")}</p>
            </li>
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <Button
          variant="outline"
          size="sm"
          className="justify-self-start"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t("pipelines.detail.loadMore")}
        </Button>
      )}
    </section>
  );
}
