"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatRelative } from "@/components/leads/relative-time";
import type { PbxHealth, PbxNodeStatus } from "@/lib/schemas/pbx";

type Tone = "success" | "warning" | "danger" | "secondary" | "outline";

const TONE: Record<string, Tone> = {
  connected: "success",
  connecting: "warning",
  reconnecting: "warning",
  disconnected: "danger",
  auth_failed: "danger",
  closed: "outline",
  idle: "outline",
  unknown: "outline",
  maintenance: "secondary",
};

export type PbxHealthBadgeProps = {
  /** PbxNode.status as stored (what every app instance agrees on). */
  status: PbxNodeStatus;
  /** This instance's live view of the AMI connection, when it holds one: more precise than `status`. */
  health?: PbxHealth;
  /** Adds the last error and the next retry under the badge. */
  showDetail?: boolean;
};

/** The PBX node's connection: connected, reconnecting, disconnected (with why), maintenance. */
export function PbxHealthBadge({ status, health = null, showDetail = false }: PbxHealthBadgeProps) {
  const { t, locale } = useI18n();
  // An operator's maintenance flag wins over what the connection says.
  const state = status === "maintenance" ? "maintenance" : (health?.state ?? status);
  const label = t(`pbx.health.${state}` as "pbx.health.connected");
  const error = health?.lastError ?? null;
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge variant={TONE[state] ?? "outline"} data-testid="pbx-health" data-state={state} title={error ?? undefined}>
        <span aria-hidden className="size-1.5 rounded-full bg-current" />
        {label}
      </Badge>
      {showDetail && state !== "connected" && (error || health?.nextRetryAt) && (
        <span className="text-xs text-muted-foreground">
          {error && t("pbx.health.lastError", { error })}
          {error && health?.nextRetryAt && " · "}
          {health?.nextRetryAt && t("pbx.health.nextRetry", { time: formatRelative(health.nextRetryAt, new Date(), locale) })}
        </span>
      )}
    </span>
  );
}
