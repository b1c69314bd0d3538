// pt-BR strings of the "console" area; en in console.en.ts must have the same keys (lib/i18n/i18n.test.ts).
export const consolePtBR = {
  title: "Console do operador",
};
