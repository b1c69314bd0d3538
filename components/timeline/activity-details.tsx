"use client";

import { ArrowRightIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { TaskTypeIcon } from "@/components/tasks/task-type-icon";
import { useI18n } from "@/components/providers/i18n-provider";
import { CALL_OUTCOMES, type ActivityItem } from "@/lib/schemas/activity";
import { TASK_TYPES } from "@/lib/schemas/task";
import { formatBrl } from "@/lib/money";

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => (list.includes(v as T) ? (v as T) : null);

const DOCUMENT_EVENTS = ["proposal_sent", "proposal_viewed", "proposal_accepted", "contract_sent", "contract_signed"] as const;
const LEAD_FIELDS = [
  "name",
  "company",
  "cnpj",
  "email",
  "phone",
  "source",
  "status",
  "owner",
  "ownerId",
  "notes",
  "tags",
  "employees",
] as const;

/** The kind-specific part of an entry, read defensively from `data` (older rows may lack fields). */
export function ActivityDetails({ item }: { item: ActivityItem }) {
  const { t, locale } = useI18n();
  const data = item.data ?? {};

  switch (item.kind) {
    case "stage_change": {
      const from = str(data.fromStage);
      const to = str(data.toStage);
      if (!from && !to) return null;
      return (
        <p className="flex flex-wrap items-center gap-1.5 text-sm" data-testid="stage-change">
          <Badge variant="outline">{from ?? "—"}</Badge>
          <ArrowRightIcon aria-label="→" className="size-3.5 text-muted-foreground" />
          <Badge variant="info">{to ?? "—"}</Badge>
        </p>
      );
    }
    case "task_created":
    case "task_completed": {
      const title = str(data.title);
      const type = oneOf(TASK_TYPES, data.type);
      if (!title) return null;
      return (
        <p className="flex items-center gap-1.5 text-sm">
          {type && <TaskTypeIcon type={type} className="size-3.5 text-muted-foreground" />}
          <span className={item.kind === "task_completed" ? "line-through decoration-muted-foreground/60" : undefined}>{title}</span>
        </p>
      );
    }
    case "call": {
      const outcome = oneOf(CALL_OUTCOMES, data.outcome);
      const seconds = typeof data.durationSec === "number" ? data.durationSec : null;
      if (!outcome && seconds === null) return null;
      return (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {outcome && (
            <Badge variant={outcome === "connected" ? "success" : "secondary"}>{t(`leadPage.timeline.outcome.${outcome}`)}</Badge>
          )}
          {seconds !== null && seconds > 0 && (
            <span className="text-muted-foreground tabular-nums">
              {t("leadPage.timeline.duration", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
            </span>
          )}
        </p>
      );
    }
    case "document": {
      const event = oneOf(DOCUMENT_EVENTS, data.event);
      return event ? <p className="text-sm">{t(`leadPage.timeline.document.${event}`)}</p> : null;
    }
    case "lead_updated": {
      const fields = Array.isArray(data.fields) ? data.fields.filter((f): f is string => typeof f === "string") : [];
      if (fields.length === 0) return null;
      const label = (f: string) => {
        const known = oneOf(LEAD_FIELDS, f);
        return known ? t(`leadPage.field.${known === "ownerId" ? "owner" : known}`) : f;
      };
      return (
        <p className="text-sm text-muted-foreground">{t("leadPage.timeline.fieldsChanged", { fields: fields.map(label).join(", ") })}</p>
      );
    }
    case "lead_merged": {
      const name = str(data.mergedLeadName);
      return name ? <p className="text-sm text-muted-foreground">{t("leadPage.timeline.merged", { name })}</p> : null;
    }
    case "opportunity_created":
    case "opportunity_won":
    case "opportunity_lost":
    case "opportunity_reopened": {
      const value = typeof data.value === "string" || typeof data.value === "number" ? data.value : null;
      const reason = str(data.reason);
      return (
        <div className="text-sm">
          {value !== null && <p className="font-medium tabular-nums">{formatBrl(value, locale)}</p>}
          {reason && <p className="text-muted-foreground">{t("leadPage.timeline.reason", { reason })}</p>}
        </div>
      );
    }
    default:
      return null;
  }
}
