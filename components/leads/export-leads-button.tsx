"use client";

import { useQueryClient } from "@tanstack/react-query";
import { DownloadIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { LeadFilter, LeadSort } from "@/lib/schemas/lead";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Downloads every lead matching the current filters (the server builds the CSV; not just this page). */
export function ExportLeadsButton({ filter, sort }: { filter: LeadFilter; sort: LeadSort }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const result = await queryClient.fetchQuery({
        ...trpc.leads.export.queryOptions({ ...filter, sort, timeZone }),
        staleTime: 0,
        gcTime: 0,
      });
      const url = URL.createObjectURL(new Blob([result.csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `leads-${today()}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const count = new Intl.NumberFormat(locale).format(result.rows);
      if (result.truncated) toast.warning(t("leads.export.truncated", { count }));
      else toast.success(result.rows === 1 ? t("leads.export.doneOne") : t("leads.export.done", { count }));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : t("common.unexpectedError"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="outline" onClick={() => void run()} disabled={busy} aria-busy={busy}>
      <DownloadIcon aria-hidden /> {busy ? t("leads.export.running") : t("leads.export.button")}
    </Button>
  );
}
