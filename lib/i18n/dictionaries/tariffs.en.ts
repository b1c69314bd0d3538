import type { Dictionary } from "./pt-BR";

export const tariffsEn: Dictionary["tariffs"] = {
  title: "Tariffs",
};
