"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScrollTextIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { AuditListInput } from "@/lib/schemas/tenant";
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from "./audit-filters";
import { AuditTable } from "./audit-table";

const PAGE_SIZE = 50;

/** "2026-11-21" → that day's first or last millisecond, in the operator's own time zone. */
function dayBoundary(day: string, end: boolean): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
}

/**
 * The audit log with filters and keyset pagination: every entry in the console's audit page, or
 * one tenant's entries when `tenantId` is given (the tenant detail view's tab).
 */
export function AuditLog({ tenantId }: { tenantId?: string }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const debounced = useDebounced(values, 300);
  const page = cursors.length - 1;
  const showTenant = !tenantId;

  const tenantText = debounced.tenant.trim();
  const suggestions = useQuery({
    ...trpc.admin.tenants.list.queryOptions({ search: tenantText, limit: 10, status: "all" }),
    enabled: showTenant && tenantText !== "",
    placeholderData: keepPreviousData,
  });
  const matched = suggestions.data?.items.find((s) => s.slug === tenantText.toLowerCase());
  const tenantUnresolved = showTenant && tenantText !== "" && !suggestions.isFetching && !matched;

  const parsed = AuditListInput.safeParse({
    cursor: cursors[page],
    limit: PAGE_SIZE,
    tenantId: tenantId ?? matched?.id,
    action: debounced.action.trim() || undefined,
    objectType: debounced.objectType.trim() || undefined,
    actor: debounced.actor.trim() || undefined,
    from: dayBoundary(debounced.from, false),
    to: dayBoundary(debounced.to, true),
  });
  const errors: Partial<Record<keyof AuditFilterValues, string>> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as keyof AuditFilterValues] ??= tm(issue.message);
  if (tenantUnresolved) errors.tenant = t("console.audit.tenantUnknown");
  // A typed tenant address filters nothing until it names a tenant.
  const ready = parsed.success && !(showTenant && tenantText !== "" && !matched);

  const list = useQuery({
    ...trpc.admin.audit.list.queryOptions(parsed.success ? parsed.data : { limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
    enabled: ready,
  });
  const change = (next: AuditFilterValues) => {
    setValues(next);
    setCursors([null]);
  };
  const data = ready ? list.data : undefined;
  const filtered = Object.entries(values).some(([, v]) => v !== "");

  return (
    <div className="flex flex-col gap-4">
      <AuditFilters
        values={values}
        onChange={change}
        errors={errors}
        showTenant={showTenant}
        tenantSuggestions={suggestions.data?.items.map((s) => ({ slug: s.slug, name: s.name }))}
      />
      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        {list.isError ? (
          <div role="alert" className="flex flex-col items-center gap-3 p-10 text-center">
            <p>{t("console.audit.loadError")}</p>
            <Button variant="outline" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : (data && data.items.length === 0) || (!ready && !list.isFetching && Object.keys(errors).length > 0) ? (
          <div className="flex flex-col items-center gap-3 p-10 text-center" data-testid="audit-empty">
            <ScrollTextIcon className="size-8 text-muted-foreground" aria-hidden />
            <p className="text-muted-foreground">{filtered ? t("console.audit.emptyFiltered") : t("console.audit.empty")}</p>
          </div>
        ) : (
          <AuditTable entries={data?.items} showTenant={showTenant} pageSize={PAGE_SIZE} />
        )}
        {data && data.items.length > 0 && (page > 0 || data.nextCursor) && (
          <nav className="flex items-center justify-between gap-2 border-t px-4 py-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground">{t("console.audit.page", { page: page + 1 })}</p>
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
    </div>
  );
}
