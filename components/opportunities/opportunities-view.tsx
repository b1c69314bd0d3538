"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { HandshakeIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { PagerButtons } from "@/components/pagination/pager-buttons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBrl, parseBrl } from "@/lib/money";
import type { OpportunityListInput } from "@/lib/schemas/opportunity";
import { OpportunitiesTable } from "./opportunities-table";
import { NO_FILTERS, OpportunitiesToolbar, isFiltered, type OpportunityFilters } from "./opportunities-toolbar";
import { OpportunityDetailSheet } from "./opportunity-detail-sheet";
import { OpportunityFormDialog } from "./opportunity-form-dialog";

const PAGE_SIZE = 25;

type Props = { showMembers: boolean; canDelete: boolean; readOnly: boolean };

/** /opportunities: every opportunity the viewer may see, filtered, sorted and paged, with the filtered totals. */
export function OpportunitiesView({ showMembers, canDelete, readOnly }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<OpportunityFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const search = useDebounced(filters.search.trim(), 300);
  const minValueText = useDebounced(filters.minValue.trim(), 300);
  // A min value that is not an amount filters nothing and says so next to the field.
  const minValue = minValueText ? parseBrl(minValueText) : null;
  const page = cursors.length - 1;

  const input: OpportunityListInput = {
    cursor: cursors[page],
    limit: PAGE_SIZE,
    sort: filters.sort,
    search: search || undefined,
    status: filters.status as OpportunityListInput["status"],
    pipelineId: filters.pipelineId,
    stageId: filters.stageId,
    owner: filters.owner,
    closeFrom: filters.closeFrom || undefined,
    closeTo: filters.closeTo || undefined,
    minValue: minValue ?? undefined,
  };
  const list = useQuery(trpc.pipelines.opportunities.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const change = (next: OpportunityFilters) => {
    setFilters(next);
    setCursors([null]);
  };
  const data = list.data;
  const from = page * PAGE_SIZE + 1;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("pipelines.list.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("pipelines.list.subtitle")}</p>
        </div>
        {!readOnly && (
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden /> {t("pipelines.form.newTitle")}
          </Button>
        )}
      </div>

      <OpportunitiesToolbar
        filters={filters}
        onChange={change}
        showMembers={showMembers}
        minValueError={minValueText && minValue === null ? t("pipelines.errors.invalid_amount") : null}
      />

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{list.error.message}</p>
            <Button variant="outline" onClick={() => (page > 0 ? setCursors([null]) : void list.refetch())}>
              {t("common.retry")}
            </Button>
          </div>
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="opportunities-empty">
            <HandshakeIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{isFiltered(filters) ? t("pipelines.list.emptyFiltered") : t("pipelines.list.empty")}</p>
            {isFiltered(filters) ? (
              <Button variant="outline" onClick={() => change({ ...NO_FILTERS, sort: filters.sort })}>
                {t("pipelines.board.clearFilters")}
              </Button>
            ) : (
              !readOnly && (
                <Button onClick={() => setCreating(true)}>
                  <PlusIcon aria-hidden /> {t("pipelines.form.newTitle")}
                </Button>
              )
            )}
          </div>
        ) : (
          <OpportunitiesTable items={data?.items} pageSize={PAGE_SIZE} onOpen={(o) => setViewing(o.id)} />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex flex-wrap items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground" data-testid="opportunities-totals">
              {t("common.pageOf", { from, to: from + data.items.length - 1, total: data.totals.count })} ·{" "}
              <span className="font-medium text-foreground">
                {t("pipelines.list.totalValue", { total: formatBrl(data.totals.value, locale) })}
              </span>
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

      <OpportunityFormDialog open={creating} onOpenChange={setCreating} onSaved={({ id }) => setViewing(id)} />
      <OpportunityDetailSheet id={viewing} onClose={() => setViewing(null)} readOnly={readOnly} canDelete={canDelete} />
    </div>
  );
}
