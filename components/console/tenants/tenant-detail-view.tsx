"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftIcon, ExternalLinkIcon, PencilIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AuditLog } from "@/components/console/audit/audit-log";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { availableActions } from "./tenant-actions-menu";
import { tenantHost } from "./tenant-form-fields";
import { TenantOverview } from "./tenant-overview";
import { TenantStatusBadge } from "./tenant-status-badge";
import { TenantTrunksCard } from "./tenant-trunks-card";
import { useTenantDialogs } from "./use-tenant-dialogs";

const TABS = ["overview", "audit"] as const;

/** One tenant in the console: details, usage and owners, every action, and its own audit log. */
export function TenantDetailView({ id }: { id: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tenant = useQuery(trpc.admin.tenants.get.queryOptions({ id }));
  const dialogs = useTenantDialogs({ onDeleted: () => router.push("/") });
  const tab = (TABS as readonly string[]).includes(params.get("tab") ?? "") ? params.get("tab")! : "overview";

  const back = (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link href="/">
        <ArrowLeftIcon aria-hidden /> {t("console.detail.back")}
      </Link>
    </Button>
  );
  if (tenant.isError) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        {back}
        <div role="alert" className="flex flex-col items-center gap-3 rounded-xl border p-10 text-center">
          <p>{tenant.error.data?.code === "NOT_FOUND" ? t("console.detail.notFound") : t("console.detail.loadError")}</p>
          {tenant.error.data?.code !== "NOT_FOUND" && (
            <Button variant="outline" onClick={() => void tenant.refetch()}>
              {t("common.retry")}
            </Button>
          )}
        </div>
      </div>
    );
  }
  const data = tenant.data;
  if (!data) {
    return (
      <div className="mx-auto flex max-w-6xl flex-col gap-4" aria-busy>
        {back}
        <Skeleton className="h-9 w-80" />
        <div className="grid gap-4 lg:grid-cols-2">
          <Skeleton className="h-64" />
          <Skeleton className="h-64" />
        </div>
      </div>
    );
  }

  const actions = availableActions(data);
  const origin = typeof window === "undefined" ? "" : `${window.location.protocol}//${tenantHost(data.slug)}`;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="tenant-name">
              {data.name}
            </h1>
            <TenantStatusBadge status={data.status} />
          </div>
          <a
            href={`${origin}/login`}
            className="inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
          >
            {tenantHost(data.slug)} <ExternalLinkIcon className="size-3.5" aria-hidden />
          </a>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("console.detail.actions")}>
          <Button variant="outline" onClick={() => dialogs.edit(data.id)}>
            <PencilIcon aria-hidden /> {t("console.tenants.action.edit")}
          </Button>
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === "delete" ? "destructive" : action === "support" || action === "reactivate" ? "default" : "outline"}
              onClick={() => dialogs.ask({ action, tenant: data })}
            >
              {t(`console.tenants.action.${action}`)}
            </Button>
          ))}
        </div>
      </div>

      <Tabs
        value={tab}
        onValueChange={(next) => router.replace(next === "overview" ? pathname : `${pathname}?tab=${next}`, { scroll: false })}
      >
        <TabsList>
          <TabsTrigger value="overview">{t("console.detail.tabOverview")}</TabsTrigger>
          <TabsTrigger value="audit">{t("console.detail.tabAudit")}</TabsTrigger>
        </TabsList>
        <TabsContent value="overview" className="pt-2">
          <TenantOverview
            tenant={data}
            onNewInvitation={() =>
              dialogs.invite({
                id: data.id,
                name: data.name,
                owner: data.ownerInvitation && !data.ownerInvitation.acceptedAt ? data.ownerInvitation : null,
              })
            }
          />
          <TenantTrunksCard tenantId={data.id} />
        </TabsContent>
        <TabsContent value="audit" className="pt-2">
          <AuditLog tenantId={data.id} />
        </TabsContent>
      </Tabs>
      {dialogs.dialogs}
    </div>
  );
}
