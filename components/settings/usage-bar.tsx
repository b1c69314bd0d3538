"use client";

import { cn } from "@/lib/cn";

export type UsageTone = "normal" | "warning" | "full";

/** Warning from 80% of the limit, destructive at (or past) it. A zero limit is always full. */
export function usageTone(used: number, limit: number): UsageTone {
  if (limit <= 0 || used >= limit) return "full";
  return used / limit >= 0.8 ? "warning" : "normal";
}

const FILL: Record<UsageTone, string> = { normal: "bg-primary", warning: "bg-warning", full: "bg-destructive" };

export function UsageBar({ used, limit, label }: { used: number; limit: number; label: string }) {
  const tone = usageTone(used, limit);
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      aria-valuetext={`${used} / ${limit}`}
      data-tone={tone}
      className="h-2 w-full overflow-hidden rounded-full bg-muted"
    >
      <div className={cn("h-full rounded-full transition-[width]", FILL[tone])} style={{ width: `${percent}%` }} />
    </div>
  );
}
