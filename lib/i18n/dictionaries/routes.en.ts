import type { Dictionary } from "./pt-BR";

export const routesEn: Dictionary["routes"] = {
  title: "Outbound routes",
};
