"use client";

import { useQuery } from "@tanstack/react-query";
import { FlaskConicalIcon, RouteIcon, RouteOffIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { RouteTestNumber, type RouteTenantOption, type RouteTestOutput } from "@/lib/schemas/outbound-route";

const NO_TENANT = "__none";

/** Type a number (and optionally a company): which route, gateways and dial strings Asterisk would use. */
export function RouteTester({ tenants, defaultTenantId }: { tenants: RouteTenantOption[]; defaultTenantId: string | null }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const numberId = useId();
  const tenantId = useId();
  const [number, setNumber] = useState("");
  const [tenant, setTenant] = useState<string | null>(defaultTenantId);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<{ number: string; tenantId: string | null } | null>(null);
  const result = useQuery(trpc.admin.routes.test.queryOptions(asked ?? { number: "" }, { enabled: asked !== null }));

  // A form, so Enter in the number runs it.
  const run = (event: FormEvent) => {
    event.preventDefault();
    const parsed = RouteTestNumber.safeParse(number);
    if (!parsed.success) {
      setError(tm(parsed.error.issues[0]?.message));
      return;
    }
    setError(null);
    setAsked({ number: parsed.data, tenantId: tenant });
  };

  return (
    <Card data-testid="route-tester">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConicalIcon className="size-4" aria-hidden /> {t("routes.tester.title")}
        </CardTitle>
        <CardDescription>{t("routes.tester.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={run} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={numberId}>{t("routes.tester.number")}</Label>
            <Input
              id={numberId}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              placeholder={t("routes.tester.numberPlaceholder")}
              inputMode="tel"
              className="font-mono"
              maxLength={40}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${numberId}-hint`}
              autoComplete="off"
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={tenantId}>{t("routes.tester.tenant")}</Label>
            <Select value={tenant ?? NO_TENANT} onValueChange={(v) => setTenant(v === NO_TENANT ? null : v)}>
              <SelectTrigger id={tenantId} className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_TENANT}>{t("routes.tester.anyTenant")}</SelectItem>
                {tenants.map((option) => (
                  <SelectItem key={option.id} value={option.id}>
                    {option.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <Button type="submit" disabled={result.isFetching}>
            {t("routes.tester.run")}
          </Button>
          <p
            id={`${numberId}-hint`}
            className={error ? "text-sm text-destructive sm:col-span-3" : "text-xs text-muted-foreground sm:col-span-3"}
            role={error ? "alert" : undefined}
          >
            {error ?? t("routes.tester.hintEnter")}
          </p>
        </form>
        {asked && result.isPending && <Skeleton className="h-24 w-full" />}
        {result.isError && <p className="text-sm text-destructive">{result.error.message}</p>}
        {asked && result.data && <TestResult result={result.data} />}
      </CardContent>
    </Card>
  );
}

function TestResult({ result }: { result: RouteTestOutput }) {
  const { t } = useI18n();
  const selected = result.selected;
  return (
    <div className="flex flex-col gap-3" aria-live="polite" data-testid="route-test-result">
      {selected ? (
        <div className="rounded-lg border p-3">
          <div className="flex flex-wrap items-center gap-2">
            <RouteIcon className="size-4 text-success" aria-hidden />
            <span className="text-sm text-muted-foreground">{t("routes.tester.selected")}:</span>
            <span className="font-mono font-semibold" data-testid="route-test-selected">
              {selected.route.name}
            </span>
            <Badge variant={selected.route.scope === "tenant" ? "info" : "secondary"}>
              {selected.route.scope === "tenant" ? t("routes.tester.scopeTenant") : t("routes.tester.scopeOperator")}
            </Badge>
            <span className="font-mono text-xs text-muted-foreground">
              {selected.route.pattern} · {t("routes.field.priority")} {selected.route.priority}
            </span>
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted-foreground">{t("routes.tester.dialled")}</dt>
            <dd className="font-mono">{selected.dialled || "—"}</dd>
            <dt className="text-muted-foreground">{t("routes.tester.callerId")}</dt>
            <dd className={selected.callerIdNumber ? "font-mono" : "text-muted-foreground"}>
              {selected.callerIdNumber ?? t("routes.tester.callerIdNone")}
            </dd>
          </dl>
          <p className="mt-3 text-xs font-medium text-muted-foreground uppercase">{t("routes.tester.gatewayOrder")}</p>
          <ol className="mt-1 flex flex-col gap-1">
            {selected.gateways.map((g) => (
              <li key={g.id} className="flex flex-wrap items-baseline gap-2 text-sm" data-testid="route-test-gateway">
                <span className="w-5 text-right text-xs text-muted-foreground tabular-nums">{g.position + 1}.</span>
                <span className="font-mono font-medium">{g.name}</span>
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs break-all" title={t("routes.tester.dialString")}>
                  {g.dialString}
                </code>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div
          className="flex items-center gap-2 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm"
          data-testid="route-test-none"
        >
          <RouteOffIcon className="size-4" aria-hidden />
          {t("routes.tester.noRoute", { number: result.number })}
        </div>
      )}
      {result.others.length > 0 && (
        <div>
          <p className="text-xs font-medium text-muted-foreground uppercase">{t("routes.tester.others")}</p>
          <ul className="mt-1 flex flex-col gap-1">
            {result.others.map((other) => (
              <li key={other.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-mono">{other.name}</span>
                <span className="font-mono text-xs text-muted-foreground">
                  {other.pattern} · {other.priority}
                </span>
                <Badge variant="outline">{t(`routes.tester.reason.${other.reason}`)}</Badge>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
