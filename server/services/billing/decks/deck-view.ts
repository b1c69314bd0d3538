import type { DeckOwner, DeckSummary } from "@/lib/schemas/billing-tariffs";
import type { Prisma } from "@/prisma/generated/client";

export const deckSelect = {
  id: true,
  name: true,
  kind: true,
  createdAt: true,
  updatedAt: true,
  provider: { select: { id: true, name: true } },
  gateway: { select: { id: true, name: true } },
  plan: { select: { id: true, name: true } },
  tenant: { select: { id: true, name: true } },
  currentVersion: { select: { id: true, number: true, rateCount: true } },
} satisfies Prisma.RateDeckSelect;

export type DeckRow = Prisma.RateDeckGetPayload<{ select: typeof deckSelect }>;

/** Whose deck it is: a gateway's (under its provider), a provider's, a tenant's or a plan's. */
export function deckOwner(row: Pick<DeckRow, "provider" | "gateway" | "plan" | "tenant">): DeckOwner {
  if (row.gateway) return { type: "gateway", id: row.gateway.id, name: row.gateway.name, parentName: row.provider?.name ?? null };
  if (row.provider) return { type: "provider", id: row.provider.id, name: row.provider.name, parentName: null };
  if (row.tenant) return { type: "tenant", id: row.tenant.id, name: row.tenant.name, parentName: null };
  if (row.plan) return { type: "plan", id: row.plan.id, name: row.plan.name, parentName: null };
  // The RateDeck_owner CHECK makes every deck have one of them.
  throw new Error("rate deck without an owner");
}

export function toDeckSummary(row: DeckRow): DeckSummary {
  const version = row.currentVersion;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    owner: deckOwner(row),
    currentVersion: version ? { id: version.id, number: version.number } : null,
    rateCount: version?.rateCount ?? 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
