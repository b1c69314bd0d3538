import type { TenantDb } from "@/server/db";
import { foldHeader } from "./suggest-mapping";

export type OwnerLookup = { ownerId: string } | { problem: "unknown" | "ambiguous" };
export type OwnerDirectory = (text: string) => OwnerLookup;

/** Member names compared without case, accents, spaces or punctuation; e-mails without case. */
const foldName = foldHeader;

/** Pure: resolves an owner cell to a member by e-mail, else by name (a name two members share is ambiguous). */
export function ownerDirectoryOf(members: { id: string; name: string; email: string }[]): OwnerDirectory {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const byName = new Map<string, string | null>();
  for (const m of members) {
    const key = foldName(m.name);
    byName.set(key, byName.has(key) ? null : m.id);
  }
  return (text) => {
    const id = byEmail.get(text.trim().toLowerCase());
    if (id) return { ownerId: id };
    const named = byName.get(foldName(text));
    if (named === undefined) return { problem: "unknown" };
    return named === null ? { problem: "ambiguous" } : { ownerId: named };
  };
}

/** The tenant's members (RLS keeps other tenants' out). */
export async function loadOwnerDirectory(db: TenantDb): Promise<OwnerDirectory> {
  const rows = await db.membership.findMany({ select: { id: true, user: { select: { name: true, email: true } } } });
  return ownerDirectoryOf(rows.map((r) => ({ id: r.id, name: r.user.name, email: r.user.email })));
}
