"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileTextIcon, PlayIcon, XIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { PagerButtons } from "@/components/pagination/pager-buttons";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { INVOICE_STATUSES, type InvoiceStatus } from "@/lib/schemas/billing";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";
import { isBillingMonth, lastClosedMonth } from "./billing-months";
import { InvoiceRunDialog } from "./invoice-run-dialog";
import { InvoiceRunProgress } from "./invoice-run-progress";
import { InvoicesTable } from "./invoices-table";
import { MonthPicker } from "./month-picker";
import { TenantFilter } from "./tenant-filter";

const PAGE_SIZE = 25;
const ALL = "__all";

/**
 * The console's invoices of a month (last month by default), filtered by status and company, with
 * the month's run. Filters live in the URL, so the invoice page's "back" returns to the same list.
 */
export function InvoicesView() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const monthParam = params.get("month");
  const month = isBillingMonth(monthParam) ? monthParam : lastClosedMonth();
  const statusParam = params.get("status");
  const status = (INVOICE_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as InvoiceStatus) : undefined;
  const tenantId = params.get("tenant") ?? undefined;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [running, setRunning] = useState(false);
  const [startedRunId, setStartedRunId] = useState<string | null>(null);
  const page = cursors.length - 1;

  const setFilters = (next: { month?: string; status?: InvoiceStatus | null; tenant?: string | null }) => {
    const query = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(next)) {
      if (value) query.set(key, value);
      else query.delete(key);
    }
    setCursors([null]);
    router.replace(`${pathname}?${query.toString()}`, { scroll: false });
  };

  const list = useQuery(
    trpc.admin.invoices.list.queryOptions(
      { month, status, tenantId, cursor: cursors[page], limit: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const tenantOption = useQuery({
    ...trpc.admin.invoices.tenantOptions.queryOptions({ selectedId: tenantId }),
    enabled: tenantId !== undefined,
  });
  const filteredTenant = tenantId ? (tenantOption.data?.find((o) => o.id === tenantId) ?? null) : null;
  const data = list.data;
  const filtered = Boolean(status || tenantId);
  const from = page * PAGE_SIZE + 1;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("invoices.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("invoices.subtitle")}</p>
        </div>
        <Button onClick={() => setRunning(true)} data-testid="invoice-run-button">
          <PlayIcon aria-hidden /> {t("invoices.run.button")}
        </Button>
      </div>

      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <MonthPicker value={month} onChange={(next) => setFilters({ month: next })} />
        <Select value={status ?? ALL} onValueChange={(v) => setFilters({ status: v === ALL ? null : (v as InvoiceStatus) })}>
          <SelectTrigger className="w-full sm:w-52" aria-label={t("invoices.list.status")} data-testid="invoice-status-filter">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("invoices.list.statusAll")}</SelectItem>
            {INVOICE_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {t(`invoices.status.${s}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <TenantFilter value={tenantId} onChange={(next) => setFilters({ tenant: next ?? null })} />
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => setFilters({ status: null, tenant: null })}>
            <XIcon aria-hidden /> {t("invoices.list.clearFilters")}
          </Button>
        )}
      </div>

      <InvoiceRunProgress month={month} startedRunId={startedRunId} />

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("invoices.list.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="invoices-empty">
            <FileTextIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">
              {filtered ? t("invoices.list.emptyFiltered") : t("invoices.list.empty", { month: formatBillingMonth(month, locale) })}
            </p>
            {filtered ? (
              <Button variant="outline" onClick={() => setFilters({ status: null, tenant: null })}>
                {t("invoices.list.clearFilters")}
              </Button>
            ) : (
              <>
                <p className="text-sm text-muted-foreground">{t("invoices.list.emptyHint")}</p>
                <Button onClick={() => setRunning(true)}>
                  <PlayIcon aria-hidden /> {t("invoices.run.button")}
                </Button>
              </>
            )}
          </div>
        ) : (
          <InvoicesTable invoices={data?.items} pageSize={PAGE_SIZE} />
        )}
        {data && data.items.length > 0 && (page > 0 || data.nextCursor) && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground tabular-nums">
              {from}–{from + data.items.length - 1}
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

      <InvoiceRunDialog open={running} onOpenChange={setRunning} month={month} tenant={filteredTenant} onStarted={setStartedRunId} />
    </div>
  );
}
