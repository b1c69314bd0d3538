import type { z } from "zod";
import { getDictionary, translate, type Locale } from "@/lib/i18n";
import { EXPORT_MAX, type LeadExportInput } from "@/lib/schemas/lead";
import type { TenantDb } from "@/server/db";
import type { CrmViewer } from "@/server/services/crm/access";
import { leadFilterWhere } from "./lead-filter-where";
import { toCsv, type CsvCell } from "./leads-csv";
import { leadOrderBy } from "./list-leads";

type ExportInput = z.output<typeof LeadExportInput>;

function dateFormatter(timeZone: string | undefined): (d: Date | null) => string | null {
  let zone = "UTC";
  try {
    if (timeZone) zone = new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
  } catch {
    // An unknown zone name: fall back to UTC rather than fail the export.
  }
  // sv-SE formats as "2026-03-01 14:05", which every spreadsheet reads as a date and time.
  const format = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, dateStyle: "short", timeStyle: "short" });
  return (d) => (d ? format.format(d) : null);
}

/**
 * Every lead matching the filters that the viewer may see (not just the page on screen), in the
 * list's order, as CSV in the user's language. Past EXPORT_MAX rows the file holds the first
 * EXPORT_MAX and says it was cut (`truncated`), so the UI can tell the user to narrow the filters.
 */
export async function exportLeads(db: TenantDb, viewer: CrmViewer, input: ExportInput, locale: Locale) {
  const rows = await db.lead.findMany({
    where: leadFilterWhere(input, viewer),
    orderBy: leadOrderBy(input.sort),
    take: EXPORT_MAX + 1,
    select: {
      name: true,
      company: true,
      cnpj: true,
      email: true,
      phone: true,
      status: true,
      source: true,
      ownerId: true,
      score: true,
      tags: true,
      employees: true,
      lastContactAt: true,
      createdAt: true,
    },
  });
  const truncated = rows.length > EXPORT_MAX;
  const kept = truncated ? rows.slice(0, EXPORT_MAX) : rows;
  const owners = new Map(
    (await db.membership.findMany({ select: { id: true, user: { select: { name: true } } } })).map((m) => [m.id, m.user.name]),
  );
  const dict = getDictionary(locale);
  const t = (key: Parameters<typeof translate>[1]) => translate(dict, key);
  const date = dateFormatter(input.timeZone);
  const header: CsvCell[] = [
    t("leads.field.name"),
    t("leads.field.company"),
    t("leads.field.cnpj"),
    t("leads.field.email"),
    t("leads.field.phone"),
    t("leads.field.status"),
    t("leads.field.source"),
    t("leads.field.owner"),
    t("leads.field.score"),
    t("leads.field.tags"),
    t("leads.field.employees"),
    t("leads.field.lastContact"),
    t("leads.field.createdAt"),
  ];
  const body = kept.map((lead): CsvCell[] => [
    lead.name,
    lead.company,
    lead.cnpj,
    lead.email,
    lead.phone ? { raw: lead.phone } : null,
    t(`leads.status.${lead.status}`),
    t(`leads.source.${lead.source}`),
    lead.ownerId ? (owners.get(lead.ownerId) ?? null) : null,
    lead.score,
    lead.tags.join("|"),
    lead.employees,
    date(lead.lastContactAt),
    date(lead.createdAt),
  ]);
  return { csv: toCsv([header, ...body], locale === "pt-BR" ? ";" : ","), rows: kept.length, truncated };
}
