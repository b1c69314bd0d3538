"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import type { MessageKey } from "@/lib/i18n";
import { formatPhone } from "@/lib/phone";
import type { LeadOutput } from "@/lib/schemas/lead";
import type { LeadColumn } from "@/lib/schemas/lead-view";
import { LeadStatusBadge } from "./lead-status-badge";
import { formatRelative } from "./relative-time";
import { ScoreBadge } from "@/components/scoring/score-badge";

const dash = <span className="text-muted-foreground">—</span>;

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return dash;
  const shown = tags.slice(0, 3);
  return (
    <div className="flex max-w-56 flex-wrap gap-1" title={tags.join(", ")}>
      {shown.map((tag) => (
        <span key={tag} className="rounded-sm bg-secondary px-1.5 py-0.5 text-xs text-secondary-foreground">
          {tag}
        </span>
      ))}
      {tags.length > shown.length && <span className="text-xs text-muted-foreground">+{tags.length - shown.length}</span>}
    </div>
  );
}

/** The content of one cell of the leads table, by column (the name column is the table's own). */
export function useLeadCell(): (column: Exclude<LeadColumn, "name">, lead: LeadOutput) => ReactNode {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" });
  const now = new Date();
  return (column, lead) => {
    switch (column) {
      case "company":
        return lead.company ?? dash;
      case "phone":
        return lead.phone ? <span className="whitespace-nowrap tabular-nums">{formatPhone(lead.phone)}</span> : dash;
      case "email":
        return lead.email ? <span className="block max-w-56 truncate">{lead.email}</span> : dash;
      case "owner":
        return lead.owner?.name ?? <span className="text-muted-foreground">{t("leads.ownerNone")}</span>;
      case "status":
        return <LeadStatusBadge status={lead.status} />;
      case "source":
        return t(`leads.source.${lead.source}`);
      case "score":
        return <ScoreBadge score={lead.score} details={lead.scoreDetails} scoredAt={lead.scoredAt} />;
      case "tags":
        return <Tags tags={lead.tags} />;
      case "lastContact":
        return lead.lastContactAt ? (
          <time dateTime={lead.lastContactAt.toISOString()} title={full.format(lead.lastContactAt)} className="whitespace-nowrap">
            {formatRelative(lead.lastContactAt, now, locale)}
          </time>
        ) : (
          <span className="text-muted-foreground">{t("leads.never")}</span>
        );
      case "created":
        return (
          <time dateTime={lead.createdAt.toISOString()} className="whitespace-nowrap text-muted-foreground">
            {date.format(lead.createdAt)}
          </time>
        );
    }
  };
}

/** The line under a lead's name: company (when it has no column of its own) and CNPJ. */
export function leadSubtitle(lead: LeadOutput, companyShown: boolean): string {
  return [companyShown ? null : lead.company, lead.cnpj && formatCnpj(lead.cnpj)].filter(Boolean).join(" · ");
}

export const COLUMN_LABEL = {
  name: "leads.field.name",
  company: "leads.field.company",
  phone: "leads.field.phone",
  email: "leads.field.email",
  owner: "leads.field.owner",
  status: "leads.field.status",
  source: "leads.field.source",
  score: "leads.field.score",
  tags: "leads.field.tags",
  lastContact: "leads.field.lastContact",
  created: "leads.field.createdAt",
} as const satisfies Record<LeadColumn, MessageKey>;
