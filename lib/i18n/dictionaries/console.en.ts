import type { Dictionary } from "./pt-BR";

export const consoleEn: Dictionary["console"] = {
  title: "Operator console",
};
