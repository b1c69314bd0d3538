"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlusIcon, UsersIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { MergeLeadsDialog } from "@/components/leads/merge/merge-leads-dialog";
import type { LeadOutput } from "@/lib/schemas/lead";
import { BulkActionsBar } from "./bulk-actions-bar";
import { DeleteLeadDialog } from "./delete-lead-dialog";
import { LeadFormDialog } from "./lead-form-dialog";
import { activeFilterCount, listFilterFromView } from "./lead-view-url";
import { LeadsTable } from "./leads-table";
import { LeadsToolbar } from "./leads-toolbar";
import { useOptimisticLeadMutations } from "./use-lead-mutations";
import { useLeadListState } from "./use-lead-list-state";
import { useLeadSelection } from "./use-lead-selection";

const PAGE_SIZE = 25;

type Props = {
  myMembershipId: string | null;
  /** Managers and above: delete, assign to anyone, filter by any owner. */
  canManage: boolean;
  /** A support session: nothing that changes a lead is shown (the server refuses it anyway). */
  readOnly?: boolean;
};

export function LeadsView({ myMembershipId, canManage, readOnly = false }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useLeadListState();
  const filter = listFilterFromView(state.filters);
  const scopeKey = JSON.stringify([state.filters, state.sort]);
  // Keyset pagination: the cursor of every page visited, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [scopeKey]);
  const page = cursors.length - 1;
  const [editing, setEditing] = useState<LeadOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<LeadOutput | null>(null);
  const [merging, setMerging] = useState<{ keepId: string; mergeId: string } | null>(null);

  const list = useQuery(
    trpc.leads.list.queryOptions(
      { ...filter, sort: state.sort, cursor: cursors[page], limit: PAGE_SIZE, withTotal: false },
      { placeholderData: keepPreviousData },
    ),
  );
  // Counted apart from the page, and only once the page is in: asked together, the batch link
  // would hold the rows back until the (costlier) count is done. Cached per filter, so paging
  // does not count again.
  const counted = useQuery(
    trpc.leads.count.queryOptions(filter, { enabled: !list.isFetching && !list.isError, placeholderData: keepPreviousData }),
  );
  const count = counted.isPlaceholderData ? undefined : counted.data;
  const members = useQuery(trpc.members.list.queryOptions()).data ?? [];
  const { setStatus, remove } = useOptimisticLeadMutations();
  const data = list.data;
  const selection = useLeadSelection(data?.items, list.isPlaceholderData, filter, scopeKey);

  const number = new Intl.NumberFormat(locale);
  const from = page * PAGE_SIZE + 1;
  const filtered = activeFilterCount(state.filters) > 0 || Boolean(state.filters.search);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("leads.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("leads.subtitle")}</p>
        </div>
        {!readOnly && (
          <Button onClick={() => setEditing("new")}>
            <PlusIcon aria-hidden /> {t("leads.new")}
          </Button>
        )}
      </div>

      <LeadsToolbar state={state} members={canManage ? members : []} readOnly={readOnly} />

      {!readOnly && data && (
        <BulkActionsBar
          selection={selection}
          total={count?.total ?? data.items.length}
          totalCapped={count?.capped ?? false}
          pageCount={data.items.length}
          members={members}
          myMembershipId={myMembershipId}
          canAssignOthers={canManage}
          canDelete={canManage}
          onMerge={(keepId, mergeId) => setMerging({ keepId, mergeId })}
        />
      )}

      <Card className="gap-0 overflow-x-auto py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{list.error.data?.code === "BAD_REQUEST" ? list.error.message : t("leads.loadError")}</p>
            <Button variant="outline" onClick={() => (setCursors([null]), void list.refetch())}>
              {t("common.retry")}
            </Button>
          </div>
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="leads-empty">
            <UsersIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{filtered ? t("leads.emptyFiltered") : t("leads.empty")}</p>
            {filtered ? (
              <Button variant="outline" onClick={state.clearFilters}>
                {t("leads.clearFilters")}
              </Button>
            ) : (
              !readOnly && (
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon aria-hidden /> {t("leads.new")}
                </Button>
              )
            )}
          </div>
        ) : (
          <LeadsTable
            leads={data?.items}
            pageSize={PAGE_SIZE}
            columns={state.columns}
            canDelete={canManage}
            readOnly={readOnly}
            selection={readOnly ? null : selection.table}
            onEdit={setEditing}
            onDelete={setDeleting}
            onStatus={(lead, status) => setStatus.mutate({ id: lead.id, data: { status } })}
          />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            {count ? (
              <p className="text-sm text-muted-foreground" data-testid="leads-range">
                {t(count.capped ? "leads.pageOfCapped" : "common.pageOf", {
                  from: number.format(from),
                  to: number.format(from + data.items.length - 1),
                  total: number.format(count.total),
                })}
              </p>
            ) : (
              <p className="text-sm text-muted-foreground" aria-busy>
                {t("leads.pageRange", { from: number.format(from), to: number.format(from + data.items.length - 1) })}
                <Skeleton className="ml-2 inline-block h-3 w-16 align-middle" />
              </p>
            )}
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

      <LeadFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        lead={editing === "new" ? null : editing}
        myMembershipId={myMembershipId}
        canAssignOthers={canManage}
      />
      <DeleteLeadDialog
        lead={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(lead) => {
          setDeleting(null);
          remove.mutate({ id: lead.id });
        }}
      />
      {merging && (
        <MergeLeadsDialog
          open
          onOpenChange={(open: boolean) => !open && setMerging(null)}
          keepId={merging.keepId}
          mergeId={merging.mergeId}
          onMerged={() => {
            setMerging(null);
            selection.clear();
            toast.success(t("leads.bulk.merged"));
            void queryClient.invalidateQueries({ queryKey: trpc.leads.pathKey() });
          }}
        />
      )}
    </div>
  );
}
