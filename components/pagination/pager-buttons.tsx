"use client";

import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import type { Dispatch, SetStateAction } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";

type Props = {
  /** Index of the current page in `cursors` (0 = first page). */
  page: number;
  nextCursor: string | null;
  /** A request is in flight / the shown page is the previous one's placeholder. */
  busy: boolean;
  stale: boolean;
  /** The stack of cursors of the pages visited (keyset pagination: "previous" pops it). */
  setCursors: Dispatch<SetStateAction<(string | null)[]>>;
};

export function PagerButtons({ page, nextCursor, busy, stale, setCursors }: Props) {
  const { t } = useI18n();
  return (
    <div className="flex gap-2">
      <Button variant="outline" size="sm" disabled={page === 0 || busy} onClick={() => setCursors((c) => c.slice(0, -1))}>
        <ChevronLeftIcon aria-hidden /> {t("common.previous")}
      </Button>
      <Button
        variant="outline"
        size="sm"
        disabled={!nextCursor || stale}
        onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
      >
        {t("common.next")} <ChevronRightIcon aria-hidden />
      </Button>
    </div>
  );
}
