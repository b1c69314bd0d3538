import type { z } from "zod";
import type { PlanCreateInput, PlanOutput } from "@/lib/schemas/plan";
import { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { planCodeTaken } from "./plan-errors";
import { planSelect, toPlanOutput } from "./plan-output";

type CreateData = z.output<typeof PlanCreateInput>;

export async function createPlan(db: TenantDb, data: CreateData): Promise<PlanOutput> {
  if (await db.plan.findUnique({ where: { code: data.code }, select: { id: true } })) throw planCodeTaken();
  try {
    return toPlanOutput(await db.plan.create({ data, select: planSelect }));
  } catch (error) {
    // Two operators creating the same code at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw planCodeTaken();
    throw error;
  }
}
