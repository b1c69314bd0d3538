"use client";

import { useQuery } from "@tanstack/react-query";
import { PhoneIcon } from "lucide-react";
import { useParams } from "next/navigation";
import { PlaceCallButton } from "@/components/calls/place-call-button";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

type Props = {
  /** The lead; when left out, the lead of the page (`/leads/[id]`), read from the query the page keeps fresh. */
  lead?: { id: string; name: string; phone: string | null };
};

/**
 * Click-to-call from the lead page: rings the rep's own extension, then the lead; the floating
 * in-call panel follows the call. Without a phone there is nothing to dial — a disabled button
 * gets neither focus nor hover, so a focusable wrapper carries the tooltip that says why.
 */
export function CallButton({ lead: given }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const params = useParams<{ id?: string }>();
  const id = given?.id ?? params.id ?? "";
  const fetched = useQuery({ ...trpc.leads.get.queryOptions({ id }), enabled: !given && !!id });
  const lead = given ?? fetched.data;

  if (lead?.phone) {
    return (
      <PlaceCallButton
        leadId={lead.id}
        size="lg"
        className="px-6 text-base [&_svg:not([class*='size-'])]:size-5"
        label={t("leadPage.call")}
        panelLabel={lead.name}
        testId="call-button"
      />
    );
  }
  const reason = lead ? t("callsBoard.callNoPhone") : t("common.loading");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span
          tabIndex={0}
          aria-label={`${t("leadPage.call")}: ${reason}`}
          className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <Button size="lg" disabled className="pointer-events-none px-6 text-base" data-testid="call-button" tabIndex={-1}>
            <PhoneIcon aria-hidden className="size-5" /> {t("leadPage.call")}
          </Button>
        </span>
      </TooltipTrigger>
      <TooltipContent>{reason}</TooltipContent>
    </Tooltip>
  );
}
