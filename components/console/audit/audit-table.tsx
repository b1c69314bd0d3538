"use client";

import { ChevronDownIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import type { AuditEntry } from "@/lib/schemas/tenant";
import { AuditChanges } from "./audit-changes";

const KINDS = ["super_admin", "member", "support", "api_key", "system"] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

export function AuditTable({
  entries,
  showTenant,
  pageSize,
}: {
  entries: AuditEntry[] | undefined;
  showTenant: boolean;
  pageSize: number;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  const columns = showTenant ? 6 : 5;
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table data-testid="audit-table">
      <TableHeader>
        <TableRow>
          <TableHead className="w-10">
            <span className="sr-only">{t("console.audit.showChanges")}</span>
          </TableHead>
          <TableHead>{t("console.audit.column.when")}</TableHead>
          {showTenant && <TableHead>{t("console.audit.column.tenant")}</TableHead>}
          <TableHead>{t("console.audit.column.actor")}</TableHead>
          <TableHead>{t("console.audit.column.action")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("console.audit.column.object")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!entries &&
          Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={columns}>
                <Skeleton className="h-6 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {entries?.map((entry) => {
          const expanded = open.has(entry.id);
          return (
            <Fragment key={entry.id}>
              <TableRow data-testid="audit-row" data-state={expanded ? "selected" : undefined}>
                <TableCell>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-expanded={expanded}
                    aria-controls={`audit-${entry.id}`}
                    aria-label={expanded ? t("console.audit.hideChanges") : t("console.audit.showChanges")}
                    onClick={() => toggle(entry.id)}
                  >
                    {expanded ? <ChevronDownIcon aria-hidden /> : <ChevronRightIcon aria-hidden />}
                  </Button>
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{date.format(entry.createdAt)}</TableCell>
                {showTenant && (
                  <TableCell>
                    {entry.tenant ? (
                      <Link href={`/tenants/${entry.tenant.id}`} className="underline-offset-4 hover:underline" title={entry.tenant.name}>
                        {entry.tenant.slug}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{t("console.audit.platform")}</span>
                    )}
                  </TableCell>
                )}
                <TableCell>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <Badge variant={entry.actorKind === "support" ? "warning" : "outline"}>
                      {isKind(entry.actorKind) ? t(`console.audit.actorKind.${entry.actorKind}`) : entry.actorKind}
                    </Badge>
                    <span className="max-w-56 truncate text-sm">{entry.actorEmail ?? "—"}</span>
                  </div>
                </TableCell>
                <TableCell className="font-mono text-xs">{entry.action}</TableCell>
                <TableCell className="hidden max-w-64 truncate text-xs text-muted-foreground lg:table-cell">
                  {entry.objectType}
                  {entry.objectId && ` · ${entry.objectId}`}
                </TableCell>
              </TableRow>
              {expanded && (
                <TableRow id={`audit-${entry.id}`} className="bg-muted/30 hover:bg-muted/30">
                  <TableCell />
                  <TableCell colSpan={columns - 1} className="py-3 whitespace-normal">
                    <AuditChanges before={entry.before} after={entry.after} />
                    {entry.ip && <p className="mt-2 text-xs text-muted-foreground">{t("console.audit.ip", { ip: entry.ip })}</p>}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
