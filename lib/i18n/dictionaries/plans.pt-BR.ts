// pt-BR strings of the "plans" area; en in plans.en.ts must have the same keys (lib/i18n/i18n.test.ts).
export const plansPtBR = {
  title: "Planos",
};
