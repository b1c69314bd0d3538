"use client";

import { CheckCircle2Icon, XCircleIcon } from "lucide-react";
import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/components/providers/i18n-provider";
import { dialPatternMessage } from "@/lib/schemas/outbound-route";
import { matchesDialPattern, parseDialPattern } from "@/lib/telephony/dial-pattern";

/** Live check of the pattern being typed: the parser's reason, or whether a sample number matches. */
export function PatternPreview({ pattern }: { pattern: string }) {
  const { t, tm } = useI18n();
  const [sample, setSample] = useState("5511999990000");
  const id = useId();
  const trimmed = pattern.replace(/^ +| +$/g, "");
  if (trimmed === "") return null;
  const parsed = parseDialPattern(trimmed);
  if (!parsed.ok) {
    return (
      <p className="text-sm text-destructive" aria-live="polite" data-testid="pattern-reason">
        {tm(dialPatternMessage(parsed.error))}
      </p>
    );
  }
  const matches = sample !== "" && matchesDialPattern(trimmed, sample);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite" data-testid="pattern-preview">
      <label htmlFor={id} className="text-muted-foreground">
        {t("routes.preview.label")}
      </label>
      <Input
        id={id}
        value={sample}
        onChange={(e) => setSample(e.target.value.replace(/[^0-9+*#]/g, ""))}
        className="h-7 w-40 font-mono text-xs"
        inputMode="tel"
        maxLength={32}
      />
      {sample !== "" &&
        (matches ? (
          <span className="inline-flex items-center gap-1 text-success">
            <CheckCircle2Icon className="size-4" aria-hidden /> {t("routes.preview.matches", { number: sample })}
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 text-muted-foreground">
            <XCircleIcon className="size-4" aria-hidden /> {t("routes.preview.noMatch", { number: sample })}
          </span>
        ))}
    </div>
  );
}
