import type { DestinationOptions } from "@/lib/schemas/numbers";
import type { TenantDb } from "@/server/db";
import { listExtensionOptions } from "./list-ring-groups";

/** Everything a DID can ring (and the hours that can split it), for the route editor's pickers. */
export async function destinationOptions(db: TenantDb): Promise<DestinationOptions> {
  const [extensions, ringGroups, trunks, businessHours] = await Promise.all([
    listExtensionOptions(db),
    db.ringGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.trunk.findMany({ select: { id: true, name: true, operatorManaged: true, enabled: true }, orderBy: { name: "asc" } }),
    db.businessHours.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { extensions, ringGroups, trunks, businessHours };
}
