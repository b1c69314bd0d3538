// pt-BR strings of the "inventory" area; en in inventory.en.ts must have the same keys (lib/i18n/i18n.test.ts).
export const inventoryPtBR = {
  title: "Inventário",
};
