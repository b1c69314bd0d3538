"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckIcon, MinusIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/lib/cn";
import { PLAN_FEATURES } from "@/lib/schemas/plan";
import type { PlanOverview } from "@/lib/schemas/settings";
import { LoadError } from "./load-error";
import { UsageBar, usageTone } from "./usage-bar";

const RESOURCES = ["users", "extensions", "dids"] as const;

function UsageRow({ resource, used, limit }: { resource: (typeof RESOURCES)[number]; used: number; limit: number }) {
  const { t } = useI18n();
  const tone = usageTone(used, limit);
  const label = t(`settings.plan.${resource}`);
  return (
    <li className="flex flex-col gap-2" data-testid={`usage-${resource}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className="flex items-center gap-2 text-sm tabular-nums">
          {tone !== "normal" && (
            <Badge variant={tone === "full" ? "danger" : "warning"}>
              <AlertTriangleIcon aria-hidden />
              {tone === "full" ? t("settings.plan.atLimit") : t("settings.plan.nearLimit")}
            </Badge>
          )}
          {t("settings.plan.usedOf", { used, limit })}
        </span>
      </div>
      <UsageBar used={used} limit={limit} label={label} />
      {resource === "users" && <p className="text-xs text-muted-foreground">{t("settings.plan.usersHint")}</p>}
    </li>
  );
}

function PlanSummary({ data }: { data: PlanOverview }) {
  const { t, locale } = useI18n();
  const price = new Intl.NumberFormat(locale, { style: "currency", currency: "BRL" }).format(Number(data.plan.monthlyPrice));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("settings.plan.title", { name: data.plan.name })}</h2>
        </CardTitle>
        <CardDescription className="text-base text-foreground tabular-nums">{t("settings.plan.perMonth", { price })}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <h3 className="text-sm font-medium">{t("settings.plan.features")}</h3>
        <ul className="flex flex-col gap-2 text-sm">
          {PLAN_FEATURES.map((feature) => {
            const included = data.plan.features.includes(feature);
            return (
              <li
                key={feature}
                className={cn("flex items-center gap-2", !included && "text-muted-foreground line-through decoration-muted-foreground/40")}
              >
                {included ? <CheckIcon className="size-4 text-success" aria-hidden /> : <MinusIcon className="size-4" aria-hidden />}
                <span>
                  {t(`settings.plan.feature.${feature}`)}
                  <span className="sr-only">{included ? " ✓" : " —"}</span>
                </span>
              </li>
            );
          })}
          <li className="flex items-center gap-2">
            <CheckIcon className="size-4 text-success" aria-hidden />
            {t("settings.plan.concurrentCalls", { count: data.plan.maxConcurrentCalls })}
          </li>
        </ul>
        <p className="text-sm text-muted-foreground">{t("settings.plan.changePlan")}</p>
      </CardContent>
    </Card>
  );
}

export function PlanUsageCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const overview = useQuery(trpc.settings.plan.get.queryOptions());

  if (overview.isError) {
    return (
      <Card>
        <LoadError onRetry={() => void overview.refetch()} />
      </Card>
    );
  }
  const data = overview.data;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {data ? <PlanSummary data={data} /> : <Skeleton className="h-72 w-full rounded-xl" />}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("settings.plan.usageTitle")}</h2>
          </CardTitle>
          <CardDescription>{t("settings.plan.usageDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          {data ? (
            <ul className="flex flex-col gap-6">
              {RESOURCES.map((r) => (
                <UsageRow key={r} resource={r} used={data.usage[r].used} limit={data.usage[r].limit} />
              ))}
            </ul>
          ) : (
            <div className="flex flex-col gap-6">
              {RESOURCES.map((r) => (
                <Skeleton key={r} className="h-10 w-full" />
              ))}
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
