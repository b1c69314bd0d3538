"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TrunkOutput } from "@/lib/schemas/trunk";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** One trunk's settings at a glance; `badges` and `actions` come from the page (tenant or console). */
export function TrunkCard({ trunk, badges, actions }: { trunk: TrunkOutput; badges?: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card data-testid={`trunk-${trunk.name}`} className={trunk.enabled ? undefined : "opacity-75"}>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{trunk.name}</span>
          <Badge variant="secondary">{t(`telephony.trunks.mode.${trunk.authMode}`)}</Badge>
          {!trunk.enabled && <Badge variant="warning">{t("telephony.trunks.disabled")}</Badge>}
          {badges}
        </CardTitle>
        <CardDescription className="font-mono text-xs">{trunk.endpoint}</CardDescription>
        {actions && <CardAction className="flex flex-wrap gap-1">{actions}</CardAction>}
      </CardHeader>
      <CardContent>
        <dl className="divide-y">
          {trunk.authMode === "ip" ? (
            <Row label={t("telephony.trunks.addresses")}>
              <span className="font-mono text-xs">{trunk.ipMatches.join(", ")}</span>
              <span className="block text-xs text-muted-foreground">
                → {trunk.host}:{trunk.port}
              </span>
            </Row>
          ) : (
            <Row label={t("telephony.trunks.sipUser")}>
              <span className="font-mono text-xs">{trunk.endpoint}</span>
            </Row>
          )}
          <Row label={t("telephony.trunks.codecsShort")}>
            <span className="font-mono text-xs">{trunk.codecs.join(", ")}</span>
          </Row>
          <Row label={t("telephony.trunks.field.channelLimit")}>{t("telephony.trunks.channels", { count: trunk.channelLimit })}</Row>
          <Row label={t("telephony.trunks.field.callerIdPolicy")}>
            {t(`telephony.trunks.callerIdPolicy.${trunk.callerIdPolicy}`)}
            {trunk.callerIdPolicy === "fixed" && trunk.callerIdNumber ? ` · ${trunk.callerIdNumber}` : ""}
          </Row>
        </dl>
      </CardContent>
    </Card>
  );
}
