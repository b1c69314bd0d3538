"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { PlayIcon, RefreshCwIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { LoadError } from "@/components/console/inventory/list-states";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { RerateDialog } from "./rerate-dialog";
import { RunWatcher } from "./run-watcher";
import { RunsTable } from "./runs-table";
import { UnratableCard } from "./unratable-card";

/** How often the runs list refreshes: fast while a run is queued or running, slowly otherwise (the scheduler's runs). */
const ACTIVE_POLL_MS = 1_000;
const IDLE_POLL_MS = 15_000;

/** /rating in the console: rating runs with their progress, "rate now", re-rating a period, and the unratable calls. */
export function RatingView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rerateOpen, setRerateOpen] = useState(false);
  const [watching, setWatching] = useState<string[]>([]);
  const runs = useInfiniteQuery({
    ...trpc.admin.rating.runs.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((run) => run.status === "queued" || run.status === "running"))
        ? ACTIVE_POLL_MS
        : IDLE_POLL_MS,
  });
  // A run that finished (the scheduler's too) may have changed the unratable calls: reload them.
  const latestFinished = runs.data?.pages[0]?.items.find((run) => run.status === "done" || run.status === "failed")?.id;
  const seenFinished = useRef(latestFinished);
  useEffect(() => {
    if (latestFinished === seenFinished.current) return;
    const first = seenFinished.current === undefined;
    seenFinished.current = latestFinished;
    if (!first) {
      void queryClient.invalidateQueries({ queryKey: trpc.admin.rating.unratable.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.admin.rating.unratableSummary.pathKey() });
    }
  }, [latestFinished, queryClient, trpc]);
  const watch = (runId: string) => {
    setWatching((ids) => [...ids, runId]);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.rating.runs.pathKey() });
  };
  const onFinished = useCallback(
    (runId: string) => {
      setWatching((ids) => ids.filter((id) => id !== runId));
      void queryClient.invalidateQueries({ queryKey: trpc.admin.rating.pathKey() });
    },
    [queryClient, trpc],
  );
  const rateNow = useMutation(
    trpc.admin.rating.rateNow.mutationOptions({
      onSuccess: ({ runId }) => {
        toast.success(t("rating.toast.rateQueued"));
        watch(runId);
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl">
          <h2 className="text-xl font-semibold tracking-tight">{t("rating.title")}</h2>
          <p className="text-sm text-muted-foreground">{t("rating.subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="outline" onClick={() => rateNow.mutate({})} disabled={rateNow.isPending} data-testid="rate-now">
                {rateNow.isPending ? <Spinner aria-label={t("common.loading")} /> : <PlayIcon aria-hidden />}
                {t("rating.rateNow")}
              </Button>
            </TooltipTrigger>
            <TooltipContent className="max-w-xs">{t("rating.rateNowHint")}</TooltipContent>
          </Tooltip>
          <Button onClick={() => setRerateOpen(true)} data-testid="rerate-open">
            <RefreshCwIcon aria-hidden /> {t("rating.rerate")}
          </Button>
        </div>
      </div>

      <Card className="gap-0 pb-0" aria-busy={runs.isFetching}>
        <CardHeader className="border-b pb-4">
          <CardTitle>{t("rating.runs.title")}</CardTitle>
          <CardDescription>{t("rating.runs.description")}</CardDescription>
        </CardHeader>
        {runs.isError ? (
          <LoadError onRetry={() => void runs.refetch()} />
        ) : (
          <RunsTable
            runs={runs.data?.pages.flatMap((page) => page.items)}
            hasMore={runs.hasNextPage}
            loadingMore={runs.isFetchingNextPage}
            onLoadMore={() => void runs.fetchNextPage()}
          />
        )}
      </Card>

      <UnratableCard />

      <RerateDialog open={rerateOpen} onOpenChange={setRerateOpen} onQueued={watch} />
      {watching.map((runId) => (
        <RunWatcher key={runId} runId={runId} onFinished={onFinished} />
      ))}
    </div>
  );
}
