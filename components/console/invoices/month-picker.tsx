"use client";

import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";
import { currentMonth, pickableMonths, shiftMonth } from "./billing-months";

/** A billing month: previous / next buttons around a list of the last three years' months. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t, locale } = useI18n();
  const months = useMemo(() => {
    const list = pickableMonths();
    return list.includes(value) ? list : [value, ...list].sort().reverse();
  }, [value]);
  const label = (month: string) => {
    const text = formatBillingMonth(month, locale);
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  };
  return (
    <div className="flex items-center gap-1" role="group" aria-label={t("invoices.list.month")}>
      <Button variant="outline" size="icon" aria-label={t("invoices.list.previousMonth")} onClick={() => onChange(shiftMonth(value, -1))}>
        <ChevronLeftIcon aria-hidden />
      </Button>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger className="w-48" aria-label={t("invoices.list.month")} data-testid="invoice-month">
          <SelectValue>{label(value)}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          {months.map((month) => (
            <SelectItem key={month} value={month}>
              {label(month)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button
        variant="outline"
        size="icon"
        aria-label={t("invoices.list.nextMonth")}
        disabled={value >= currentMonth()}
        onClick={() => onChange(shiftMonth(value, 1))}
      >
        <ChevronRightIcon aria-hidden />
      </Button>
    </div>
  );
}
