"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { PlusIcon, UsersIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadListInput, LeadOutput } from "@/lib/schemas/lead";
import { DeleteLeadDialog } from "./delete-lead-dialog";
import { LeadFormDialog } from "./lead-form-dialog";
import { LeadsTable } from "./leads-table";
import { LeadsToolbar, type LeadFilters } from "./leads-toolbar";
import { useDebounced } from "./use-debounced";
import { useOptimisticLeadMutations } from "./use-lead-mutations";

const PAGE_SIZE = 25;

/** `readOnly` (a support session) hides every control that would change a lead; the server refuses them anyway. */
export function LeadsView({
  myMembershipId,
  canDelete,
  readOnly = false,
}: {
  myMembershipId: string | null;
  canDelete: boolean;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<LeadFilters>({ search: "" });
  // Keyset pagination: the cursor of every page visited, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<LeadOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<LeadOutput | null>(null);
  const search = useDebounced(filters.search.trim(), 300);
  const page = cursors.length - 1;

  const input = {
    cursor: cursors[page],
    limit: PAGE_SIZE,
    search: search || undefined,
    status: filters.status,
    source: filters.source,
    owner: filters.owner,
  } as LeadListInput;
  const list = useQuery(trpc.leads.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const members = useQuery(trpc.members.list.queryOptions()).data ?? [];
  const { setStatus, remove } = useOptimisticLeadMutations();

  const changeFilters = (next: LeadFilters) => {
    setFilters(next);
    setCursors([null]);
  };
  const data = list.data;
  const from = page * PAGE_SIZE + 1;
  const filtered = Boolean(search || filters.status || filters.source || filters.owner);

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

      <LeadsToolbar filters={filters} members={members} onChange={changeFilters} />

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("leads.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="leads-empty">
            <UsersIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{filtered ? t("leads.emptyFiltered") : t("leads.empty")}</p>
            {filtered ? (
              <Button variant="outline" onClick={() => changeFilters({ search: "" })}>
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
            canDelete={canDelete}
            readOnly={readOnly}
            onEdit={setEditing}
            onDelete={setDeleting}
            onStatus={(lead, status) => setStatus.mutate({ id: lead.id, data: { status } })}
          />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground" data-testid="leads-range">
              {t("common.pageOf", { from, to: from + data.items.length - 1, total: data.total })}
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

      <LeadFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        lead={editing === "new" ? null : editing}
        myMembershipId={myMembershipId}
      />
      <DeleteLeadDialog
        lead={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(lead) => {
          setDeleting(null);
          remove.mutate({ id: lead.id });
        }}
      />
    </div>
  );
}
