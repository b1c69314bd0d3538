/** A BRL amount from the server ("12.5000") for display: "R$ 12,50" (pt-BR), "R$12.50" (en). */
export function formatBrl(amount: string, locale: string, fractionDigits = 2): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "BRL",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(Number(amount));
}

/** The same amount as an editable input value, with the locale's decimal mark and no grouping. */
export function moneyInputValue(amount: string, locale: string, fractionDigits = 2): string {
  const fixed = Number(amount).toFixed(fractionDigits);
  return locale === "pt-BR" ? fixed.replace(".", ",") : fixed;
}

/** A six-place per-minute amount ("0.085000") as an input value with only the decimals it needs ("0,085"). */
export function perMinuteInputValue(amount: string, locale: string): string {
  const trimmed = amount.replace(/(\.\d{2}\d*?)0+$/, "$1");
  return locale === "pt-BR" ? trimmed.replace(".", ",") : trimmed;
}
