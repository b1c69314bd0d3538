import type { DeckOwnerType, OwnerOption } from "@/lib/schemas/billing-tariffs";
import { tariffsError } from "@/lib/schemas/billing-tariffs";
import type { Prisma } from "@/prisma/generated/client";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";

/** The RateDeck columns that name an owner (a gateway's deck also names the gateway's provider). */
export type OwnerColumns = { providerId?: string; gatewayId?: string; planId?: string; tenantId?: string };

export type ResolvedOwner = { type: DeckOwnerType; id: string; name: string; columns: OwnerColumns };

const ownerNotFound = () =>
  new AppError("NOT_FOUND", tariffsError("owner_not_found"), { fieldErrors: { ownerId: [tariffsError("owner_not_found")] } });

export async function resolveOwner(db: TenantDb, type: DeckOwnerType, id: string): Promise<ResolvedOwner> {
  switch (type) {
    case "provider": {
      const row = await db.provider.findUnique({ where: { id }, select: { id: true, name: true } });
      if (!row) throw ownerNotFound();
      return { type, id, name: row.name, columns: { providerId: id } };
    }
    case "gateway": {
      const row = await db.gateway.findUnique({ where: { id }, select: { id: true, name: true, providerId: true } });
      if (!row) throw ownerNotFound();
      return { type, id, name: row.name, columns: { providerId: row.providerId, gatewayId: id } };
    }
    case "plan": {
      const row = await db.plan.findUnique({ where: { id }, select: { id: true, name: true } });
      if (!row) throw ownerNotFound();
      return { type, id, name: row.name, columns: { planId: id } };
    }
    case "tenant": {
      const row = await db.tenant.findUnique({ where: { id }, select: { id: true, name: true } });
      if (!row) throw ownerNotFound();
      return { type, id, name: row.name, columns: { tenantId: id } };
    }
  }
}

/** The deck an owner already has: one per owner (the partial unique indexes say the same). */
export function ownerDeckWhere(type: DeckOwnerType, id: string): Prisma.RateDeckWhereInput {
  switch (type) {
    case "provider":
      return { kind: "buy", providerId: id, gatewayId: null };
    case "gateway":
      return { gatewayId: id };
    case "plan":
      return { planId: id };
    case "tenant":
      return { tenantId: id };
  }
}

const LIMIT = 50;

/**
 * Who can own a deck of a type, each with the deck it already has: the create dialog greys those
 * out, and the simulator picks tenants and gateways from the same list. Tenants can be many, so
 * they come 50 at a time by name search; the others are short lists.
 */
export async function listOwnerOptions(db: TenantDb, type: DeckOwnerType, search?: string): Promise<OwnerOption[]> {
  const name = search ? { contains: search, mode: "insensitive" as const } : undefined;
  const deck = { select: { id: true, name: true }, take: 1 } as const;
  switch (type) {
    case "provider": {
      const rows = await db.provider.findMany({
        where: { name },
        orderBy: { name: "asc" },
        take: LIMIT,
        select: { id: true, name: true, rateDecks: { ...deck, where: { gatewayId: null } } },
      });
      return rows.map((r) => ({ type, id: r.id, name: r.name, parentName: null, deck: r.rateDecks[0] ?? null }));
    }
    case "gateway": {
      const rows = await db.gateway.findMany({
        where: name ? { OR: [{ name }, { provider: { name } }] } : {},
        orderBy: { name: "asc" },
        take: LIMIT,
        select: { id: true, name: true, provider: { select: { name: true } }, rateDecks: deck },
      });
      return rows.map((r) => ({ type, id: r.id, name: r.name, parentName: r.provider.name, deck: r.rateDecks[0] ?? null }));
    }
    case "plan": {
      const rows = await db.plan.findMany({
        where: { name },
        orderBy: { name: "asc" },
        take: LIMIT,
        select: { id: true, name: true, rateDecks: deck },
      });
      return rows.map((r) => ({ type, id: r.id, name: r.name, parentName: null, deck: r.rateDecks[0] ?? null }));
    }
    case "tenant": {
      const rows = await db.tenant.findMany({
        where: name ? { OR: [{ name }, { slug: name }] } : {},
        orderBy: { name: "asc" },
        take: LIMIT,
        select: { id: true, name: true, rateDecks: deck },
      });
      return rows.map((r) => ({ type, id: r.id, name: r.name, parentName: null, deck: r.rateDecks[0] ?? null }));
    }
  }
}
