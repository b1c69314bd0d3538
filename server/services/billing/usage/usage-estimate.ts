import { decimalToCents } from "@/lib/billing/micros";
import type { UsageEstimate, UsageRecurringFee } from "@/lib/schemas/billing-usage";
import type { TenantDb } from "@/server/db";
import { daysInMonth } from "@/server/services/billing/invoices/billing-month";
import { heldDays, planDays, proRataCents } from "@/server/services/billing/invoices/compose-invoice";

/**
 * What the month under way's invoice will roughly be before taxes: the plan's fee, each DID the
 * tenant holds now at its monthly price (both pro rata from a start during the month), plus the usage
 * so far. An estimate only: the invoice run reads the full allocation history (a DID released
 * mid-month is billed for its days there, not here) and applies the taxes.
 *
 * Reads Did.monthlyPrice and never monthlyCost: the tenant's role could read the cost of its own
 * numbers, so leaving it out is on this select.
 */
export async function usageEstimate(db: TenantDb, tenantId: string, month: string, usageCents: bigint): Promise<UsageEstimate> {
  const total = daysInMonth(month);
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { createdAt: true, plan: { select: { name: true, monthlyPrice: true } } },
  });
  const dids = await db.did.findMany({
    where: { tenantId },
    orderBy: { number: "asc" },
    select: { number: true, monthlyPrice: true, allocatedAt: true, allocations: { where: { toAt: null }, select: { fromAt: true } } },
  });

  // The invoice's own day counts and rounding (compose-invoice.ts), so the estimate is the invoice
  // the month would get if nothing changed before its end.
  const fee = (label: string, monthly: { toFixed: (digits: number) => string }, days: number): UsageRecurringFee => {
    const monthlyCents = decimalToCents(monthly.toFixed(2));
    return { label, monthlyCents, days, amountCents: proRataCents(monthlyCents, days, total) };
  };
  const plan = fee(tenant.plan.name, tenant.plan.monthlyPrice, planDays(month, tenant.createdAt));
  const didFees = dids
    .map((d) => {
      const since = d.allocations[0]?.fromAt ?? d.allocatedAt ?? new Date(0);
      return fee(d.number, d.monthlyPrice, heldDays(month, [{ fromAt: since, toAt: null }]));
    })
    // As on the invoice: a number that bills nothing (priced at zero) is no line.
    .filter((d) => d.amountCents > 0n);
  const recurringCents = didFees.reduce((sum, d) => sum + d.amountCents, plan.amountCents);
  return { daysInMonth: total, plan, dids: didFees, recurringCents, usageCents, totalCents: recurringCents + usageCents };
}
