"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { HistoryIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
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
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { NOTE_DELETE_WINDOW_MS, type ActivityItem } from "@/lib/schemas/activity";
import { TimelineComposer } from "./timeline-composer";
import { TimelineEntry } from "./timeline-entry";
import { useTimelineMutations } from "./use-timeline-mutations";

const PAGE_SIZE = 20;

type Props = {
  leadId: string;
  me: { userId: string | null; name: string };
  /** Managers may delete any note; authors their own for 15 minutes. */
  canDeleteAnyNote: boolean;
  readOnly?: boolean;
};

/** Re-renders every minute so "há 3 min" stays true. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function Timeline({ leadId, me, canDeleteAnyNote, readOnly = false }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const now = useNow();
  const options = trpc.activities.list.infiniteQueryOptions(
    { leadId, limit: PAGE_SIZE },
    // Always refetched on mount: entries are added from other pages too (a drag on the board).
    { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
  );
  const timeline = useInfiniteQuery(options);
  const { submit, deleteNote } = useTimelineMutations(leadId, options.queryKey, me);
  const [deleting, setDeleting] = useState<ActivityItem | null>(null);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  const mayDelete = (item: ActivityItem) =>
    !readOnly &&
    item.kind === "note" &&
    (canDeleteAnyNote ||
      (item.actorUserId !== null && item.actorUserId === me.userId && now.getTime() - item.occurredAt.getTime() < NOTE_DELETE_WINDOW_MS));

  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-4">
      <h2 id="timeline-title" className="text-lg font-semibold">
        {t("leadPage.timeline.title")}
      </h2>
      {!readOnly && <TimelineComposer leadId={leadId} onSubmit={submit} />}
      {timeline.isError ? (
        <div role="alert" className="flex flex-col items-center gap-3 rounded-lg border p-8 text-center">
          <p>{t("leadPage.timeline.loadError")}</p>
          <Button variant="outline" onClick={() => void timeline.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : timeline.isPending ? (
        <TimelineSkeleton />
      ) : items.length === 0 ? (
        <div
          className="flex flex-col items-center gap-2 rounded-lg border border-dashed p-8 text-center text-sm text-muted-foreground"
          data-testid="timeline-empty"
        >
          <HistoryIcon aria-hidden className="size-6" />
          <p>{t("leadPage.timeline.empty")}</p>
        </div>
      ) : (
        <>
          <ol
            className="relative before:absolute before:top-2 before:bottom-2 before:left-4 before:w-px before:bg-border"
            data-testid="timeline"
          >
            {items.map((item) => (
              <TimelineEntry
                key={item.id}
                item={item}
                now={now}
                pending={item.id.startsWith("optimistic-")}
                onDelete={mayDelete(item) ? setDeleting : undefined}
              />
            ))}
          </ol>
          {timeline.hasNextPage && (
            <Button
              variant="outline"
              className="self-center"
              onClick={() => void timeline.fetchNextPage()}
              disabled={timeline.isFetchingNextPage}
            >
              {timeline.isFetchingNextPage ? t("common.loading") : t("leadPage.timeline.loadMore")}
            </Button>
          )}
        </>
      )}
      <AlertDialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("leadPage.timeline.deleteNoteConfirmTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("leadPage.timeline.deleteNoteConfirmBody")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => {
                if (deleting) deleteNote.mutate({ id: deleting.id });
                setDeleting(null);
              }}
            >
              {t("common.delete")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}

function TimelineSkeleton() {
  return (
    <div className="flex flex-col gap-5" aria-busy>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-12 w-full" />
          </div>
        </div>
      ))}
    </div>
  );
}
