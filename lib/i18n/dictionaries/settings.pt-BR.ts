// pt-BR strings of the "settings" area; en in settings.en.ts must have the same keys (lib/i18n/i18n.test.ts).
export const settingsPtBR = {
  title: "Configurações",
};
