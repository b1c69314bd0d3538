import { z } from "zod";
import { messageKey, type MessageKey, type Params } from "@/lib/i18n";
import { BillingMonth, INVOICE_STATUSES, InvoiceSummary, type InvoiceLineView } from "./billing";

// The console's invoices (admin.invoices): listing, the monthly run, state changes and tax rates.
// Money is bigint centavos (lib/billing/micros.ts); tax percentages travel as basis points.

/** An encoded message of the invoices area ("invoices.errors.…?count=2"), translated like messageKey's. */
export function invoicesMessage(key: Extract<MessageKey, `invoices.${string}`>, params?: Params): string {
  const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : "";
  return `${key}${query}`;
}

const id = z.uuid({ message: messageKey("invalid_id") });

export const InvoiceId = z.object({ id });
export type InvoiceId = z.infer<typeof InvoiceId>;

export const InvoiceListInput = z.object({
  month: BillingMonth.optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
  tenantId: id.optional(),
  cursor: id.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type InvoiceListInput = z.input<typeof InvoiceListInput>;

export const InvoiceListOutput = z.object({ items: InvoiceSummary.array(), nextCursor: z.string().nullable() });
export type InvoiceListOutput = z.infer<typeof InvoiceListOutput>;

/** Companies for the list's company filter (archived ones too: they have invoices). */
export const InvoiceTenantOptionsInput = z.object({
  search: z.string().trim().max(80).optional(),
  /** The company already picked: always among the options, so its name can be shown. */
  selectedId: id.optional(),
});
export const InvoiceTenantOption = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
export type InvoiceTenantOption = z.infer<typeof InvoiceTenantOption>;

// ---------------------------------------------------------------- the monthly run

export const InvoiceRunInput = z.object({ month: BillingMonth, tenantId: id.optional() });
export type InvoiceRunInput = z.infer<typeof InvoiceRunInput>;

export const InvoiceRunStarted = z.object({ runId: z.uuid(), created: z.boolean() });
export type InvoiceRunStarted = z.infer<typeof InvoiceRunStarted>;

export const InvoiceRunId = z.object({ runId: id });

export const InvoiceRunLatestInput = z.object({ month: BillingMonth });

export const INVOICE_RUN_STATUSES = ["queued", "running", "done", "failed"] as const;

/** Progress of one invoice run, as the console polls it. */
export const InvoiceRunStatus = z.object({
  id: z.uuid(),
  status: z.enum(INVOICE_RUN_STATUSES),
  month: BillingMonth,
  tenant: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Companies to invoice. */
  total: z.number().int(),
  processed: z.number().int(),
  /** Drafts written (created or replaced). */
  drafted: z.number().int(),
  /** Drafts written with calls that are unratable or not rated yet (they cannot be issued). */
  withUnratable: z.number().int(),
  /** Companies left alone: their invoice for the month is already issued or paid. */
  skipped: z.number().int(),
  /** The invoices that made companies be skipped, for the console to name them. */
  skippedInvoices: z.array(
    z.object({ id: z.uuid(), tenantName: z.string(), number: z.string().nullable(), status: z.enum(INVOICE_STATUSES) }),
  ),
  error: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type InvoiceRunStatus = z.infer<typeof InvoiceRunStatus>;

// ---------------------------------------------------------------- state changes

export const InvoiceVoidInput = z.object({
  id,
  reason: z
    .string({ message: messageKey("required") })
    .trim()
    .min(3, { message: messageKey("too_short", { min: 3 }) })
    .max(200, { message: messageKey("too_long", { max: 200 }) }),
});
export type InvoiceVoidInput = z.input<typeof InvoiceVoidInput>;

// ---------------------------------------------------------------- tax rates

/**
 * A percentage as typed: "5", "0,65", "3.65", "5 %" → basis points (hundredths of a percent: 500,
 * 65, 365, 500). At most two decimals (a basis point is the unit), from 0 to 100 %. API clients may
 * send a number.
 */
export function parsePercentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** 365 → "3,65" (pt-BR) / "3.65" (en): a tax rate shown in an input for editing, or in a table. */
export function formatBasisPoints(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(basisPoints / 100);
}

const Percent = z.union([z.string(), z.number()], { message: messageKey("required") }).transform((value, ctx) => {
  const text = String(value).trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: messageKey("required") });
    return z.NEVER;
  }
  const basisPoints = parsePercentToBasisPoints(text);
  if (basisPoints === null) {
    ctx.addIssue({ code: "custom", message: invoicesMessage("invoices.errors.tax_percent_invalid") });
    return z.NEVER;
  }
  return basisPoints;
});

const Position = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = String(value).trim();
  if (text === "") return 0;
  if (!/^\d{1,4}$/.test(text)) {
    ctx.addIssue({ code: "custom", message: invoicesMessage("invoices.errors.tax_position_invalid") });
    return z.NEVER;
  }
  return Number(text);
});

/** The tax form's fields: the percentage typed, turned into `basisPoints`. */
export const TaxRateFields = z.object({
  name: z
    .string({ message: messageKey("required") })
    .trim()
    .min(1, { message: messageKey("required") })
    .max(40, { message: messageKey("too_long", { max: 40 }) }),
  percent: Percent,
  active: z.boolean().default(true),
  position: Position.default(0),
});
export type TaxRateFormInput = z.input<typeof TaxRateFields>;
export type TaxRateFields = z.output<typeof TaxRateFields>;

export const TaxRateCreateInput = TaxRateFields;
export const TaxRateUpdateInput = z.object({ id, data: TaxRateFields });
export type TaxRateUpdateInput = z.input<typeof TaxRateUpdateInput>;

export const TaxRateOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  basisPoints: z.number().int(),
  active: z.boolean(),
  position: z.number().int(),
  updatedAt: z.date(),
});
export type TaxRateOutput = z.infer<typeof TaxRateOutput>;

// ---------------------------------------------------------------- how lines read (console, PDF, CSV)

/** Billed seconds as people read them: 45 → "45 s", 192 → "3 min 12 s", 7,384 → "2 h 03 min 04 s". */
export function formatBilledSeconds(seconds: bigint | number): string {
  const total = BigInt(seconds);
  const h = total / 3600n;
  const m = (total % 3600n) / 60n;
  const s = total % 60n;
  const two = (n: bigint) => String(n).padStart(2, "0");
  if (h > 0n) return `${h} h ${two(m)} min ${two(s)} s`;
  if (m > 0n) return `${m} min ${two(s)} s`;
  return `${s} s`;
}

/** A tax rate as a percentage: 365 → "3,65%" (pt-BR) / "3.65%" (en). */
export function formatTaxPercent(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

type LineText = Pick<InvoiceLineView, "kind" | "description" | "quantity" | "billedSeconds" | "basisPoints">;
type Translate = (key: MessageKey, params?: Params) => string;

/** "Plano Pro", "Número (11) 3000-0001", "Brasil Móvel SP", "ISS": the stored description with its kind. */
export function invoiceLineTitle(line: LineText, t: Translate): string {
  return line.kind === "plan" || line.kind === "did" ? `${t(`invoices.kind.${line.kind}`)} ${line.description}` : line.description;
}

/** The quantity column: "29 dias", "3 chamadas · 3 min 12 s tarifados", "5%". */
export function invoiceLineQuantity(line: LineText, t: Translate, locale: string): string {
  if (line.kind === "tax") return line.basisPoints === null ? "" : formatTaxPercent(line.basisPoints, locale);
  const count = line.quantity ?? 0;
  if (line.kind === "usage") {
    const calls = count === 1 ? t("invoices.detail.oneCall") : t("invoices.detail.calls", { count: count.toLocaleString(locale) });
    return line.billedSeconds === null
      ? calls
      : `${calls} · ${t("invoices.detail.billed", { duration: formatBilledSeconds(line.billedSeconds) })}`;
  }
  return count === 1 ? t("invoices.detail.oneDay") : t("invoices.detail.days", { count });
}

/** "2024-02" → "fevereiro de 2024" / "February 2024". */
export function formatBillingMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T12:00:00Z`));
}
