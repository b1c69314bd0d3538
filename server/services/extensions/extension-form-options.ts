import type { TenantDb } from "@/server/db";

/** What the extension and trunk forms offer: the tenant's DIDs (caller ids) and the members still without an extension. */
export async function extensionFormOptions(
  db: TenantDb,
): Promise<{ dids: string[]; membersWithoutExtension: { id: string; name: string }[] }> {
  const [dids, members] = await Promise.all([
    db.did.findMany({ select: { number: true }, orderBy: { number: "asc" } }),
    db.membership.findMany({
      where: { extensions: { none: {} } },
      select: { id: true, user: { select: { name: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
  ]);
  return { dids: dids.map((d) => d.number), membersWithoutExtension: members.map((m) => ({ id: m.id, name: m.user.name })) };
}
