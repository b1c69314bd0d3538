"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalculatorIcon, PlusIcon, SearchIcon, TableIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { PagerButtons } from "@/components/pagination/pager-buttons";
import { EmptyState, LoadError } from "@/components/console/inventory/list-states";
import { useDebounced } from "@/components/leads/use-debounced";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import type { DeckSummary } from "@/lib/schemas/billing-tariffs";
import { DeckCreateDialog } from "./deck-create-dialog";
import { DeckDeleteDialog } from "./deck-delete-dialog";
import { DeckRenameDialog } from "./deck-rename-dialog";
import { DecksTable } from "./decks-table";

const PAGE_SIZE = 50;
type Kind = "buy" | "sell" | undefined;

/** /tariffs: every rate deck, by kind, with the simulator one click away. */
export function TariffsView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>(undefined);
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<DeckSummary | null>(null);
  const [deleting, setDeleting] = useState<DeckSummary | null>(null);
  const query = useDebounced(search.trim(), 300);
  const page = cursors.length - 1;
  const list = useQuery(
    trpc.admin.tariffs.decks.list.queryOptions(
      { kind, search: query || undefined, cursor: cursors[page], limit: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const number = new Intl.NumberFormat(locale);
  const data = list.data;
  const filtered = Boolean(kind || query);
  const from = page * PAGE_SIZE + 1;
  const changeKind = (next: Kind) => {
    setKind(next);
    setCursors([null]);
  };
  const kindButton = (value: Kind, label: string, count: number | undefined) => (
    <Button
      key={value ?? "all"}
      type="button"
      size="sm"
      variant={kind === value ? "secondary" : "ghost"}
      aria-pressed={kind === value}
      className={cn("gap-1.5", kind === value && "shadow-xs")}
      onClick={() => changeKind(value)}
    >
      {label}
      {count !== undefined && <span className="text-muted-foreground tabular-nums">{number.format(count)}</span>}
    </Button>
  );

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("tariffs.title")}</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">{t("tariffs.subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href="/tariffs/simulator">
              <CalculatorIcon aria-hidden /> {t("tariffs.list.simulator")}
            </Link>
          </Button>
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden /> {t("tariffs.list.new")}
          </Button>
        </div>
      </div>

      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div role="group" aria-label={t("tariffs.list.kind")} className="flex flex-wrap gap-1" data-testid="deck-kind-filter">
          {kindButton(undefined, t("tariffs.list.all"), data ? data.counts.buy + data.counts.sell : undefined)}
          {kindButton("buy", t("tariffs.kind.buy"), data?.counts.buy)}
          {kindButton("sell", t("tariffs.kind.sell"), data?.counts.sell)}
        </div>
        <div className="relative sm:w-80">
          <SearchIcon className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setCursors([null]);
            }}
            placeholder={t("tariffs.list.search")}
            aria-label={t("tariffs.list.search")}
            maxLength={80}
            className="pl-8"
          />
        </div>
      </div>

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            icon={TableIcon}
            testId="decks-empty"
            text={filtered ? t("tariffs.list.emptyFiltered") : t("tariffs.list.empty")}
            action={
              filtered ? (
                <Button
                  variant="outline"
                  onClick={() => {
                    setSearch("");
                    changeKind(undefined);
                  }}
                >
                  <XIcon aria-hidden /> {t("tariffs.list.clearFilters")}
                </Button>
              ) : (
                <Button onClick={() => setCreating(true)}>
                  <PlusIcon aria-hidden /> {t("tariffs.list.new")}
                </Button>
              )
            }
          />
        ) : (
          <DecksTable decks={data?.items} pageSize={PAGE_SIZE} onRename={setRenaming} onDelete={setDeleting} />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground">
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

      <DeckCreateDialog open={creating} onOpenChange={setCreating} />
      <DeckRenameDialog deck={renaming} onClose={() => setRenaming(null)} />
      <DeckDeleteDialog deck={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
