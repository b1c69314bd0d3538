"use client";

import { MailPlusIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import type { TenantDetail } from "@/lib/schemas/tenant";
import { TenantUsage } from "./tenant-usage";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function InvitationStatus({ tenant }: { tenant: TenantDetail }) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const invitation = tenant.ownerInvitation;
  if (!invitation) return <p className="text-sm text-muted-foreground">{t("console.detail.noInvitation")}</p>;
  if (invitation.acceptedAt)
    return <p className="text-sm text-muted-foreground">{t("console.detail.invitationAccepted", { email: invitation.email })}</p>;
  const key = invitation.expired ? "console.detail.invitationExpired" : "console.detail.invitationPending";
  return (
    <p className={invitation.expired ? "text-sm text-warning" : "text-sm"} data-testid="owner-invitation-status">
      {t(key, { email: invitation.email, date: date.format(invitation.expiresAt) })}
    </p>
  );
}

/** The tenant's details, plan usage and owners; `onNewInvitation` opens the owner-invitation dialog. */
export function TenantOverview({ tenant, onNewInvitation }: { tenant: TenantDetail; onNewInvitation: () => void }) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const blockers = [
    tenant.counts.members > 0 && "members",
    tenant.counts.leads > 0 && "leads",
    tenant.usage.extensions.used > 0 && "extensions",
    tenant.usage.dids.used > 0 && "dids",
  ].filter((b): b is "members" | "leads" | "extensions" | "dids" => Boolean(b));

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t("console.detail.details")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="divide-y">
            <Row label={t("console.detail.slug")}>{tenant.slug}</Row>
            <Row label={t("console.detail.cnpj")}>{tenant.cnpj ? formatCnpj(tenant.cnpj) : "—"}</Row>
            <Row label={t("console.detail.contactEmail")}>{tenant.contactEmail ?? "—"}</Row>
            <Row label={t("console.detail.plan")}>
              {tenant.plan.archived ? t("console.form.planArchived", { name: tenant.plan.name }) : tenant.plan.name}
            </Row>
            <Row label={t("console.detail.pbxNode")}>{tenant.pbxNode?.name ?? "—"}</Row>
            <Row label={t("console.detail.createdAt")}>{date.format(tenant.createdAt)}</Row>
            {tenant.suspendedAt && <Row label={t("console.detail.suspendedAt")}>{date.format(tenant.suspendedAt)}</Row>}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("console.detail.usage")}</CardTitle>
          <CardDescription>{tenant.plan.name}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <TenantUsage usage={tenant.usage} />
          <div className="flex items-baseline justify-between text-sm">
            <span>{t("console.detail.leads")}</span>
            <span className="tabular-nums text-muted-foreground">{new Intl.NumberFormat(locale).format(tenant.counts.leads)}</span>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("console.detail.owners")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {tenant.owners.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("console.detail.noOwner")}</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {tenant.owners.map((owner) => (
                <li key={owner.email}>
                  <span className="font-medium">{owner.name}</span> <span className="text-muted-foreground">{owner.email}</span>
                </li>
              ))}
            </ul>
          )}
          <InvitationStatus tenant={tenant} />
          {tenant.status !== "archived" && (
            <div>
              <Button variant="outline" size="sm" onClick={onNewInvitation}>
                <MailPlusIcon aria-hidden /> {t("console.tenants.action.newInvitation")}
              </Button>
            </div>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("console.tenants.action.delete")}</CardTitle>
          <CardDescription>{t("console.detail.deleteRule")}</CardDescription>
        </CardHeader>
        {blockers.length > 0 && (
          <CardContent className="text-sm" data-testid="delete-blockers">
            {t("console.detail.blockedBy", { what: blockers.map((b) => t(`console.detail.blocker.${b}`)).join(", ") })}
          </CardContent>
        )}
      </Card>
    </div>
  );
}
