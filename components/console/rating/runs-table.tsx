"use client";

import { HistoryIcon } from "lucide-react";
import { EmptyState, SkeletonRows } from "@/components/console/inventory/list-states";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import type { RatingRunView } from "@/lib/schemas/billing-rating";
import { formatCount, formatDateTime, formatElapsed, formatPeriod } from "./format-rating";
import { RunStatus } from "./run-status";

type Props = {
  runs: RatingRunView[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

const COLUMNS = 10;

export function RunsTable({ runs, hasMore, loadingMore, onLoadMore }: Props) {
  const { t, locale } = useI18n();
  if (runs && runs.length === 0) return <EmptyState icon={HistoryIcon} text={t("rating.runs.empty")} testId="runs-empty" />;
  const count = (n: number) => formatCount(n, locale);
  return (
    <>
      <Table data-testid="runs-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("rating.runs.columns.kind")}</TableHead>
            <TableHead>{t("rating.runs.columns.tenant")}</TableHead>
            <TableHead>{t("rating.runs.columns.status")}</TableHead>
            <TableHead className="text-right">{t("rating.runs.columns.calls")}</TableHead>
            <TableHead className="text-right">{t("rating.runs.columns.rated")}</TableHead>
            <TableHead className="text-right">{t("rating.runs.columns.unratable")}</TableHead>
            <TableHead className="text-right">
              <Tooltip>
                <TooltipTrigger className="cursor-help underline decoration-dotted underline-offset-4">
                  {t("rating.runs.columns.skipped")}
                </TooltipTrigger>
                <TooltipContent className="max-w-xs">{t("rating.runs.skippedHint")}</TooltipContent>
              </Tooltip>
            </TableHead>
            <TableHead>{t("rating.runs.columns.requestedBy")}</TableHead>
            <TableHead>{t("rating.runs.columns.startedAt")}</TableHead>
            <TableHead className="text-right">{t("rating.runs.columns.duration")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {!runs && <SkeletonRows rows={4} columns={COLUMNS} />}
          {runs?.map((run) => (
            <TableRow key={run.id} data-testid="run-row" data-status={run.status}>
              <TableCell>
                <div className="font-medium">{t(`rating.runs.kind.${run.kind}`)}</div>
                <div className="text-xs text-muted-foreground">
                  {run.periodStart && run.periodEnd ? formatPeriod(run.periodStart, run.periodEnd, locale) : t("rating.runs.newCalls")}
                </div>
              </TableCell>
              <TableCell>
                {run.tenant ? run.tenant.name : <span className="text-muted-foreground">{t("rating.runs.allTenants")}</span>}
              </TableCell>
              <TableCell>
                <RunStatus run={run} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{count(run.total)}</TableCell>
              <TableCell className="text-right tabular-nums">{count(run.rated)}</TableCell>
              <TableCell className={run.unratable > 0 ? "text-right font-medium text-warning tabular-nums" : "text-right tabular-nums"}>
                {count(run.unratable)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{count(run.skipped)}</TableCell>
              <TableCell className="max-w-48 truncate">
                {run.requestedBy ?? <span className="text-muted-foreground">{t("rating.runs.scheduler")}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDateTime(run.startedAt ?? run.createdAt, locale)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {run.startedAt && run.finishedAt ? formatElapsed(run.startedAt, run.finishedAt, locale) : t("rating.runs.notStarted")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasMore && (
        <div className="flex justify-center border-t p-3">
          <Button variant="outline" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? t("common.loading") : t("rating.loadMore")}
          </Button>
        </div>
      )}
    </>
  );
}
