/** The stages every tenant starts with (probability %, rotting days). Names are pt-BR: the product's default language. */
export const DEFAULT_PIPELINE_NAME = "Vendas";

export const DEFAULT_STAGES: readonly { name: string; probability: number; rottingDays: number | null }[] = [
  { name: "Prospecção", probability: 10, rottingDays: 14 },
  { name: "Qualificação", probability: 25, rottingDays: 14 },
  { name: "Proposta", probability: 50, rottingDays: 10 },
  { name: "Negociação", probability: 75, rottingDays: 7 },
  { name: "Fechamento", probability: 90, rottingDays: 5 },
];
