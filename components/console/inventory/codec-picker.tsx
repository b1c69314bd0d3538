"use client";

import type { ComponentProps } from "react";
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, XIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { CODECS } from "@/lib/schemas/inventory";

type Props = { value: string[]; onChange: (codecs: string[]) => void } & Omit<ComponentProps<"div">, "onChange">;

/** The chosen codecs in preference order (reorder with the arrows), then the ones left to add. */
export function CodecPicker({ value, onChange, ...props }: Props) {
  const { t } = useI18n();
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  const available = CODECS.filter((codec) => !value.includes(codec));
  return (
    // FormControl hands its id and aria attributes to this group.
    <div role="group" className="flex flex-col gap-2" {...props}>
      <ol className="flex flex-col gap-1" data-testid="codecs-selected">
        {value.map((codec, index) => (
          <li key={codec} className="flex items-center gap-2 rounded-md border px-2 py-1">
            <span className="w-5 text-xs text-muted-foreground tabular-nums">{index + 1}.</span>
            <span className="flex-1 font-mono text-sm">{codec}</span>
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              disabled={index === 0}
              onClick={() => move(index, -1)}
              aria-label={t("inventory.gateways.moveUp", { codec })}
            >
              <ArrowUpIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              disabled={index === value.length - 1}
              onClick={() => move(index, 1)}
              aria-label={t("inventory.gateways.moveDown", { codec })}
            >
              <ArrowDownIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              onClick={() => onChange(value.filter((c) => c !== codec))}
              aria-label={t("inventory.gateways.removeCodec", { codec })}
            >
              <XIcon aria-hidden />
            </Button>
          </li>
        ))}
      </ol>
      {available.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {available.map((codec) => (
            <Badge key={codec} variant="outline" asChild>
              <button
                type="button"
                className="cursor-pointer font-mono"
                onClick={() => onChange([...value, codec])}
                aria-label={t("inventory.gateways.addCodec", { codec })}
              >
                <PlusIcon aria-hidden /> {codec}
              </button>
            </Badge>
          ))}
        </div>
      )}
    </div>
  );
}
