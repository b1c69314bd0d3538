"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { PhoneIcon, UploadIcon } from "lucide-react";
import { useState } from "react";
import { useDebounced } from "@/components/leads/use-debounced";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatPhone } from "@/lib/phone";
import type { DidListInput, DidOutput } from "@/lib/schemas/inventory";
import { ConfirmDialog } from "./confirm-dialog";
import { DidAllocateDialog } from "./did-allocate-dialog";
import { DidEditDialog } from "./did-edit-dialog";
import { DidImportDialog } from "./did-import-dialog";
import { DidsTable, type DidAction } from "./dids-table";
import { DidsToolbar, hasDidFilters, type DidFilters } from "./dids-toolbar";
import { EmptyState, LoadError } from "./list-states";
import { TabHeader } from "./tab-header";
import { useDidMutations } from "./use-did-mutations";

const PAGE_SIZE = 50;

export function DidsTab() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<DidFilters>({ search: "" });
  // Keyset pagination: the cursor of every page visited, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [importing, setImporting] = useState(false);
  const [acting, setActing] = useState<{ did: DidOutput; action: DidAction } | null>(null);
  const search = useDebounced(filters.search.trim(), 300);
  const page = cursors.length - 1;

  const input: DidListInput = {
    cursor: cursors[page],
    limit: PAGE_SIZE,
    search: search || undefined,
    status: filters.status,
    providerId: filters.providerId,
    tenantId: filters.tenant?.id,
  };
  const list = useQuery(trpc.admin.inventory.dids.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const providers = useQuery(trpc.admin.inventory.providers.list.queryOptions()).data ?? [];
  const gateways = useQuery(trpc.admin.inventory.gateways.list.queryOptions({})).data ?? [];
  const tenants = useQuery(trpc.admin.inventory.dids.tenantOptions.queryOptions({})).data ?? [];
  const { release, returnToPool, remove, refresh, applyServerDid } = useDidMutations();

  const changeFilters = (next: DidFilters) => {
    setFilters(next);
    setCursors([null]);
  };
  const act = (did: DidOutput, action: DidAction) => {
    if (action === "returnToPool") returnToPool.mutate({ id: did.id });
    else setActing({ did, action });
  };
  const dialog = (action: DidAction) => (acting?.action === action ? acting.did : null);
  const close = () => setActing(null);
  const data = list.data;
  const from = page * PAGE_SIZE + 1;
  const example = providers[0]
    ? { provider: providers[0].name, gateway: gateways.find((g) => g.provider.id === providers[0]!.id)?.name }
    : null;
  const releasing = dialog("release");
  const deleting = dialog("delete");

  return (
    <div className="flex flex-col gap-3">
      <TabHeader description={t("inventory.dids.description")}>
        <Button onClick={() => setImporting(true)}>
          <UploadIcon aria-hidden /> {t("inventory.dids.import")}
        </Button>
      </TabHeader>
      <DidsToolbar filters={filters} counts={data?.counts} providers={providers} tenants={tenants} onChange={changeFilters} />

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <EmptyState
            icon={PhoneIcon}
            testId="dids-empty"
            text={hasDidFilters(filters) ? t("inventory.dids.emptyFiltered") : t("inventory.dids.empty")}
            action={
              hasDidFilters(filters) ? (
                <Button variant="outline" onClick={() => changeFilters({ search: "" })}>
                  {t("inventory.dids.clearFilters")}
                </Button>
              ) : (
                <Button onClick={() => setImporting(true)}>
                  <UploadIcon aria-hidden /> {t("inventory.dids.import")}
                </Button>
              )
            }
          />
        ) : (
          <DidsTable dids={data?.items} pageSize={PAGE_SIZE} onAction={act} onTenant={(tenant) => changeFilters({ ...filters, tenant })} />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground" data-testid="dids-range">
              {t("common.pageOf", {
                from: from.toLocaleString(locale),
                to: (from + data.items.length - 1).toLocaleString(locale),
                total: data.total.toLocaleString(locale),
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

      <DidImportDialog open={importing} onOpenChange={setImporting} example={example} onImported={refresh} />
      <DidAllocateDialog did={dialog("allocate")} onClose={close} onAllocated={applyServerDid} />
      <DidEditDialog did={dialog("edit")} onClose={close} onSaved={applyServerDid} />
      <ConfirmDialog
        open={releasing !== null}
        title={t("inventory.dids.releaseConfirmTitle", { number: releasing ? formatPhone(releasing.number) : "" })}
        body={t("inventory.dids.releaseConfirmBody", { tenant: releasing?.tenant?.name ?? "" })}
        confirmLabel={t("inventory.dids.release")}
        destructive
        onCancel={close}
        onConfirm={() => {
          if (releasing) release.mutate({ id: releasing.id });
          close();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("inventory.dids.deleteConfirmTitle", { number: deleting ? formatPhone(deleting.number) : "" })}
        body={t("inventory.dids.deleteConfirmBody")}
        confirmLabel={t("common.delete")}
        destructive
        onCancel={close}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          close();
        }}
      />
    </div>
  );
}
