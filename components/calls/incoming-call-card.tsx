"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Building2Icon, PhoneIncomingIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { CallView } from "@/lib/schemas/calls";
import { displayNumber } from "./call-party";

/** The pop for a known lead calling in: who, their company, and a link to their page. */
export function IncomingCallCard({ call, onDismiss }: { call: CallView; onDismiss: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  // The update carries the call; the company comes with the lead (usually cached already).
  const lead = useQuery({ ...trpc.leads.get.queryOptions({ id: call.leadId ?? "" }), enabled: !!call.leadId, staleTime: 60_000 });
  const name = call.leadName ?? (call.fromNumber ? displayNumber(call.fromNumber) : t("callsBoard.calls.unknownNumber"));
  return (
    <div
      role="alert"
      data-testid="incoming-call"
      data-call-id={call.id}
      className="flex w-[22rem] max-w-[calc(100vw-2rem)] items-start gap-3 rounded-xl border bg-card p-4 text-card-foreground shadow-lg"
    >
      <span className="flex size-9 shrink-0 animate-pulse items-center justify-center rounded-full bg-success/15 text-success">
        <PhoneIncomingIcon aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold">{t("callsBoard.incoming.title", { name })}</p>
        {lead.data?.company && (
          <p className="flex items-center gap-1 truncate text-sm text-muted-foreground">
            <Building2Icon aria-hidden className="size-3.5 shrink-0" /> {lead.data.company}
          </p>
        )}
        <p className="text-xs text-muted-foreground tabular-nums">
          {call.fromNumber && displayNumber(call.fromNumber)}
          {call.extensionNumber && ` · ${t("callsBoard.incoming.to", { number: call.extensionNumber })}`}
        </p>
        {call.leadId && (
          <Button asChild size="sm" className="mt-2" onClick={onDismiss}>
            <Link href={`/leads/${call.leadId}`}>{t("callsBoard.incoming.open")}</Link>
          </Button>
        )}
      </div>
      <Button variant="ghost" size="icon-sm" aria-label={t("common.close")} onClick={onDismiss}>
        <XIcon aria-hidden />
      </Button>
    </div>
  );
}
