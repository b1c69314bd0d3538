"use client";

import { PhoneOutgoingIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import type { UsageSummary } from "@/lib/schemas/billing-usage";
import { formatMinutes } from "./billing-format";

/** The month's usage by destination (the sell rate's description), as the invoice's usage lines group it. */
export function UsageDestinationsTable({ usage }: { usage: UsageSummary | undefined }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <Card className="min-w-0 gap-3 pb-0" data-testid="billing-destinations">
      <CardHeader>
        <CardTitle className="text-base">{t("billing.destinations.title")}</CardTitle>
      </CardHeader>
      <CardContent className="px-0">
        {!usage ? (
          <div className="flex flex-col gap-2 px-6 pb-6" aria-busy>
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : usage.byDestination.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 pt-6 pb-10 text-center">
            <PhoneOutgoingIcon aria-hidden className="size-7 text-muted-foreground" />
            <p className="font-medium">{t("billing.destinations.empty")}</p>
            <p className="text-sm text-muted-foreground">{t("billing.destinations.emptyHint")}</p>
          </div>
        ) : (
          <Table>
            <caption className="sr-only">{t("billing.destinations.caption")}</caption>
            <TableHeader>
              <TableRow>
                <TableHead className="pl-6">{t("billing.destinations.destination")}</TableHead>
                <TableHead className="text-right">{t("billing.destinations.calls")}</TableHead>
                <TableHead className="text-right">{t("billing.destinations.minutes")}</TableHead>
                <TableHead className="pr-6 text-right">{t("billing.destinations.amount")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {usage.byDestination.map((d) => (
                <TableRow key={d.destination ?? ""} data-testid="billing-destination-row">
                  <TableCell className="max-w-64 truncate pl-6 font-medium">{d.destination ?? t("billing.destinations.unknown")}</TableCell>
                  <TableCell className="text-right tabular-nums">{number.format(d.calls)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMinutes(d.billedSeconds, locale)}</TableCell>
                  <TableCell className="pr-6 text-right tabular-nums">{formatCents(d.amountCents, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell className="pl-6">{t("billing.destinations.total")}</TableCell>
                <TableCell className="text-right tabular-nums">{number.format(usage.calls)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMinutes(usage.billedSeconds, locale)}</TableCell>
                <TableCell className="pr-6 text-right tabular-nums">{formatCents(usage.amountCents, locale)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
