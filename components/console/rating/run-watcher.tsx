"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatCount } from "./format-rating";

/** Follows a run the operator started until it ends, then says how it went (renders nothing). */
export function RunWatcher({ runId, onFinished }: { runId: string; onFinished: (runId: string) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.admin.rating.run.queryOptions({ id: runId }),
    refetchInterval: (query) => (query.state.data?.status === "done" || query.state.data?.status === "failed" ? false : 1000),
  });
  const reported = useRef(false);
  const data = run.data;
  useEffect(() => {
    if (!data || reported.current || (data.status !== "done" && data.status !== "failed")) return;
    reported.current = true;
    const n = (value: number) => formatCount(value, locale);
    if (data.status === "failed") toast.error(t("rating.toast.failed", { error: data.error ?? "" }));
    else if (data.kind === "rerate")
      toast.success(t("rating.toast.rerateDone", { rated: n(data.rated), unratable: n(data.unratable), skipped: n(data.skipped) }));
    else toast.success(t("rating.toast.done", { rated: n(data.rated), unratable: n(data.unratable) }));
    onFinished(runId);
  }, [data, locale, onFinished, runId, t]);
  return null;
}
