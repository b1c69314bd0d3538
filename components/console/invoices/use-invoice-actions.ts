"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { InvoiceView } from "@/lib/schemas/billing";
import { formatBillingMonth } from "@/lib/schemas/billing-invoices";

/**
 * Issue, payment, void and "generate again" for one invoice. State changes are not optimistic: the
 * server decides (numbering, unratable calls, an outdated draft) and its answer replaces the cached
 * invoice; a refusal is a toast with the server's reason and nothing changes on screen.
 */
export function useInvoiceActions(invoice: InvoiceView | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, tm, locale } = useI18n();
  const router = useRouter();
  const [rerunId, setRerunId] = useState<string | null>(null);

  const settle = (updated: InvoiceView) => {
    queryClient.setQueryData(trpc.admin.invoices.get.queryKey({ id: updated.id }), updated);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.list.pathKey() });
  };
  const onError = (error: { message: string }) => toast.error(error.message);

  const issue = useMutation(
    trpc.admin.invoices.issue.mutationOptions({
      onSuccess: (updated) => {
        settle(updated);
        toast.success(t("invoices.actions.issued", { number: updated.number ?? "" }));
      },
      onError,
    }),
  );
  const markPaid = useMutation(
    trpc.admin.invoices.markPaid.mutationOptions({
      onSuccess: (updated) => {
        settle(updated);
        toast.success(t("invoices.actions.paid", { number: updated.number ?? "" }));
      },
      onError,
    }),
  );
  const voidInvoice = useMutation(
    trpc.admin.invoices.void.mutationOptions({
      onSuccess: (updated) => {
        settle(updated);
        toast.success(t("invoices.actions.voided"));
      },
      onError,
    }),
  );

  const rerun = useMutation(
    trpc.admin.invoices.run.mutationOptions({
      onSuccess: (started) => {
        setRerunId(started.runId);
        if (invoice) toast.info(t("invoices.detail.rerunStarted", { tenant: invoice.tenant.name }));
      },
      onError,
    }),
  );
  const rerunStatus = useQuery({
    ...trpc.admin.invoices.runStatus.queryOptions({ runId: rerunId ?? "" }),
    enabled: rerunId !== null,
    refetchInterval: (query) => (query.state.data && ["done", "failed"].includes(query.state.data.status) ? false : 1_000),
  });
  const finished = rerunStatus.data && ["done", "failed"].includes(rerunStatus.data.status) ? rerunStatus.data : null;
  useEffect(() => {
    if (!finished || !invoice) return;
    setRerunId(null);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.get.queryKey({ id: invoice.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.invoices.list.pathKey() });
    if (finished.status !== "done") {
      toast.error(finished.error ? tm(finished.error) : t("common.unexpectedError"));
      return;
    }
    toast.success(t("invoices.run.doneToast", { month: formatBillingMonth(finished.month, locale) }));
    // A void invoice stays void: the run made a new draft beside it, which is what to look at next.
    if (invoice.status === "void")
      void queryClient
        .fetchQuery(trpc.admin.invoices.list.queryOptions({ month: invoice.month, tenantId: invoice.tenant.id, status: "draft", limit: 1 }))
        .then((page) => page.items[0] && router.push(`/invoices/${page.items[0].id}`));
  }, [finished, invoice, queryClient, trpc, t, tm, locale, router]);

  return {
    issue,
    markPaid,
    voidInvoice,
    rerun: () => invoice && rerun.mutate({ month: invoice.month, tenantId: invoice.tenant.id }),
    rerunning: rerun.isPending || rerunId !== null,
    busy: issue.isPending || markPaid.isPending || voidInvoice.isPending,
  };
}
