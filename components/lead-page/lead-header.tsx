"use client";

import { useQuery } from "@tanstack/react-query";
import { Building2Icon, PencilIcon } from "lucide-react";
import { ScoreBadge } from "@/components/scoring/score-badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { LEAD_STATUSES, type LeadOutput } from "@/lib/schemas/lead";
import { LeadTagsEditor } from "./lead-tags-editor";
import { useLeadUpdate } from "./use-lead-update";

const NO_OWNER = "__none";

type Props = { lead: LeadOutput; readOnly: boolean; onEdit: () => void };

export function LeadHeader({ lead, readOnly, onEdit }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { update } = useLeadUpdate(lead.id);
  // Whom this viewer may give the lead to: the same rule as tasks (reps: only themselves).
  const assignable = useQuery({ ...trpc.tasks.assignees.queryOptions(), enabled: !readOnly, staleTime: 60_000 }).data;
  const owners = [...(assignable?.members ?? [])];
  if (lead.owner && !owners.some((m) => m.id === lead.owner!.id)) owners.unshift(lead.owner);

  return (
    <header className="flex flex-col gap-4 rounded-xl border bg-card p-5 shadow-xs lg:flex-row lg:items-start lg:justify-between">
      <div className="flex min-w-0 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="lead-name">
            {lead.name}
          </h1>
          <ScoreBadge score={lead.score} details={lead.scoreDetails} scoredAt={lead.scoredAt} />
        </div>
        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          <Building2Icon aria-hidden className="size-4" />
          {lead.company ?? t("leadPage.noCompany")}
        </p>
        <LeadTagsEditor tags={lead.tags} readOnly={readOnly} onChange={(tags) => update({ tags }, { tags })} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="lead-status" className="text-xs text-muted-foreground">
            {t("leadPage.status")}
          </Label>
          <Select
            value={lead.status}
            disabled={readOnly}
            onValueChange={(v) => update({ status: v as LeadOutput["status"] }, { status: v as LeadOutput["status"] })}
          >
            <SelectTrigger id="lead-status" className="w-40" data-testid="lead-status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {LEAD_STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`leads.status.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="lead-owner" className="text-xs text-muted-foreground">
            {t("leadPage.owner")}
          </Label>
          <Select
            value={lead.owner?.id ?? NO_OWNER}
            disabled={readOnly}
            onValueChange={(v) => {
              const ownerId = v === NO_OWNER ? null : v;
              update({ ownerId }, { owner: owners.find((m) => m.id === ownerId) ?? null });
            }}
          >
            <SelectTrigger id="lead-owner" className="w-48" data-testid="lead-owner">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={NO_OWNER}>{t("leadPage.ownerNone")}</SelectItem>
              {owners.map((m) => (
                <SelectItem key={m.id} value={m.id}>
                  {m.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        {!readOnly && (
          <Button variant="outline" onClick={onEdit}>
            <PencilIcon aria-hidden /> {t("leadPage.edit")}
          </Button>
        )}
      </div>
    </header>
  );
}
