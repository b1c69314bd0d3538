"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PhoneOffIcon } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { LoadError } from "@/components/settings/load-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc-provider";
import { HistoryCharts } from "./history-charts";
import { HistoryFilters } from "./history-filters";
import { exportHref, initialFilter, toRouterFilter, type HistoryFilterState } from "./history-range";
import { HistoryStats } from "./history-stats";
import { HistoryTable } from "./history-table";

type Props = { canSeeTeam: boolean; readOnly: boolean; leadId: string | null };

/** /calls/history: filters, statistics and charts, and the calls themselves with "load more". */
export function HistoryView({ canSeeTeam, readOnly, leadId }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [state, setState] = useState<HistoryFilterState>(() => initialFilter(leadId));
  // Typing a number should not fire a query per keystroke.
  const deferred = useDeferredValue(state);
  // Presets are computed once per change, so "today" does not move under a paging list.
  const filter = useMemo(() => toRouterFilter(deferred), [deferred]);
  const enabled = filter !== null;

  const stats = useQuery({ ...trpc.calls.history.stats.queryOptions(filter ?? {}), enabled, placeholderData: keepPreviousData });
  // The member choices: whoever had calls in the period, whatever the other filters.
  const team = useQuery({
    ...trpc.calls.history.stats.queryOptions(filter ? { from: filter.from, to: filter.to, leadId: filter.leadId } : {}),
    enabled: enabled && canSeeTeam,
  });
  // Not trpc…infiniteQueryOptions: tRPC adds a `direction` ("forward") to infinite queries' input,
  // which collides with the history filter's own `direction`. Same key prefix, so path invalidation works.
  const listInput = { ...(filter ?? {}), limit: 25 };
  const list = useInfiniteQuery({
    queryKey: [...trpc.calls.history.list.queryKey(listInput), "pages"],
    queryFn: ({ pageParam, signal }) => client.calls.history.list.query({ ...listInput, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
  const calls = list.data?.pages.flatMap((p) => p.items) ?? [];
  const members = canSeeTeam
    ? (team.data?.byUser ?? []).flatMap((u) => (u.userId ? [{ userId: u.userId, name: u.userName ?? "—" }] : []))
    : null;
  const filtered = Boolean(state.direction || state.disposition || state.userId || state.number);

  return (
    <div className="flex flex-col gap-4">
      <HistoryFilters
        value={state}
        onChange={setState}
        members={members}
        invalidRange={filter === null && deferred === state}
        exportHref={filter ? exportHref(filter) : null}
      />
      {!enabled ? null : stats.isError ? (
        <LoadError onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <HistoryStats stats={enabled ? stats.data : undefined} />
          <HistoryCharts stats={enabled ? stats.data : undefined} />
        </>
      )}
      {enabled && (
        <Card className="py-0">
          <CardContent className="px-0">
            {list.isError ? (
              <LoadError onRetry={() => void list.refetch()} />
            ) : !list.data ? (
              <div className="flex flex-col gap-2 p-4" aria-busy>
                {Array.from({ length: 6 }, (_, i) => (
                  <Skeleton key={i} className="h-10 w-full" />
                ))}
              </div>
            ) : calls.length === 0 ? (
              <div className="flex flex-col items-center gap-2 px-6 py-14 text-center" data-testid="history-empty">
                <PhoneOffIcon aria-hidden className="size-8 text-muted-foreground" />
                <p className="font-medium">{filtered ? t("callHistory.table.emptyFiltered") : t("callHistory.table.empty")}</p>
                <p className="text-sm text-muted-foreground">{t("callHistory.table.emptyHint")}</p>
              </div>
            ) : (
              <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
                <HistoryTable calls={calls} readOnly={readOnly} />
              </div>
            )}
          </CardContent>
        </Card>
      )}
      {enabled && list.hasNextPage && (
        <Button variant="outline" className="self-center" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage && <Spinner aria-hidden />} {t("callHistory.table.loadMore")}
        </Button>
      )}
    </div>
  );
}
