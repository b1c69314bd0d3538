"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatRelative } from "@/components/leads/relative-time";
import type { PbxConnection } from "@/server/routers/admin/pbx/pbx-node-connection";

const TONE = {
  connected: "success",
  connecting: "warning",
  disconnected: "danger",
  auth_failed: "danger",
  maintenance: "secondary",
  unknown: "outline",
} as const;

/** A node's AMI connection for the console: the state, and (with `detail`) why it is down and since when. */
export function ConnectionBadge({ connection, detail = false }: { connection: PbxConnection; detail?: boolean }) {
  const { t, locale } = useI18n();
  const now = new Date();
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge
        variant={TONE[connection.state]}
        data-testid="pbx-connection"
        data-state={connection.state}
        title={connection.reason ?? undefined}
      >
        <span aria-hidden className="size-1.5 rounded-full bg-current" />
        {t(`routes.pbx.health.${connection.state}`)}
      </Badge>
      {detail && (
        <span className="flex flex-col text-xs text-muted-foreground">
          {connection.reason && (
            <span data-testid="pbx-connection-reason">{t("routes.pbx.health.reason", { reason: connection.reason })}</span>
          )}
          {connection.since && <span>{t("routes.pbx.health.since", { time: formatRelative(connection.since, now, locale) })}</span>}
          {connection.state !== "connected" && connection.attempts > 0 && (
            <span>{t("routes.pbx.health.attempts", { count: connection.attempts })}</span>
          )}
          {connection.nextRetryAt && (
            <span>{t("routes.pbx.health.nextRetry", { time: formatRelative(connection.nextRetryAt, now, locale) })}</span>
          )}
          {connection.source === "database" && <span>{t("routes.pbx.health.fromDatabase")}</span>}
        </span>
      )}
    </span>
  );
}
