"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2Icon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { TenantListInput } from "@/lib/schemas/tenant";
import { TenantCreateDialog } from "./tenant-create-dialog";
import { TenantsTable } from "./tenants-table";
import { TenantsToolbar, type TenantFilters } from "./tenants-toolbar";
import { useTenantDialogs } from "./use-tenant-dialogs";

const PAGE_SIZE = 25;

export function TenantsView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<TenantFilters>({ search: "" });
  // Keyset pagination: the cursor of every page visited, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const search = useDebounced(filters.search.trim(), 300);
  const page = cursors.length - 1;
  const dialogs = useTenantDialogs();

  const input: TenantListInput = { cursor: cursors[page], limit: PAGE_SIZE, search: search || undefined, status: filters.status };
  const list = useQuery(trpc.admin.tenants.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const changeFilters = (next: TenantFilters) => {
    setFilters(next);
    setCursors([null]);
  };
  const data = list.data;
  const from = page * PAGE_SIZE + 1;
  const filtered = Boolean(search || filters.status);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("console.tenants.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("console.tenants.subtitle")}</p>
        </div>
        <Button onClick={() => setCreating(true)}>
          <PlusIcon aria-hidden /> {t("console.tenants.new")}
        </Button>
      </div>

      <TenantsToolbar filters={filters} onChange={changeFilters} />

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("console.tenants.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="tenants-empty">
            <Building2Icon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{filtered ? t("console.tenants.emptyFiltered") : t("console.tenants.empty")}</p>
            {filtered ? (
              <Button variant="outline" onClick={() => changeFilters({ search: "" })}>
                {t("console.tenants.clearFilters")}
              </Button>
            ) : (
              <Button onClick={() => setCreating(true)}>
                <PlusIcon aria-hidden /> {t("console.tenants.new")}
              </Button>
            )}
          </div>
        ) : (
          <TenantsTable
            tenants={data?.items}
            pageSize={PAGE_SIZE}
            onAction={(tenant, action) => dialogs.ask({ action, tenant })}
            onEdit={(tenant) => dialogs.edit(tenant.id)}
            onNewInvitation={(tenant) => dialogs.invite({ id: tenant.id, name: tenant.name })}
          />
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground" data-testid="tenants-range">
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

      <TenantCreateDialog open={creating} onOpenChange={setCreating} onCreated={dialogs.showLink} />
      {dialogs.dialogs}
    </div>
  );
}
