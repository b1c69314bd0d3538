"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/components/providers/i18n-provider";
import type { DeckOwner } from "@/lib/schemas/billing-tariffs";

export function DeckKindBadge({ kind }: { kind: "buy" | "sell" }) {
  const { t } = useI18n();
  return <Badge variant={kind === "buy" ? "warning" : "info"}>{t(`tariffs.kind.${kind}`)}</Badge>;
}

/** "Gateway vivo-sp1 · Vivo Empresas", "Plano Pro". */
export function OwnerLabel({ owner }: { owner: DeckOwner }) {
  const { t } = useI18n();
  return (
    <span className="min-w-0">
      <span className="text-muted-foreground">{t(`tariffs.ownerType.${owner.type}`)}</span>{" "}
      <span className={owner.type === "gateway" ? "font-mono" : "font-medium"}>{owner.name}</span>
      {owner.parentName && <span className="text-muted-foreground"> · {owner.parentName}</span>}
    </span>
  );
}
