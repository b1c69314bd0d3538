"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon, RouteIcon, TriangleAlertIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/console/inventory/confirm-dialog";
import { EmptyState, LoadError, SkeletonRows } from "@/components/console/inventory/list-states";
import type { RouteOutput } from "@/lib/schemas/outbound-route";
import { RouteFormDialog } from "./route-form-dialog";
import { RouteTester } from "./route-tester";
import { RoutesTable } from "./routes-table";
import { useRouteListMutations } from "./use-route-list-mutations";

const OPERATOR = "operator";

/** /routes: one scope's routes at a time (the operator's, or one company's overrides) and the tester. */
export function RoutesView({ initialScope }: { initialScope: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [scope, setScope] = useState<string>(initialScope ?? OPERATOR);
  const tenantId = scope === OPERATOR ? null : scope;
  const [editing, setEditing] = useState<RouteOutput | "new" | null>(null);
  const [deleting, setDeleting] = useState<RouteOutput | null>(null);
  const tenants = useQuery(trpc.admin.routes.tenants.queryOptions()).data ?? [];
  const gateways = useQuery(trpc.admin.inventory.gateways.list.queryOptions({}));
  const list = useQuery(trpc.admin.routes.list.queryOptions({ tenantId }));
  const { reorder, setEnabled, remove } = useRouteListMutations(tenantId);
  const tenant = tenants.find((option) => option.id === tenantId) ?? null;
  const scopeLabel = tenant ? t("routes.scope.tenant", { name: tenant.name }) : t("routes.scope.operator");
  const noGateways = gateways.data?.length === 0;
  const cannotCreate = noGateways || (tenant !== null && !tenant.overridesAllowed);

  const changeScope = (value: string) => {
    setScope(value);
    // The scope lives in the address, so a reload or a shared link opens the same one.
    const url = new URL(window.location.href);
    if (value === OPERATOR) url.searchParams.delete("scope");
    else url.searchParams.set("scope", value);
    window.history.replaceState(null, "", url);
  };

  const routes = list.data;
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("routes.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("routes.subtitle")}</p>
      </div>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="route-scope">{t("routes.scope.label")}</Label>
          <Select value={scope} onValueChange={changeScope}>
            <SelectTrigger id="route-scope" className="w-full sm:w-80" data-testid="route-scope">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={OPERATOR}>{t("routes.scope.operator")}</SelectItem>
              {tenants.map((option) => (
                <SelectItem key={option.id} value={option.id}>
                  {option.name}
                  <span className="text-xs text-muted-foreground">
                    {" "}
                    ·{" "}
                    {option.overridesAllowed
                      ? t("routes.scope.overridesCount", { count: option.overrides })
                      : t("routes.scope.planFeatureOff")}
                  </span>
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <Button
          onClick={() => setEditing("new")}
          disabled={cannotCreate}
          title={noGateways ? t("routes.needGateway") : tenant && !tenant.overridesAllowed ? t("routes.scope.noPlanFeature") : undefined}
        >
          <PlusIcon aria-hidden /> {t("routes.new")}
        </Button>
      </div>

      <Card className="gap-0 py-0" aria-busy={list.isFetching}>
        <CardHeader className="border-b py-4">
          <CardTitle>{scopeLabel}</CardTitle>
          <CardDescription>{tenant ? t("routes.scope.tenantHint") : t("routes.scope.operatorHint")}</CardDescription>
          {tenant && !tenant.overridesAllowed && (
            <p role="note" className="mt-2 flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
              <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden /> {t("routes.scope.noPlanFeature")}
            </p>
          )}
        </CardHeader>
        {list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : !routes ? (
          <Table>
            <TableBody>
              <SkeletonRows rows={4} columns={8} />
            </TableBody>
          </Table>
        ) : routes.length === 0 ? (
          <EmptyState
            icon={RouteIcon}
            testId="routes-empty"
            text={noGateways ? t("routes.needGateway") : tenant ? t("routes.emptyTenant") : t("routes.emptyOperator")}
            action={
              !cannotCreate && (
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon aria-hidden /> {t("routes.new")}
                </Button>
              )
            }
          />
        ) : (
          <RoutesTable
            routes={routes}
            busy={reorder.isPending}
            onReorder={(ids) => reorder.mutate({ tenantId, ids })}
            onToggle={(route, enabled) => setEnabled.mutate({ id: route.id, enabled })}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        )}
      </Card>

      <RouteTester key={tenantId ?? OPERATOR} tenants={tenants} defaultTenantId={tenantId} />

      <RouteFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        route={editing === "new" ? null : editing}
        scope={{ tenantId, label: scopeLabel }}
        gateways={gateways.data ?? []}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t("routes.deleteConfirmTitle", { name: deleting?.name ?? "" })}
        body={t("routes.deleteConfirmBody")}
        confirmLabel={t("common.delete")}
        destructive
        pending={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id }, { onSettled: () => setDeleting(null) })}
      />
    </div>
  );
}
