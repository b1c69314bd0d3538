"use client";

import { ArrowDownIcon, ArrowUpIcon, PlusIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";
import { CODECS } from "@/lib/telephony/allow-list";

type Codec = (typeof CODECS)[number];

/** The codecs in order of preference: move with the arrow buttons, add from the ones left, remove with ×. */
export function CodecOrderInput({ value, onChange }: { value: string[]; onChange: (value: Codec[]) => void }) {
  const { t } = useI18n();
  const chosen = value.filter((c): c is Codec => (CODECS as readonly string[]).includes(c));
  const rest = CODECS.filter((c) => !chosen.includes(c));
  const move = (index: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-2">
      <ol className="flex flex-col gap-1" aria-label={t("telephony.trunks.field.codecs")}>
        {chosen.map((codec, index) => (
          <li key={codec} className="flex items-center gap-1 rounded-md border px-2 py-1 text-sm">
            <span className="w-5 text-muted-foreground tabular-nums">{index + 1}.</span>
            <span className="flex-1 font-mono">{codec}</span>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-7"
              disabled={index === 0}
              aria-label={t("telephony.trunks.moveUp", { codec })}
              onClick={() => move(index, -1)}
            >
              <ArrowUpIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-7"
              disabled={index === chosen.length - 1}
              aria-label={t("telephony.trunks.moveDown", { codec })}
              onClick={() => move(index, 1)}
            >
              <ArrowDownIcon aria-hidden />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="size-7"
              aria-label={`${t("common.delete")} ${codec}`}
              onClick={() => onChange(chosen.filter((c) => c !== codec))}
            >
              <XIcon aria-hidden />
            </Button>
          </li>
        ))}
      </ol>
      {rest.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {rest.map((codec) => (
            <Button key={codec} type="button" variant="outline" size="sm" onClick={() => onChange([...chosen, codec])}>
              <PlusIcon aria-hidden /> {codec}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
