"use client";

import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

type Props = {
  title: string;
  description?: string;
  testId: string;
  /** Nothing to show yet: a skeleton of the card's size. */
  loading: boolean;
  children: ReactNode;
  className?: string;
};

/** A titled card holding a chart and the table of its exact values. */
export function ChartCard({ title, description, testId, loading, children, className }: Props) {
  return (
    <Card className={className} data-testid={testId} aria-busy={loading}>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{loading ? <Skeleton className="h-64 w-full" /> : children}</CardContent>
    </Card>
  );
}

/**
 * The chart's drawing: a sized box (ResponsiveContainer measures its parent) hidden from screen
 * readers, who get the table under it with the same figures.
 */
export function ChartFrame({ height = "h-64", children }: { height?: string; children: ReactNode }) {
  return (
    <div className={`${height} w-full min-w-0`} aria-hidden>
      {children}
    </div>
  );
}

/** Recharts' tooltip box in the theme's colours. */
export const TOOLTIP_STYLE = {
  background: "var(--popover)",
  color: "var(--popover-foreground)",
  borderColor: "var(--border)",
  borderRadius: 6,
  fontSize: 12,
};

export const SERIES_COLORS = {
  revenue: "var(--chart-3)",
  cost: "var(--chart-2)",
  margin: "var(--success)",
  loss: "var(--destructive)",
} as const;

const SERIES_ORDER = ["revenue", "cost", "margin"];

/** Legends and tooltips list revenue, cost, margin in that order (recharts sorts by label otherwise). */
export function bySeries(item: { dataKey?: unknown }): number {
  return SERIES_ORDER.indexOf(String(item.dataKey));
}

export function EmptyChart({ text }: { text: string }) {
  return <p className="flex h-32 items-center justify-center text-sm text-muted-foreground">{text}</p>;
}
