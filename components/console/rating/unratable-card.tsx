"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CheckCircle2Icon, WrenchIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { EmptyState, LoadError, SkeletonRows } from "@/components/console/inventory/list-states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { UNRATABLE_REASONS } from "@/lib/schemas/billing";
import type { UnratableReason } from "@/lib/schemas/billing-rating";
import { formatCount, formatDateTime } from "./format-rating";

const ANY = "any";
const COLUMNS = 7;

/** "5511987654321" → "+55 11987654321": E.164 digits as the operator dials them, without guessing a mask. */
const plus = (digits: string) => (digits === "0" ? "—" : `+${digits}`);

/** The calls no rate matched, with why, for the operator to fix the decks and re-rate. */
export function UnratableCard() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [reason, setReason] = useState<UnratableReason | typeof ANY>(ANY);
  const filter = reason === ANY ? {} : { reason };
  const summary = useQuery(trpc.admin.rating.unratableSummary.queryOptions({}));
  const list = useInfiniteQuery(
    trpc.admin.rating.unratable.infiniteQueryOptions(
      { limit: 25, ...filter },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items);
  const total = summary.data?.total;

  return (
    <Card className="gap-0 pb-0" aria-busy={list.isFetching}>
      <CardHeader className="border-b pb-4">
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("rating.unratable.title")}
          {total !== undefined && total > 0 && (
            <Badge variant="warning" data-testid="unratable-total">
              {total === 1 ? t("rating.unratable.totalOne") : t("rating.unratable.total", { count: formatCount(total, locale) })}
            </Badge>
          )}
        </CardTitle>
        <CardDescription>{t("rating.unratable.description")}</CardDescription>
        <CardAction className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="unratable-reason" className="text-xs text-muted-foreground">
              {t("rating.unratable.filterReason")}
            </Label>
            <Select value={reason} onValueChange={(value) => setReason(value as UnratableReason | typeof ANY)}>
              <SelectTrigger id="unratable-reason" size="sm" className="min-w-48">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>{t("rating.unratable.anyReason")}</SelectItem>
                {UNRATABLE_REASONS.map((value) => (
                  <SelectItem key={value} value={value}>
                    {t(`rating.unratable.reason.${value}`)}
                    {summary.data ? ` (${formatCount(summary.data.byReason[value], locale)})` : ""}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <Button variant="outline" size="sm" asChild>
            <Link href="/tariffs">
              <WrenchIcon aria-hidden /> {t("rating.fixTariffs")}
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      {list.isError ? (
        <LoadError onRetry={() => void list.refetch()} />
      ) : items && items.length === 0 ? (
        <EmptyState
          icon={CheckCircle2Icon}
          text={reason === ANY ? t("rating.unratable.empty") : t("rating.unratable.emptyFiltered")}
          testId="unratable-empty"
        />
      ) : (
        <Table data-testid="unratable-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("rating.unratable.columns.startedAt")}</TableHead>
              <TableHead>{t("rating.unratable.columns.tenant")}</TableHead>
              <TableHead>{t("rating.unratable.columns.number")}</TableHead>
              <TableHead>{t("rating.unratable.columns.direction")}</TableHead>
              <TableHead>{t("rating.unratable.columns.reason")}</TableHead>
              <TableHead>{t("rating.unratable.columns.gateway")}</TableHead>
              <TableHead className="text-right">{t("rating.unratable.columns.answered")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {!items && <SkeletonRows rows={3} columns={COLUMNS} />}
            {items?.map((charge) => (
              <TableRow key={charge.id} data-testid="unratable-row">
                <TableCell className="whitespace-nowrap">{formatDateTime(charge.callStartedAt, locale)}</TableCell>
                <TableCell>
                  <div className="font-medium">{charge.tenant.name}</div>
                  <div className="text-xs text-muted-foreground">{charge.tenant.slug}</div>
                </TableCell>
                <TableCell className="font-mono text-sm whitespace-nowrap">{plus(charge.number)}</TableCell>
                <TableCell>{t(`rating.unratable.direction.${charge.direction}`)}</TableCell>
                <TableCell>
                  <Tooltip>
                    <TooltipTrigger asChild>
                      <Badge variant="warning" tabIndex={0} className="cursor-help">
                        {t(`rating.unratable.reason.${charge.reason}`)}
                      </Badge>
                    </TooltipTrigger>
                    <TooltipContent className="max-w-xs">{t(`rating.unratable.reasonHint.${charge.reason}`)}</TooltipContent>
                  </Tooltip>
                </TableCell>
                <TableCell className="font-mono text-sm">{charge.gatewayName ?? t("rating.unratable.noGateway")}</TableCell>
                <TableCell className="text-right tabular-nums">{charge.answeredSec} s</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.hasNextPage && (
        <div className="flex justify-center border-t p-3">
          <Button variant="outline" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t("common.loading") : t("rating.loadMore")}
          </Button>
        </div>
      )}
    </Card>
  );
}
