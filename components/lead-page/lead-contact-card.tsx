"use client";

import { MailIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatRelative } from "@/components/leads/relative-time";
import { formatFull } from "@/components/tasks/format-due";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatCnpj } from "@/lib/cnpj";
import { formatPhone } from "@/lib/phone";
import type { LeadOutput } from "@/lib/schemas/lead";
import { CallButton } from "./call-button";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-baseline gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function LeadContactCard({ lead }: { lead: LeadOutput }) {
  const { t, locale } = useI18n();
  const unset = <span className="text-muted-foreground">{t("leadPage.notInformed")}</span>;
  // Server and browser render "há 3 min" a moment apart: the browser's text wins without a warning.
  const moment = (date: Date) => (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={date.toISOString()} tabIndex={0} className="outline-none focus-visible:underline" suppressHydrationWarning>
          {formatRelative(date, new Date(), locale)}
        </time>
      </TooltipTrigger>
      <TooltipContent>{formatFull(date, locale)}</TooltipContent>
    </Tooltip>
  );

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t("leadPage.contact")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 rounded-lg bg-muted/40 p-3">
          <div>
            <p className="text-xs text-muted-foreground">{t("leadPage.field.phone")}</p>
            {lead.phone ? (
              <a
                href={`tel:${lead.phone}`}
                className="text-lg font-semibold tracking-tight tabular-nums hover:underline"
                data-testid="lead-phone"
              >
                {formatPhone(lead.phone)}
              </a>
            ) : (
              <p className="text-muted-foreground">{t("leadPage.noPhone")}</p>
            )}
          </div>
          <CallButton />
        </div>
        <dl className="divide-y">
          <Row label={t("leadPage.field.email")}>
            {lead.email ? (
              <a
                href={`mailto:${lead.email}`}
                className="flex max-w-full min-w-0 items-center gap-1 text-primary hover:underline"
                aria-label={t("leadPage.sendEmail", { email: lead.email })}
              >
                <MailIcon aria-hidden className="size-3.5 shrink-0" />
                <span className="truncate">{lead.email}</span>
              </a>
            ) : (
              unset
            )}
          </Row>
          <Row label={t("leadPage.field.cnpj")}>{lead.cnpj ? <span className="tabular-nums">{formatCnpj(lead.cnpj)}</span> : unset}</Row>
          <Row label={t("leadPage.field.source")}>{t(`leads.source.${lead.source}`)}</Row>
          <Row label={t("leadPage.field.employees")}>
            {lead.employees !== null ? new Intl.NumberFormat(locale).format(lead.employees) : unset}
          </Row>
          <Row label={t("leadPage.field.createdAt")}>{moment(lead.createdAt)}</Row>
          <Row label={t("leadPage.field.lastContactAt")}>
            {lead.lastContactAt ? (
              moment(lead.lastContactAt)
            ) : (
              <span className="text-muted-foreground">{t("leadPage.neverContacted")}</span>
            )}
          </Row>
        </dl>
        {lead.notes && (
          <div>
            <p className="mb-1 text-xs text-muted-foreground">{t("leadPage.field.notes")}</p>
            <p className="text-sm whitespace-pre-wrap">{lead.notes}</p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
