import { randomInt } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { getDictionary, translateMessage, type Locale } from "@/lib/i18n";
import { ownerQuery } from "@/server/testing/owner-db";
import { unique, type Caller } from "@/server/routers/admin/inventory/inventory-test-kit";

// Arrangements for the routes tests. Operator routes are shared by every tenant (and by test files
// running at the same time), so each test file's routes dial numbers of their own: a random
// `*<4 digits>` prefix no realistic route (or the demo seed) can match.

export function starPrefix(): string {
  return `*${randomInt(1000, 9999)}`;
}

/** A company on a plan of its own, with or without the `route_overrides` feature. */
export async function routeTenant(overrides: boolean): Promise<{ id: string; slug: string; name: string; planId: string }> {
  const code = unique("rplan");
  const [plan] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "maxUsers", "maxExtensions", "maxDids", "maxConcurrentCalls", features, "updatedAt")
     VALUES (gen_random_uuid(), $1, $1, 0, 5, 5, 5, 2, $2, now()) RETURNING id`,
    [code, overrides ? ["route_overrides"] : []],
  );
  const slug = unique("r");
  const name = `Routes test ${slug}`;
  const [tenant] = await ownerQuery<{ id: string }>(
    `INSERT INTO "Tenant" (id, slug, name, "planId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [slug, name, plan!.id],
  );
  return { id: tenant!.id, slug, name, planId: plan!.id };
}

export type TestGateway = { id: string; name: string; techPrefix: string | null };

/** A provider and `count` gateways (the first ones with the tech prefixes given). */
export async function routeGateways(root: Caller, techPrefixes: (string | null)[]): Promise<TestGateway[]> {
  const provider = await root.admin.inventory.providers.create({ name: unique("Routes provider") });
  const gateways: TestGateway[] = [];
  for (const [i, techPrefix] of techPrefixes.entries()) {
    const gateway = await root.admin.inventory.gateways.create({
      providerId: provider.id,
      name: unique(`rgw${i}`),
      host: `gw${i}-${randomInt(1_000_000)}.routes.example`,
      codecs: ["alaw"],
      techPrefix: techPrefix ?? "",
    });
    gateways.push({ id: gateway.id, name: gateway.name, techPrefix: gateway.techPrefix });
  }
  return gateways;
}

export async function routeRows(where: string, params: unknown[]) {
  return ownerQuery<{ id: string; name: string; priority: number; enabled: boolean }>(
    `SELECT id, name, priority, enabled FROM "OutboundRoute" WHERE ${where} ORDER BY priority, name`,
    params,
  );
}

/** The message a person sees for a refused call, as the error formatter translates it. */
export function shown(error: TRPCError, locale: Locale = "en"): string {
  const raw = error.cause instanceof ZodError ? (error.cause.issues[0]?.message ?? "") : error.message;
  const text = translateMessage(getDictionary(locale), raw);
  if (text === raw && raw.includes(".errors.")) throw new Error(`untranslated message ${raw}`);
  return text;
}
