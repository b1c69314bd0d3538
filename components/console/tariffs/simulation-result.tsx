"use client";

import { CircleCheckIcon, RouteIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatPhone } from "@/lib/phone";
import { formatIncrement, type SimulatedSide, type SimulateOutput } from "@/lib/schemas/billing-tariffs";
import { formatEffective, formatRate, formatSeconds } from "./tariff-format";

/** What the simulator found: both sides' deck and rate, billed seconds and amounts, and the charge. */
export function SimulationResult({ result }: { result: SimulateOutput }) {
  const { t, locale } = useI18n();
  const charge = result.charge;
  const money = (micros: bigint | null) => (micros === null ? "—" : formatRate(micros, locale));
  const percent =
    charge.marginBasisPoints === null
      ? null
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(charge.marginBasisPoints / 10_000);
  return (
    <div className="flex flex-col gap-4" data-testid="simulation-result">
      <Card>
        <CardContent className="flex flex-col gap-2 text-sm">
          <p>
            <span className="font-medium">{t("tariffs.simulator.matchedAs", { number: result.number })}</span>
            {result.validNumber ? (
              <span className="text-muted-foreground"> · {formatPhone(`+${result.number}`)}</span>
            ) : (
              <span className="text-warning"> · {t("tariffs.simulator.notE164")}</span>
            )}
          </p>
          <p className="text-muted-foreground">
            {result.tenant.name} · {formatEffective(result.at, locale)} · {formatSeconds(result.answeredSec, locale)}
          </p>
          <p className="flex items-start gap-2">
            <RouteIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="flex flex-col gap-0.5">
              {result.route ? (
                <span>
                  {t("tariffs.simulator.route")}: <span className="font-mono">{result.route.name}</span>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{result.route.pattern}</span>
                </span>
              ) : (
                <span className="text-muted-foreground">{t("tariffs.simulator.noRoute")}</span>
              )}
              {result.gateway && (
                <span>
                  {t("tariffs.simulator.gateway")}: <span className="font-mono">{result.gateway.name}</span> ({result.gateway.providerName},{" "}
                  {result.gatewaySource === "chosen" ? t("tariffs.simulator.gatewayChosen") : t("tariffs.simulator.gatewayFromRoute")})
                </span>
              )}
            </span>
          </p>
        </CardContent>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <SideCard title={t("tariffs.simulator.sell")} side={result.sell} testId="simulation-sell" />
        <SideCard title={t("tariffs.simulator.buy")} side={result.buy} testId="simulation-buy" />
      </div>

      <Card data-testid="simulation-charge">
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            {charge.status === "rated" ? (
              <Badge variant="success">
                <CircleCheckIcon aria-hidden /> {t("tariffs.simulator.rated")}
              </Badge>
            ) : (
              <Badge variant="danger">
                <TriangleAlertIcon aria-hidden /> {t("tariffs.simulator.unratable")}
              </Badge>
            )}
            {charge.destination && <span className="text-base font-medium">{charge.destination}</span>}
          </CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {charge.unratableReason && (
            <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
              {t(`tariffs.simulator.reason.${charge.unratableReason}`)}
            </p>
          )}
          <dl className="grid grid-cols-3 gap-3 text-center">
            <Amount label={t("tariffs.simulator.price")} value={money(charge.priceMicros)} />
            <Amount label={t("tariffs.simulator.cost")} value={money(charge.costMicros)} />
            <Amount
              label={t("tariffs.simulator.margin")}
              value={money(charge.marginMicros)}
              note={percent ? t("tariffs.simulator.marginPercent", { percent }) : undefined}
              negative={charge.marginMicros !== null && charge.marginMicros < 0n}
            />
          </dl>
          {result.answeredSec === 0 && <p className="text-sm text-muted-foreground">{t("tariffs.simulator.unansweredNote")}</p>}
          <p className="text-xs text-muted-foreground">{t("tariffs.simulator.stored")}</p>
        </CardContent>
      </Card>
    </div>
  );
}

function Amount({ label, value, note, negative }: { label: string; value: string; note?: string; negative?: boolean }) {
  return (
    <div className="rounded-md border p-3">
      <dt className="text-xs text-muted-foreground uppercase">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${negative ? "text-destructive" : ""}`}>{value}</dd>
      {note && <dd className="text-xs text-muted-foreground">{note}</dd>}
    </div>
  );
}

function SideCard({ title, side, testId }: { title: string; side: SimulatedSide; testId: string }) {
  const { t, locale } = useI18n();
  const rate = side.rate;
  const row = (label: string, value: ReactNode) => (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{value}</dd>
    </>
  );
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {row(
            t("tariffs.simulator.deck"),
            side.deck ? (
              <Link href={`/tariffs/${side.deck.id}`} className="underline-offset-4 hover:underline">
                {side.deck.name} · {t("tariffs.versionShort", { number: side.deck.versionNumber })}
              </Link>
            ) : (
              <span className="text-destructive">{t("tariffs.simulator.noDeck")}</span>
            ),
          )}
          {side.deck &&
            row(
              t("tariffs.simulator.rate"),
              rate ? (
                <span>
                  <span className="font-mono font-medium">{rate.prefix}</span> · {rate.description}
                  <span className="block text-muted-foreground tabular-nums">
                    {t("tariffs.rates.perMinute", { price: formatRate(rate.pricePerMinuteMicros, locale) })}
                    {rate.connectionFeeMicros > 0n &&
                      ` ${t("tariffs.rates.fee", { fee: formatRate(rate.connectionFeeMicros, locale) })}`} ·{" "}
                    <span className="font-mono">{formatIncrement(rate)}</span>
                  </span>
                  <span className="block text-xs text-muted-foreground">
                    {formatEffective(rate.effectiveFrom, locale)} →{" "}
                    {rate.effectiveTo ? formatEffective(rate.effectiveTo, locale) : t("tariffs.open")}
                  </span>
                </span>
              ) : (
                <span className="text-destructive">{t("tariffs.simulator.noRate")}</span>
              ),
            )}
          {rate && row(t("tariffs.simulator.billed"), <span className="tabular-nums">{formatSeconds(side.billedSeconds, locale)}</span>)}
          {rate &&
            row(
              t("tariffs.simulator.charge"),
              <span className="font-medium tabular-nums">{formatRate(side.chargeMicros ?? 0n, locale)}</span>,
            )}
        </dl>
      </CardContent>
    </Card>
  );
}
