"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DownloadIcon, HistoryIcon, ListIcon, PlusIcon, SearchIcon, UndoIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/console/inventory/confirm-dialog";
import { EmptyState, LoadError } from "@/components/console/inventory/list-states";
import { useDebounced } from "@/components/leads/use-debounced";
import { PagerButtons } from "@/components/pagination/pager-buttons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { DeckDetail, RateListInput, RatePage, RateView } from "@/lib/schemas/billing-tariffs";
import { RateFormDialog } from "./rate-form-dialog";
import { RatesTable } from "./rates-table";
import { useDeckRefresh } from "./use-deck-refresh";
import { VersionRestoreDialog } from "./version-restore-dialog";

const PAGE_SIZE = 50;

type Props = { deck: DeckDetail; versionId: string | null; onShowVersion: (versionId: string | null) => void };

/** A version's rates (the current one unless another is asked for); only the current one is editable. */
export function RatesTab({ deck, versionId, onShowVersion }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useDeckRefresh();
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<RateView | "new" | null>(null);
  const [deleting, setDeleting] = useState<RateView | null>(null);
  const [restoring, setRestoring] = useState(false);
  const query = useDebounced(search.trim(), 300);
  const page = cursors.length - 1;
  const input: RateListInput = { deckId: deck.id, versionId, search: query || undefined, cursor: cursors[page], limit: PAGE_SIZE };
  const list = useQuery(trpc.admin.tariffs.rates.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const data = list.data;
  const version = data?.version ?? null;
  const readOnly = version !== null && !version.current;
  const number = new Intl.NumberFormat(locale);
  const from = page * PAGE_SIZE + 1;

  const remove = useMutation(
    trpc.admin.tariffs.rates.delete.mutationOptions({
      // The row leaves the page at once; a refusal puts it back.
      onMutate: async ({ id }) => {
        const key = trpc.admin.tariffs.rates.list.queryKey(input);
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<RatePage>(key);
        if (previous)
          queryClient.setQueryData<RatePage>(key, {
            ...previous,
            items: previous.items.filter((r) => r.id !== id),
            total: previous.total - 1,
          });
        return { key, previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(context.key, context.previous);
        toast.error(error.message);
      },
      onSuccess: ({ version: made }) => toast.success(t("tariffs.rates.deleted", { number: made.number })),
      onSettled: () => void refresh(),
    }),
  );

  const changeSearch = (value: string) => {
    setSearch(value);
    setCursors([null]);
  };

  return (
    <div className="flex flex-col gap-3">
      {readOnly && version && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
        >
          <span className="flex items-center gap-2 font-medium">
            <HistoryIcon className="size-4" aria-hidden /> {t("tariffs.rates.viewing", { number: version.number })}
          </span>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" asChild>
              <a href={`/api/admin/tariffs/${deck.id}/export?version=${version.id}`} download>
                <DownloadIcon aria-hidden /> {t("tariffs.versions.export")}
              </a>
            </Button>
            <Button size="sm" variant="outline" onClick={() => setRestoring(true)}>
              <UndoIcon aria-hidden /> {t("tariffs.rates.restoreThis")}
            </Button>
            <Button size="sm" onClick={() => onShowVersion(null)}>
              {t("tariffs.rates.backToCurrent")}
            </Button>
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="relative w-full sm:w-80">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={search}
            onChange={(e) => changeSearch(e.target.value)}
            placeholder={t("tariffs.rates.search")}
            aria-label={t("tariffs.rates.search")}
            maxLength={80}
            className="pl-8"
          />
        </div>
        {!readOnly && (
          <Button onClick={() => setEditing("new")} disabled={!version}>
            <PlusIcon aria-hidden /> {t("tariffs.rates.add")}
          </Button>
        )}
      </div>

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            icon={ListIcon}
            testId="rates-empty"
            text={query ? t("tariffs.rates.emptySearch", { search: query }) : t("tariffs.rates.empty")}
            action={
              !query && !readOnly && version ? (
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon aria-hidden /> {t("tariffs.rates.add")}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <RatesTable
            rates={data?.items}
            pageSize={PAGE_SIZE}
            onEdit={readOnly ? null : setEditing}
            onDelete={readOnly ? null : setDeleting}
          />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground" data-testid="rates-range">
              {t("common.pageOf", {
                from: number.format(from),
                to: number.format(from + data.items.length - 1),
                total: number.format(data.total),
              })}
            </p>
            <PagerButtons
              page={page}
              nextCursor={data.nextCursor}
              busy={list.isFetching}
              stale={list.isPlaceholderData}
              setCursors={setCursors}
            />
          </nav>
        )}
      </Card>

      <RateFormDialog deckId={deck.id} rate={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t("tariffs.rates.deleteTitle", { prefix: deleting?.prefix ?? "" })}
        body={t("tariffs.rates.deleteBody", { description: deleting?.description ?? "" })}
        confirmLabel={t("common.delete")}
        destructive
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
      <VersionRestoreDialog
        version={restoring ? version : null}
        onClose={() => setRestoring(false)}
        onRestored={() => onShowVersion(null)}
      />
    </div>
  );
}
