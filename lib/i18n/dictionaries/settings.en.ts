import type { Dictionary } from "./pt-BR";

export const settingsEn: Dictionary["settings"] = {
  title: "Settings",
};
