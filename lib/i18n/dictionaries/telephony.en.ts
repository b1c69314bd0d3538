import type { Dictionary } from "./pt-BR";

export const telephonyEn: Dictionary["telephony"] = {
  title: "Telephony",
  subtitle: "Extensions, trunks, numbers and the sync with the PBX.",
  tabs: {
    extensions: "Extensions",
    trunks: "Trunks",
    numbers: "Numbers",
    ringGroups: "Ring groups",
    hours: "Business hours",
    sync: "Sync",
  },
};
