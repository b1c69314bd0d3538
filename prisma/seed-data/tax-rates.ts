import type { Prisma } from "../generated/client";

// The taxes a Brazilian service invoice carries, as percentages of the subtotal (see
// server/services/billing/README.md for how they are rounded). Platform-level, console's role.
const TAXES = [
  { name: "ISS", basisPoints: 500, position: 1 },
  { name: "PIS", basisPoints: 65, position: 2 },
  { name: "COFINS", basisPoints: 300, position: 3 },
];

/** Idempotent: a tax that exists by name is left as the operator set it. */
export async function seedTaxRates(tx: Prisma.TransactionClient): Promise<number> {
  let added = 0;
  for (const tax of TAXES) {
    if (await tx.taxRate.findUnique({ where: { name: tax.name }, select: { id: true } })) continue;
    await tx.taxRate.create({ data: tax });
    added++;
  }
  return added;
}
