import { WEEKDAYS, type Weekday } from "@/lib/telephony/allow-list";

type Rule = { days: readonly Weekday[]; open: string; close: string };

/**
 * "Seg–Sex 08:00–18:00 · Sáb 09:00–13:00": each rule's days folded into runs of consecutive
 * weekdays (in week order, Monday first), then its interval.
 */
export function summarizeRules(rules: readonly Rule[], dayLabel: (day: Weekday) => string): string {
  return rules
    .map((rule) => {
      const indexes = [...new Set(rule.days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const i of indexes) {
        const last = runs[runs.length - 1];
        if (last && last[1] === i - 1) last[1] = i;
        else runs.push([i, i]);
      }
      const days = runs
        .map(([from, to]) => {
          const a = dayLabel(WEEKDAYS[from]!);
          if (from === to) return a;
          return `${a}${to === from + 1 ? ", " : "–"}${dayLabel(WEEKDAYS[to]!)}`;
        })
        .join(", ");
      return `${days} ${rule.open}–${rule.close}`;
    })
    .join(" · ");
}
