"use client";

import { PagerButtons } from "@/components/pagination/pager-buttons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronDownIcon, ScrollTextIcon } from "lucide-react";
import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useDebounced } from "@/components/leads/use-debounced";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { settingsMessage, type SettingsAuditListInput } from "@/lib/schemas/settings";
import { AuditDiff } from "./audit-diff";
import { AuditFilters, hasAuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from "./audit-filters";
import { LoadError } from "./load-error";

const PAGE_SIZE = 25;
const ACTOR_KINDS = ["super_admin", "member", "support", "api_key", "system"] as const;

// Date inputs give local calendar days; the range covers them whole, in the browser's time zone.
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`) : undefined);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`) : undefined);

export function AuditLogCard() {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const action = useDebounced(filters.action.trim(), 300);
  const actor = useDebounced(filters.actor.trim(), 300);
  const page = cursors.length - 1;
  const badRange = Boolean(filters.from && filters.to && filters.from > filters.to);

  const input: SettingsAuditListInput = {
    cursor: cursors[page],
    limit: PAGE_SIZE,
    action: action || undefined,
    objectType: filters.objectType,
    actor: actor || undefined,
    from: startOfDay(filters.from),
    to: endOfDay(filters.to),
  };
  const list = useQuery({ ...trpc.settings.audit.list.queryOptions(input, { placeholderData: keepPreviousData }), enabled: !badRange });
  const objectTypes = useQuery(trpc.settings.audit.objectTypes.queryOptions()).data ?? [];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setCursors([null]);
    setOpen(null);
  };
  const actorKind = (kind: string) =>
    (ACTOR_KINDS as readonly string[]).includes(kind) ? t(`settings.audit.actorKind.${kind as (typeof ACTOR_KINDS)[number]}`) : kind;
  // A reversed range asks nothing; the last answer (kept as placeholder) must not pass for its result.
  const data = badRange ? undefined : list.data;
  const from = page * PAGE_SIZE + 1;

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("settings.audit.title")}</h2>
        </CardTitle>
        <CardDescription>{t("settings.audit.description")}</CardDescription>
      </CardHeader>
      <AuditFilters value={filters} objectTypes={objectTypes} onChange={changeFilters} />
      {badRange && (
        <p role="alert" className="px-6 text-sm text-destructive">
          {tm(settingsMessage("date_range"))}
        </p>
      )}
      <CardContent className="px-0" aria-busy={list.isFetching}>
        {badRange ? null : list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : data && data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 p-8 text-center text-muted-foreground" data-testid="audit-empty">
            <ScrollTextIcon className="size-8" aria-hidden />
            {hasAuditFilters(filters) ? t("settings.audit.emptyFiltered") : t("settings.audit.empty")}
          </div>
        ) : (
          <Table data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHead className="w-10 pl-6">
                  <span className="sr-only">{t("common.actions")}</span>
                </TableHead>
                <TableHead>{t("settings.audit.when")}</TableHead>
                <TableHead>{t("settings.audit.actor")}</TableHead>
                <TableHead>{t("settings.audit.action")}</TableHead>
                <TableHead className="hidden pr-6 md:table-cell">{t("settings.audit.objectType")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!data &&
                Array.from({ length: 6 }, (_, i) => (
                  <TableRow key={i} aria-hidden>
                    <TableCell colSpan={5} className="px-6">
                      <Skeleton className="h-6 w-full" />
                    </TableCell>
                  </TableRow>
                ))}
              {data?.items.map((entry) => {
                const expanded = open === entry.id;
                return (
                  <Fragment key={entry.id}>
                    <TableRow data-testid="audit-row" data-state={expanded ? "selected" : undefined}>
                      <TableCell className="pl-6">
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-expanded={expanded}
                          aria-controls={`audit-${entry.id}`}
                          aria-label={t("settings.audit.details", { action: entry.action })}
                          onClick={() => setOpen(expanded ? null : entry.id)}
                        >
                          <ChevronDownIcon className={cn("transition-transform", !expanded && "-rotate-90")} aria-hidden />
                        </Button>
                      </TableCell>
                      <TableCell className="whitespace-nowrap tabular-nums">{date.format(entry.createdAt)}</TableCell>
                      <TableCell>
                        <div className="max-w-56 truncate">{entry.actorEmail ?? "—"}</div>
                        <div className="text-xs text-muted-foreground">{actorKind(entry.actorKind)}</div>
                      </TableCell>
                      <TableCell className="font-mono text-xs">{entry.action}</TableCell>
                      <TableCell className="hidden pr-6 md:table-cell">
                        {entry.objectType}
                        {entry.objectId && (
                          <div className="max-w-48 truncate font-mono text-xs text-muted-foreground">{entry.objectId}</div>
                        )}
                      </TableCell>
                    </TableRow>
                    {expanded && (
                      <TableRow id={`audit-${entry.id}`} className="bg-muted/30 hover:bg-muted/30">
                        <TableCell colSpan={5} className="px-6 py-3 whitespace-normal">
                          <AuditDiff before={entry.before} after={entry.after} />
                          {entry.ip && <p className="mt-2 text-xs text-muted-foreground">IP {entry.ip}</p>}
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        )}
        {data && data.items.length > 0 && (
          <nav className="flex items-center justify-between gap-2 border-t px-6 pt-3" aria-label="pagination">
            <p className="text-sm text-muted-foreground tabular-nums">
              {t("settings.audit.pageRange", { from, to: from + data.items.length - 1 })}
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
      </CardContent>
    </Card>
  );
}
