"use client";

import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatBrl } from "@/lib/money";
import type { OpportunityOutput } from "@/lib/schemas/opportunity";
import { formatDay } from "./opportunity-facts";
import { OpportunityStatusBadge } from "./opportunity-status-badge";

type Props = { items: OpportunityOutput[] | undefined; pageSize: number; onOpen: (o: OpportunityOutput) => void };

export function OpportunitiesTable({ items, pageSize, onOpen }: Props) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <Table data-testid="opportunities-table">
      <TableHeader>
        <TableRow>
          <TableHead>{t("pipelines.field.title")}</TableHead>
          <TableHead className="text-right">{t("pipelines.field.value")}</TableHead>
          <TableHead>{t("pipelines.field.status")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("pipelines.field.stage")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("pipelines.field.owner")}</TableHead>
          <TableHead className="hidden lg:table-cell">{t("pipelines.field.expectedCloseOn")}</TableHead>
          <TableHead className="hidden xl:table-cell">{t("pipelines.field.createdAt")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {!items &&
          Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
            <TableRow key={i} aria-hidden>
              <TableCell colSpan={7}>
                <Skeleton className="h-6 w-full" />
              </TableCell>
            </TableRow>
          ))}
        {items?.map((o) => (
          <TableRow key={o.id} data-testid="opportunity-row">
            <TableCell className="max-w-80">
              <button
                type="button"
                className="text-left font-medium underline-offset-4 hover:underline focus-visible:underline focus-visible:outline-none"
                onClick={() => onOpen(o)}
              >
                {o.title}
              </button>
              {o.lead && <div className="truncate text-xs text-muted-foreground">{o.lead.name}</div>}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{formatBrl(o.value, locale)}</TableCell>
            <TableCell>
              <OpportunityStatusBadge status={o.status} />
              {o.closeReason && <div className="max-w-40 truncate text-xs text-muted-foreground">{o.closeReason}</div>}
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <div>{o.stage.name}</div>
              <div className="text-xs text-muted-foreground">{o.pipeline.name}</div>
            </TableCell>
            <TableCell className="hidden lg:table-cell">{o.owner?.name ?? "—"}</TableCell>
            <TableCell className="hidden whitespace-nowrap lg:table-cell">
              {o.expectedCloseOn ? formatDay(o.expectedCloseOn, locale) : "—"}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">{date.format(o.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
