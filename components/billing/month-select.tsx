"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatBillingMonth } from "./billing-format";

type Props = {
  value: string | null;
  /** Newest first, from the usage answer; null while it loads. */
  months: string[] | null;
  currentMonth: string | null;
  onChange: (month: string) => void;
};

/** The billing month picker: the current month (labelled "to date") and the tenant's earlier ones. */
export function MonthSelect({ value, months, currentMonth, onChange }: Props) {
  const { t, locale } = useI18n();
  if (!months || !value) return <Skeleton className="h-9 w-72" />;
  const label = (month: string) =>
    month === currentMonth ? t("billing.month.toDate", { month: formatBillingMonth(month, locale) }) : formatBillingMonth(month, locale);
  return (
    <Select value={value} onValueChange={onChange}>
      <SelectTrigger className="w-72" aria-label={t("billing.month.label")} data-testid="billing-month">
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
  );
}
