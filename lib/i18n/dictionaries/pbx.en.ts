import type { Dictionary } from "./pt-BR";

export const pbxEn: Dictionary["pbx"] = {
  title: "PBX",
};
