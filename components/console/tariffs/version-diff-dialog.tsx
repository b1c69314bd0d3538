"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatIncrement, type RateView, type VersionView } from "@/lib/schemas/billing-tariffs";
import { formatEffective, formatRate } from "./tariff-format";

const KIND_BADGE = { added: "success", removed: "danger", changed: "warning" } as const;

type Props = { deckId: string; versions: VersionView[]; from: VersionView | null; to: string | null; onClose: () => void };

/** Two versions side by side, rate by rate: what was added, removed or changed (before → after). */
export function VersionDiffDialog({ deckId, versions, from, to, onClose }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const fromId = useId();
  const toId = useId();
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null);
  useEffect(() => {
    if (from && to) setPair({ from: from.id, to });
  }, [from, to]);
  const open = from !== null && pair !== null;
  const diff = useInfiniteQuery({
    ...trpc.admin.tariffs.versions.diff.infiniteQueryOptions(
      { deckId, fromVersionId: pair?.from ?? "", toVersionId: pair?.to ?? "", limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: open,
  });
  const first = diff.data?.pages[0];
  const items = diff.data?.pages.flatMap((p) => p.items);
  const number = new Intl.NumberFormat(locale);
  const name = (id: string) => {
    const v = versions.find((x) => x.id === id);
    return v ? t("tariffs.versionShort", { number: v.number }) : "—";
  };
  const picker = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} className="w-40">
          <SelectValue>{name(value)}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          {versions.map((v) => (
            <SelectItem key={v.id} value={v.id}>
              {t("tariffs.versionShort", { number: v.number })} · {t(`tariffs.change.${v.change}`)}
              {v.current ? ` (${t("tariffs.versions.current")})` : ""}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogContent className="max-h-[92svh] overflow-y-auto sm:max-w-5xl">
        <DialogHeader>
          <DialogTitle>
            {first ? t("tariffs.versions.diffTitle", { from: first.from.number, to: first.to.number }) : t("tariffs.versions.compare")}
          </DialogTitle>
          {first && (
            <DialogDescription>
              <span className="text-success">{t("tariffs.versions.addedTitle", { count: number.format(first.counts.added) })}</span> ·{" "}
              <span className="text-warning">{t("tariffs.versions.changedTitle", { count: number.format(first.counts.changed) })}</span> ·{" "}
              <span className="text-destructive">{t("tariffs.versions.removedTitle", { count: number.format(first.counts.removed) })}</span>
            </DialogDescription>
          )}
        </DialogHeader>
        {pair && (
          <div className="flex flex-wrap gap-3">
            {picker(fromId, t("tariffs.versions.diffFrom"), pair.from, (v) => setPair({ ...pair, from: v }))}
            {picker(toId, t("tariffs.versions.diffTo"), pair.to, (v) => setPair({ ...pair, to: v }))}
          </div>
        )}
        {diff.isError && <p className="text-sm text-destructive">{diff.error.message}</p>}
        {!items && !diff.isError && <Skeleton className="h-48 w-full" />}
        {items && items.length === 0 && <p className="p-6 text-center text-muted-foreground">{t("tariffs.versions.diffNone")}</p>}
        {items && items.length > 0 && (
          <div className="max-h-[55svh] overflow-y-auto rounded-md border" aria-busy={diff.isFetching}>
            <Table data-testid="version-diff">
              <TableHeader className="sticky top-0 bg-background">
                <TableRow>
                  <TableHead className="w-24" />
                  <TableHead>{t("tariffs.rates.prefix")}</TableHead>
                  <TableHead>{t("tariffs.rates.effectiveFrom")}</TableHead>
                  <TableHead>{t("tariffs.versions.before")}</TableHead>
                  <TableHead>{t("tariffs.versions.after")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => {
                  const rate = (item.after ?? item.before)!;
                  return (
                    <TableRow key={`${rate.prefix}:${rate.effectiveFrom.getTime()}`}>
                      <TableCell>
                        <Badge variant={KIND_BADGE[item.kind]}>{t(`tariffs.versions.diffKind.${item.kind}`)}</Badge>
                      </TableCell>
                      <TableCell className="font-mono">{rate.prefix}</TableCell>
                      <TableCell className="text-sm whitespace-nowrap">{formatEffective(rate.effectiveFrom, locale)}</TableCell>
                      <TableCell className="text-sm text-muted-foreground">
                        {item.before ? <RateSummary rate={item.before} /> : "—"}
                      </TableCell>
                      <TableCell className="text-sm">{item.after ? <RateSummary rate={item.after} /> : "—"}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
        <DialogFooter className="sm:justify-between">
          {diff.hasNextPage ? (
            <Button variant="outline" disabled={diff.isFetchingNextPage} onClick={() => void diff.fetchNextPage()}>
              {t("tariffs.versions.more")}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={onClose}>{t("tariffs.versions.close")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function RateSummary({ rate }: { rate: RateView }) {
  const { t, locale } = useI18n();
  return (
    <span className="block">
      <span className="block truncate">{rate.description}</span>
      <span className="block tabular-nums">
        {t("tariffs.rates.perMinute", { price: formatRate(rate.pricePerMinuteMicros, locale) })}
        {rate.connectionFeeMicros > 0n && ` ${t("tariffs.rates.fee", { fee: formatRate(rate.connectionFeeMicros, locale) })}`} ·{" "}
        <span className="font-mono">{formatIncrement(rate)}</span>
      </span>
      <span className="block text-xs">
        {rate.effectiveTo ? `→ ${formatEffective(rate.effectiveTo, locale)}` : `→ ${t("tariffs.open")}`}
      </span>
    </span>
  );
}
