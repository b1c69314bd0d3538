import type { Dictionary } from "./pt-BR";

export const inventoryEn: Dictionary["inventory"] = {
  title: "Inventory",
};
