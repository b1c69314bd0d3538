"use client";

import { useI18n } from "@/components/providers/i18n-provider";
import type { DestinationOutput } from "@/lib/schemas/numbers";

/** "Ramal: 1001 · Ana Souza", "Grupo de toque: Vendas", or "Número indisponível". */
export function DestinationText({ destination }: { destination: DestinationOutput }) {
  const { t } = useI18n();
  const type = t(`numbers.destination.${destination.type}`);
  if (destination.type === "unavailable") return <span className="text-muted-foreground">{type}</span>;
  return (
    <span>
      <span className="text-muted-foreground">{type}:</span> <span className="font-medium">{destination.label}</span>
    </span>
  );
}

/** The same as plain text, for sentences ("Fora do horário: …"). */
export function destinationString(destination: DestinationOutput, t: ReturnType<typeof useI18n>["t"]): string {
  const type = t(`numbers.destination.${destination.type}`);
  return destination.type === "unavailable" ? type : `${type} ${destination.label ?? ""}`.trim();
}
