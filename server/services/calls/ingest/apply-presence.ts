import type { PresenceChange } from "@/asterisk/events/types";
import type { TenantDb } from "@/server/db";

export type PresenceWrite = { extensionNumber: string; change: PresenceChange };

/**
 * Writes what the PBX reports about the tenant's phones, only where it changed, and answers the
 * extensions whose `registered` flipped (what the board shows). Extension.updatedAt is left alone on
 * purpose: it is the extension's configuration date, and a registration is not a config change.
 */
export async function applyPresence(
  db: TenantDb,
  writes: readonly PresenceWrite[],
): Promise<Array<{ extensionNumber: string; registered: boolean }>> {
  if (writes.length === 0) return [];
  const current = new Map(
    (
      await db.extension.findMany({
        where: { number: { in: writes.map((w) => w.extensionNumber) } },
        select: { number: true, registered: true, contactUri: true },
      })
    ).map((row) => [row.number, row]),
  );
  const changed = writes
    .map((w) => ({
      number: w.extensionNumber,
      registered: w.change.registered,
      // PeerStatus reports a phone reachable without naming its contact: the one known stays.
      uri: w.change.registered ? (w.change.contactUri?.slice(0, 200) ?? current.get(w.extensionNumber)?.contactUri ?? null) : null,
    }))
    .filter((w) => {
      const row = current.get(w.number);
      return row !== undefined && (row.registered !== w.registered || row.contactUri !== w.uri);
    });
  if (changed.length === 0) return [];
  await db.$executeRaw`
    UPDATE "Extension" e SET
      registered = v.registered,
      "contactUri" = v.uri,
      "registeredChangedAt" = CASE WHEN e.registered IS DISTINCT FROM v.registered THEN now() ELSE e."registeredChangedAt" END
    FROM unnest(${changed.map((c) => c.number)}::text[], ${changed.map((c) => c.registered)}::boolean[], ${changed.map((c) => c.uri)}::text[])
      AS v(number, registered, uri)
    WHERE e.number = v.number`;
  return changed
    .filter((c) => current.get(c.number)!.registered !== c.registered)
    .map((c) => ({ extensionNumber: c.number, registered: c.registered }));
}
