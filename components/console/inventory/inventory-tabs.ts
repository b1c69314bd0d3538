// Shared by the page (a server component, which reads ?tab=) and the client view.
export const INVENTORY_TABS = ["dids", "providers", "gateways", "pbxNodes"] as const;
export type InventoryTab = (typeof INVENTORY_TABS)[number];

export function inventoryTab(requested: unknown): InventoryTab {
  return (INVENTORY_TABS as readonly unknown[]).includes(requested) ? (requested as InventoryTab) : "dids";
}
