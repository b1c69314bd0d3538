"use client";

import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { isOpenAt, type BusinessHoursLike } from "@/lib/business-hours";

/** The current minute, refreshed every 30 s: enough for a badge that flips on the minute. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "Aberto agora" / "Fechado agora", evaluated in the hours' own timezone as Asterisk does. */
export function OpenNowBadge({ hours }: { hours: BusinessHoursLike }) {
  const { t } = useI18n();
  const open = isOpenAt(hours, useNow());
  return (
    <Badge variant={open ? "success" : "outline"} data-testid="open-now" data-open={open}>
      <span aria-hidden className={open ? "size-1.5 rounded-full bg-success" : "size-1.5 rounded-full bg-muted-foreground"} />
      {open ? t("numbers.hours.openNow") : t("numbers.hours.closedNow")}
    </Badge>
  );
}
