"use client";

import { useMemo } from "react";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCents, microsToCents } from "@/lib/billing/micros";

/** Seconds as m:ss (h:mm:ss from an hour on): ACD is read that way on every switch report. */
export function formatMinSec(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * The reports' formatters for the current locale. Money arrives as exact micro-reais and is rounded
 * once, to centavos, for display; charts get reais as numbers (drawing is the only float use).
 */
export function useReportFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale);
    const minutes = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const compact = new Intl.NumberFormat(locale, { style: "currency", currency: "BRL", notation: "compact", maximumFractionDigits: 1 });
    const day = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
    const fullDay = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
    return {
      money: (micros: bigint) => formatCents(microsToCents(micros), locale),
      /** Reais for a chart's scale (display only). */
      chartValue: (micros: bigint) => Number(microsToCents(micros)) / 100,
      /** A chart axis tick in reais: "R$ 1,2 mil". */
      axisMoney: (reais: number) => compact.format(reais),
      /** A chart tooltip value in reais, back to full precision. */
      tooltipMoney: (reais: number) => formatCents(BigInt(Math.round(reais * 100)), locale),
      integer: (n: number) => integer.format(n),
      minutes: (seconds: number) => minutes.format(seconds / 60),
      basisPoints: (bps: number | null) => (bps === null ? "—" : percent.format(bps / 10_000)),
      ratio: (value: number | null) => (value === null ? "—" : percent.format(value)),
      duration: (seconds: number | null) => (seconds === null ? "—" : formatMinSec(seconds)),
      /** "2026-11-05" → "05/11" (pt-BR). */
      shortDay: (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`)),
      longDay: (isoDay: string) => fullDay.format(new Date(`${isoDay}T00:00:00Z`)),
    };
  }, [locale]);
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
