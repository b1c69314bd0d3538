export const telephonyPtBR = {
  title: "Telefonia",
  subtitle: "Ramais, troncos, números e a sincronização com o PABX.",
  tabs: {
    extensions: "Ramais",
    trunks: "Troncos",
    numbers: "Números",
    ringGroups: "Grupos de toque",
    hours: "Horários",
    sync: "Sincronização",
  },
};
