import { Prisma } from "@/prisma/generated/client";
import { invoicesMessage, type TaxRateFields, type TaxRateOutput } from "@/lib/schemas/billing-invoices";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ComposeTax } from "./compose-invoice";

// Tax percentages added to invoices (ISS, PIS/COFINS…). An invoice copies them as its own tax lines
// when it is drafted, so editing or deleting a tax never changes an invoice already made; the
// next run of a month picks up the change for drafts.

const select = { id: true, name: true, basisPoints: true, active: true, position: true, updatedAt: true } as const;

export async function listTaxRates(db: TenantDb): Promise<TaxRateOutput[]> {
  return db.taxRate.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select });
}

/** The taxes an invoice run applies when none are given. */
export async function loadActiveTaxes(db: TenantDb): Promise<ComposeTax[]> {
  return db.taxRate.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { name: true, basisPoints: true, position: true },
  });
}

function nameTakenError(): AppError {
  const message = invoicesMessage("invoices.errors.tax_name_taken");
  return new AppError("CONFLICT", message, { fieldErrors: { name: [message] } });
}

/** The unique index backs the check up when two requests race. */
function nameTaken(error: unknown): never {
  throw error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" ? nameTakenError() : error;
}

const notFound = () => new AppError("NOT_FOUND", invoicesMessage("invoices.errors.tax_not_found"));

export async function createTaxRate(db: TenantDb, fields: TaxRateFields): Promise<TaxRateOutput> {
  const { percent, ...rest } = fields;
  // A failed insert would abort the request's transaction: check the name first.
  if (await db.taxRate.findFirst({ where: { name: { equals: rest.name, mode: "insensitive" } }, select: { id: true } }))
    throw nameTakenError();
  return db.taxRate.create({ data: { ...rest, basisPoints: percent }, select }).catch(nameTaken);
}

export async function updateTaxRate(
  db: TenantDb,
  id: string,
  fields: TaxRateFields,
): Promise<{ before: TaxRateOutput; after: TaxRateOutput }> {
  const before = await db.taxRate.findUnique({ where: { id }, select });
  if (!before) throw notFound();
  const { percent, ...rest } = fields;
  const clash = await db.taxRate.findFirst({
    where: { name: { equals: rest.name, mode: "insensitive" }, id: { not: id } },
    select: { id: true },
  });
  if (clash) throw nameTakenError();
  const after = await db.taxRate.update({ where: { id }, data: { ...rest, basisPoints: percent }, select }).catch(nameTaken);
  return { before, after };
}

export async function deleteTaxRate(db: TenantDb, id: string): Promise<TaxRateOutput> {
  const before = await db.taxRate.findUnique({ where: { id }, select });
  if (!before) throw notFound();
  await db.taxRate.delete({ where: { id } });
  return before;
}
