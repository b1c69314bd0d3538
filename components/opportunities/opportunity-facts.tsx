"use client";

import Link from "next/link";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useI18n } from "@/components/providers/i18n-provider";
import { formatBrl } from "@/lib/money";
import type { OpportunityDetail } from "@/lib/schemas/opportunity";

const DAY_MS = 86_400_000;

/** Format a "YYYY-MM-DD" day without shifting it through the viewer's time zone. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The facts of an opportunity and its product lines, read-only. */
export function OpportunityFacts({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const facts: [string, React.ReactNode][] = [
    [t("pipelines.field.stage"), `${o.pipeline.name} · ${o.stage.name}`],
    [t("pipelines.field.owner"), o.owner?.name ?? t("pipelines.form.ownerNone")],
    [
      t("pipelines.field.lead"),
      o.lead ? (
        <Link href={`/leads/${o.lead.id}`} className="text-primary underline-offset-4 hover:underline">
          {o.lead.name}
        </Link>
      ) : (
        "—"
      ),
    ],
    [t("pipelines.field.expectedCloseOn"), o.expectedCloseOn ? formatDay(o.expectedCloseOn, locale) : "—"],
    [t("pipelines.field.createdAt"), date.format(o.createdAt)],
  ];
  if (o.status === "open")
    facts.push([
      t("pipelines.detail.inStage"),
      t("pipelines.board.ageDays", { days: Math.floor((Date.now() - o.stageEnteredAt.getTime()) / DAY_MS) }),
    ]);
  if (o.closedAt) facts.push([t("pipelines.detail.closedAt"), date.format(o.closedAt)]);
  if (o.closeReason) facts.push([t("pipelines.field.closeReason"), o.closeReason]);

  return (
    <div className="grid gap-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {o.lines.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("pipelines.field.description")}</TableHead>
              <TableHead className="text-right">{t("pipelines.field.quantity")}</TableHead>
              <TableHead className="text-right">{t("pipelines.field.unitPrice")}</TableHead>
              <TableHead className="text-right">{t("pipelines.field.amount")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.lines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>{line.description}</TableCell>
                <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
                <TableCell className="text-right tabular-nums">{formatBrl(line.unitPrice, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatBrl(line.amount, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={3}>{t("pipelines.field.amount")}</TableCell>
              <TableCell className="text-right font-semibold tabular-nums">{formatBrl(o.value, locale)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </div>
  );
}
