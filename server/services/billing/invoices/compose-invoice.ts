import { microsToCents } from "@/lib/billing/micros";
import type { InvoiceLineKind } from "@/lib/schemas/billing";
import { formatPhone } from "@/lib/phone";
import { addDays, daysBetween, daysInMonth, firstDayOf, lastDayOf, saoPauloDay } from "./billing-month";

// A month's invoice for one tenant, pure: what each line bills and the totals, in integer centavos.
// server/services/billing/README.md ("Invoices") states the rules in prose; the tests hold them to it.

export type ComposeDidAllocation = {
  didId: string;
  /** E.164 as held ("+551130000001"). */
  number: string;
  monthlyPriceCents: bigint;
  fromAt: Date;
  /** null: still held. */
  toAt: Date | null;
};

/** A month's rated charges of one destination, summed by the database (exact bigint sums). */
export type ComposeUsageGroup = {
  /** The sell rate's description; "" for charges without one (unanswered calls with no rate). */
  destination: string;
  /** Calls that billed seconds. */
  calls: number;
  billedSeconds: bigint;
  priceMicros: bigint;
};

export type ComposeTax = { name: string; basisPoints: number; position: number };

export type ComposeInvoiceInput = {
  /** "2024-02", São Paulo calendar. */
  month: string;
  tenantCreatedAt: Date;
  plan: { name: string; monthlyPriceCents: bigint };
  dids: ComposeDidAllocation[];
  usage: ComposeUsageGroup[];
  taxes: ComposeTax[];
};

export type ComposedLine = {
  position: number;
  kind: InvoiceLineKind;
  /** Language-neutral data (plan name, number, destination, tax name): the renderers add the labels. */
  description: string;
  quantity: number | null;
  billedSeconds: bigint | null;
  basisPoints: number | null;
  amountCents: bigint;
};

export type ComposedInvoice = { lines: ComposedLine[]; subtotalCents: bigint; taxCents: bigint; totalCents: bigint };

/** a × b / c for non-negative integers, rounded half up (the same as half away from zero here). */
function mulDivHalfUp(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b * 2n + c) / (2n * c);
}

/** A monthly fee for `days` of the month's `monthDays`; a full month is the fee itself, exactly. */
export function proRataCents(monthlyCents: bigint, days: number, monthDays: number): bigint {
  if (days >= monthDays) return monthlyCents;
  if (days <= 0) return 0n;
  return mulDivHalfUp(monthlyCents, BigInt(days), BigInt(monthDays));
}

/** One tax on the subtotal: subtotal × basis points / 10,000, rounded half up to the centavo. */
export function taxCents(subtotalCents: bigint, basisPoints: number): bigint {
  return mulDivHalfUp(subtotalCents, BigInt(basisPoints), 10_000n);
}

/**
 * Days of `month` the tenant was a customer: all of them, or from the São Paulo day it was created
 * when that falls inside the month; 0 when it was created after the month.
 */
export function planDays(month: string, tenantCreatedAt: Date): number {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const created = saoPauloDay(tenantCreatedAt);
  if (created > last) return 0;
  return daysBetween(created > first ? created : first, last) + 1;
}

/**
 * The São Paulo days of `month` on which a number was held at all, over every allocation of it:
 * a day counts when any part of it falls in [fromAt, toAt). A number released and taken back the
 * same day counts that day once.
 */
export function heldDays(month: string, allocations: Pick<ComposeDidAllocation, "fromAt" | "toAt">[]): number {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const days = new Set<string>();
  for (const { fromAt, toAt } of allocations) {
    if (toAt && toAt.getTime() <= fromAt.getTime()) continue;
    const from = saoPauloDay(fromAt);
    // toAt is the first instant no longer held; timestamps are milliseconds (Timestamptz(3)).
    const to = toAt ? saoPauloDay(new Date(toAt.getTime() - 1)) : last;
    for (let day = from > first ? from : first; day <= to && day <= last; day = addDays(day, 1)) days.add(day);
  }
  return days.size;
}

const collator = new Intl.Collator("pt-BR", { sensitivity: "base", numeric: true });

/**
 * The invoice's lines, in this order: the plan fee (pro rata from the day the tenant was created,
 * when that was during the month); each number held during the month, by number (pro rata by the
 * days held); usage, one line per destination by description (the group's micro-reais summed, then
 * rounded to the centavo once); then each tax on the subtotal, by position. Lines that bill nothing
 * (a number priced at zero, a destination of only unanswered calls) are left out; the plan's is
 * kept even at R$ 0, unless the tenant only became a customer after the month.
 */
export function composeInvoice(input: ComposeInvoiceInput): ComposedInvoice {
  const monthDays = daysInMonth(input.month);
  const lines: Omit<ComposedLine, "position">[] = [];

  const customerDays = planDays(input.month, input.tenantCreatedAt);
  if (customerDays > 0)
    lines.push({
      kind: "plan",
      description: input.plan.name,
      quantity: customerDays,
      billedSeconds: null,
      basisPoints: null,
      amountCents: proRataCents(input.plan.monthlyPriceCents, customerDays, monthDays),
    });

  const byDid = new Map<string, ComposeDidAllocation[]>();
  for (const allocation of input.dids) byDid.set(allocation.didId, [...(byDid.get(allocation.didId) ?? []), allocation]);
  const didLines = [...byDid.values()]
    .map((allocations) => {
      const { number, monthlyPriceCents } = allocations[0]!;
      const days = heldDays(input.month, allocations);
      return { number, days, amountCents: proRataCents(monthlyPriceCents, days, monthDays) };
    })
    .filter((did) => did.days > 0 && did.amountCents > 0n)
    .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  for (const did of didLines)
    lines.push({
      kind: "did",
      description: formatPhone(did.number),
      quantity: did.days,
      billedSeconds: null,
      basisPoints: null,
      amountCents: did.amountCents,
    });

  const usageLines = input.usage
    .map((group) => ({ ...group, amountCents: microsToCents(group.priceMicros) }))
    .filter((group) => group.amountCents > 0n)
    .sort((a, b) => collator.compare(a.destination, b.destination));
  for (const group of usageLines)
    lines.push({
      kind: "usage",
      description: group.destination || "—",
      quantity: group.calls,
      billedSeconds: group.billedSeconds,
      basisPoints: null,
      amountCents: group.amountCents,
    });

  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0n);
  const taxes = [...input.taxes].sort((a, b) => a.position - b.position || collator.compare(a.name, b.name));
  let totalTax = 0n;
  for (const tax of taxes) {
    const amountCents = taxCents(subtotalCents, tax.basisPoints);
    totalTax += amountCents;
    lines.push({ kind: "tax", description: tax.name, quantity: null, billedSeconds: null, basisPoints: tax.basisPoints, amountCents });
  }

  return {
    lines: lines.map((line, index) => ({ position: index + 1, ...line })),
    subtotalCents,
    taxCents: totalTax,
    totalCents: subtotalCents + totalTax,
  };
}
