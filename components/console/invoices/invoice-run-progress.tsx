"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckCircle2Icon, XIcon } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";

/** A finished run's summary stays on screen this long after it ended (then only the list speaks). */
const RECENT_MS = 15 * 60_000;

/**
 * The month's latest invoice run: a progress bar while it is queued or running (polled every
 * second), then what it did: drafts written, how many cannot be issued yet, companies left alone.
 */
export function InvoiceRunProgress({ month, startedRunId }: { month: string; startedRunId: string | null }) {
  const { t, tm, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = useQuery({
    ...trpc.admin.invoices.latestRun.queryOptions({ month }),
    refetchInterval: (query) => (query.state.data && ["queued", "running"].includes(query.state.data.status) ? 1_000 : false),
  });
  const run = latest.data;
  const watched = useRef<string | null>(null);
  const announced = useRef<string | null>(null);
  const monthLabel = formatBillingMonth(month, locale);

  useEffect(() => {
    if (!run) return;
    if (run.status === "queued" || run.status === "running") {
      watched.current = run.id;
      return;
    }
    // Finished: refresh the list once per run, and say so when it was started or seen running here
    // (a fast run can finish before the first poll sees it running).
    if (announced.current === run.id) return;
    announced.current = run.id;
    void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.list.pathKey() });
    if (watched.current === run.id || startedRunId === run.id) {
      if (run.status === "done") toast.success(t("invoices.run.doneToast", { month: monthLabel }));
      else toast.error(t("invoices.run.failed", { month: monthLabel }));
    }
    watched.current = null;
  }, [run, startedRunId, queryClient, trpc, t, monthLabel]);

  if (!run || run.id === dismissed) return null;
  const active = run.status === "queued" || run.status === "running";
  // An interrupted run has no end time: it stays shown (failed) until the month is generated again.
  if (!active && run.finishedAt && Date.now() - run.finishedAt.getTime() > RECENT_MS) return null;

  const percent = run.total > 0 ? Math.round((run.processed / run.total) * 100) : 0;
  return (
    <Card className="gap-2 px-4 py-3" role="status" aria-live="polite" data-testid="invoice-run" data-status={run.status}>
      {active ? (
        <>
          <p className="text-sm">
            {run.status === "queued"
              ? t("invoices.run.queued")
              : t("invoices.run.running", { month: monthLabel, processed: run.processed, total: run.total })}
          </p>
          <Progress
            value={percent}
            aria-label={t("invoices.run.running", { month: monthLabel, processed: run.processed, total: run.total })}
          />
        </>
      ) : (
        <div className="flex items-start gap-3">
          {run.status === "done" ? (
            <CheckCircle2Icon className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
          ) : (
            <AlertTriangleIcon className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />
          )}
          <div className="min-w-0 flex-1 space-y-1 text-sm">
            <p className="font-medium">
              {run.status === "failed"
                ? t("invoices.run.failed", { month: monthLabel })
                : run.total === 0
                  ? t("invoices.run.noneBillable", { month: monthLabel })
                  : t("invoices.run.done", { month: monthLabel, drafted: run.drafted })}
            </p>
            {run.error && <p className="text-destructive">{tm(run.error)}</p>}
            {run.withUnratable > 0 && <p className="text-warning">{t("invoices.run.withUnratable", { count: run.withUnratable })}</p>}
            {run.skipped > 0 && (
              <div className="text-muted-foreground">
                <p>{t("invoices.run.skipped", { count: run.skipped })}</p>
                <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                  {run.skippedInvoices.map((invoice) => (
                    <li key={invoice.id}>
                      <Link href={`/invoices/${invoice.id}`} className="underline-offset-4 hover:underline">
                        {invoice.tenantName} {invoice.number && `(${invoice.number})`}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <Button variant="ghost" size="icon" aria-label={t("invoices.run.dismiss")} onClick={() => setDismissed(run.id)}>
            <XIcon aria-hidden />
          </Button>
        </div>
      )}
    </Card>
  );
}
