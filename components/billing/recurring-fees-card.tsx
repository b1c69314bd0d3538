"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents } from "@/lib/billing/micros";
import { formatPhone } from "@/lib/phone";
import type { UsageEstimate, UsageRecurringFee } from "@/lib/schemas/billing-usage";

/** The month under way's plan and DID fees (pro rata where they started mid-month) plus usage: the estimate's parts. */
export function RecurringFeesCard({ estimate }: { estimate: UsageEstimate }) {
  const { t, locale } = useI18n();
  const period = (fee: UsageRecurringFee) =>
    fee.days >= estimate.daysInMonth
      ? t("billing.recurring.fullMonth")
      : t("billing.recurring.proRata", { days: fee.days, total: estimate.daysInMonth });
  const row = (key: string, label: string, fee: UsageRecurringFee) => (
    <TableRow key={key} data-testid="billing-fee-row">
      <TableCell className="max-w-56 truncate pl-6">{label}</TableCell>
      <TableCell className="text-right tabular-nums">{formatCents(fee.monthlyCents, locale)}</TableCell>
      <TableCell className="text-muted-foreground">{period(fee)}</TableCell>
      <TableCell className="pr-6 text-right tabular-nums">{formatCents(fee.amountCents, locale)}</TableCell>
    </TableRow>
  );

  return (
    <Card className="min-w-0 gap-3 pb-0" data-testid="billing-recurring">
      <CardHeader>
        <CardTitle className="text-base">{t("billing.recurring.title")}</CardTitle>
        <CardDescription>{t("billing.recurring.subtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <Table>
          <caption className="sr-only">{t("billing.recurring.caption")}</caption>
          <TableHeader>
            <TableRow>
              <TableHead className="pl-6">{t("billing.recurring.item")}</TableHead>
              <TableHead className="text-right">{t("billing.recurring.monthly")}</TableHead>
              <TableHead>{t("billing.recurring.period")}</TableHead>
              <TableHead className="pr-6 text-right">{t("billing.recurring.amount")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {row("plan", t("billing.recurring.plan", { name: estimate.plan.label }), estimate.plan)}
            {estimate.dids.map((did) => row(did.label, t("billing.recurring.did", { number: formatPhone(did.label) }), did))}
            {estimate.dids.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} className="pl-6 text-sm text-muted-foreground">
                  {t("billing.recurring.noDids")}
                </TableCell>
              </TableRow>
            )}
            <TableRow>
              <TableCell className="pl-6">{t("billing.recurring.usage")}</TableCell>
              <TableCell />
              <TableCell />
              <TableCell className="pr-6 text-right tabular-nums">{formatCents(estimate.usageCents, locale)}</TableCell>
            </TableRow>
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell className="pl-6" colSpan={3}>
                {t("billing.recurring.total")}
              </TableCell>
              <TableCell className="pr-6 text-right tabular-nums" data-testid="billing-estimate-total">
                {formatCents(estimate.totalCents, locale)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </CardContent>
    </Card>
  );
}
