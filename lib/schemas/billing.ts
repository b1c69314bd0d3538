import { z } from "zod";

// Contracts shared by the billing areas (issue 7). Each area keeps its own inputs in
// lib/schemas/billing-<area>.ts; what two areas exchange lives here. Money is bigint: micro-reais
// for rates and charges, centavos for invoices (lib/billing/micros.ts). superjson carries bigint.

export const INVOICE_STATUSES = ["draft", "issued", "paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_LINE_KINDS = ["plan", "did", "usage", "tax"] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

export const RATE_DECK_KINDS = ["buy", "sell"] as const;
export type RateDeckKind = (typeof RATE_DECK_KINDS)[number];

export const UNRATABLE_REASONS = ["no_sell_deck", "no_sell_rate", "no_buy_deck", "no_buy_rate"] as const;

/** "2026-10": a billing month in the São Paulo calendar. */
export const BillingMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "billing.errors.invalid_month" });

export const InvoiceLineView = z.object({
  position: z.number().int(),
  kind: z.enum(INVOICE_LINE_KINDS),
  description: z.string(),
  /** plan/did: days billed; usage: calls; tax: null. */
  quantity: z.number().int().nullable(),
  billedSeconds: z.bigint().nullable(),
  basisPoints: z.number().int().nullable(),
  amountCents: z.bigint(),
});
export type InvoiceLineView = z.infer<typeof InvoiceLineView>;

/** An invoice as both the tenant and the console see it (no cost or margin: the tenant may read it). */
export const InvoiceView = z.object({
  id: z.uuid(),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), cnpj: z.string().nullable() }),
  /** "2026-10". */
  month: BillingMonth,
  number: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
  currency: z.string(),
  subtotalCents: z.bigint(),
  taxCents: z.bigint(),
  totalCents: z.bigint(),
  unratableCalls: z.number().int(),
  generatedAt: z.date(),
  issuedAt: z.date().nullable(),
  dueAt: z.string().nullable(),
  paidAt: z.date().nullable(),
  voidedAt: z.date().nullable(),
  voidReason: z.string().nullable(),
  lines: InvoiceLineView.array(),
});
export type InvoiceView = z.infer<typeof InvoiceView>;

/** A row of an invoice list (no lines). */
export const InvoiceSummary = InvoiceView.omit({ lines: true });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;
