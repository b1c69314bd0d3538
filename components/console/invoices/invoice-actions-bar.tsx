"use client";

import { BanIcon, CheckIcon, DownloadIcon, RefreshCwIcon, SendIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import type { InvoiceView } from "@/lib/schemas/billing";
import { currentMonth } from "./billing-months";
import type { InvoiceAsk } from "./invoice-action-dialogs";

type Props = { invoice: InvoiceView; onAsk: (ask: InvoiceAsk) => void; rerun: () => void; rerunning: boolean };

/** The steps an invoice in its status can take next, and its downloads. */
export function InvoiceActionsBar({ invoice, onAsk, rerun, rerunning }: Props) {
  const { t } = useI18n();
  const { status } = invoice;
  // The server refuses to issue a month that is not over; say so before anyone tries.
  const monthRunning = invoice.month >= currentMonth();
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t("invoices.actions.label")}>
      {status === "draft" &&
        (monthRunning ? (
          <Tooltip>
            <TooltipTrigger asChild>
              {/* A disabled button gets no pointer or focus events: the wrapper carries the hint. */}
              <span
                tabIndex={0}
                className="inline-flex"
                aria-label={`${t("invoices.actions.issue")}: ${t("invoices.detail.notIssuableYet")}`}
              >
                <Button disabled data-testid="invoice-issue">
                  <SendIcon aria-hidden /> {t("invoices.actions.issue")}
                </Button>
              </span>
            </TooltipTrigger>
            <TooltipContent>{t("invoices.detail.notIssuableYet")}</TooltipContent>
          </Tooltip>
        ) : (
          <Button onClick={() => onAsk("issue")} disabled={invoice.unratableCalls > 0 || rerunning} data-testid="invoice-issue">
            <SendIcon aria-hidden /> {t("invoices.actions.issue")}
          </Button>
        ))}
      {status === "issued" && (
        <Button onClick={() => onAsk("pay")} data-testid="invoice-pay">
          <CheckIcon aria-hidden /> {t("invoices.actions.markPaid")}
        </Button>
      )}
      {(status === "draft" || status === "void") && (
        <Button variant="outline" onClick={rerun} disabled={rerunning} data-testid="invoice-rerun">
          {rerunning ? <Spinner aria-label={t("common.loading")} /> : <RefreshCwIcon aria-hidden />} {t("invoices.detail.rerun")}
        </Button>
      )}
      <Button asChild variant="outline">
        <a href={`/api/invoices/${invoice.id}/pdf`} download data-testid="invoice-pdf">
          <DownloadIcon aria-hidden /> {t("invoices.actions.pdf")}
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href={`/api/invoices/${invoice.id}/csv`} download data-testid="invoice-csv">
          <DownloadIcon aria-hidden /> {t("invoices.actions.csv")}
        </a>
      </Button>
      {(status === "draft" || status === "issued") && (
        <Button
          variant="outline"
          className="text-destructive hover:text-destructive"
          onClick={() => onAsk("void")}
          data-testid="invoice-void"
        >
          <BanIcon aria-hidden /> {t("invoices.actions.void")}
        </Button>
      )}
    </div>
  );
}
