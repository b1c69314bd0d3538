"use client";

import { ArrowDownIcon, ArrowUpIcon, XIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { ROUTE_MAX_GATEWAYS } from "@/lib/schemas/outbound-route";

export type GatewayChoice = { id: string; name: string; techPrefix: string | null; provider: { name: string } };

type Props = {
  /** Gateway ids in failover order. */
  value: string[];
  onChange: (ids: string[]) => void;
  gateways: GatewayChoice[];
  invalid?: boolean;
  id?: string;
};

function move(list: string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The route's gateways in failover order: add from a list, reorder with buttons, remove. */
export function GatewayOrderPicker({ value, onChange, gateways, invalid, id }: Props) {
  const { t } = useI18n();
  const byId = new Map(gateways.map((g) => [g.id, g]));
  const available = gateways.filter((g) => !value.includes(g.id));
  const full = value.length >= ROUTE_MAX_GATEWAYS;

  return (
    <div className="flex flex-col gap-2" data-testid="gateway-order">
      {value.length === 0 ? (
        <p className={cn("rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground", invalid && "border-destructive")}>
          {t("routes.gatewayPicker.none")}
        </p>
      ) : (
        <ol className="flex flex-col gap-1.5">
          {value.map((gatewayId, index) => {
            const gateway = byId.get(gatewayId);
            const name = gateway?.name ?? gatewayId;
            return (
              <li
                key={gatewayId}
                className="flex items-center gap-2 rounded-md border bg-card px-2 py-1.5 text-sm"
                data-testid="gateway-order-row"
              >
                <span className="w-5 text-right text-xs text-muted-foreground tabular-nums">{index + 1}.</span>
                <span className="flex-1 truncate">
                  <span className="font-mono font-medium">{name}</span>
                  {gateway && <span className="text-xs text-muted-foreground"> · {gateway.provider.name}</span>}
                  {gateway?.techPrefix && (
                    <Badge variant="outline" className="ml-2 font-mono">
                      {gateway.techPrefix}
                    </Badge>
                  )}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  disabled={index === 0}
                  onClick={() => onChange(move(value, index, index - 1))}
                  aria-label={t("routes.gatewayPicker.up", { name })}
                >
                  <ArrowUpIcon aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  disabled={index === value.length - 1}
                  onClick={() => onChange(move(value, index, index + 1))}
                  aria-label={t("routes.gatewayPicker.down", { name })}
                >
                  <ArrowDownIcon aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  onClick={() => onChange(value.filter((v) => v !== gatewayId))}
                  aria-label={t("routes.gatewayPicker.remove", { name })}
                >
                  <XIcon aria-hidden />
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <Select value="" onValueChange={(gatewayId) => onChange([...value, gatewayId])} disabled={full || available.length === 0}>
        <SelectTrigger id={id} className="w-full" aria-invalid={invalid || undefined}>
          <SelectValue placeholder={full ? t("routes.gatewayPicker.full", { max: ROUTE_MAX_GATEWAYS }) : t("routes.gatewayPicker.add")} />
        </SelectTrigger>
        <SelectContent>
          {available.map((g) => (
            <SelectItem key={g.id} value={g.id}>
              <span className="font-mono">{g.name}</span> <span className="text-muted-foreground">· {g.provider.name}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
