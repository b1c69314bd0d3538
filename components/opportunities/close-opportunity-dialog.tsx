"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { LOST_REASONS } from "@/lib/schemas/opportunity";

type Props = {
  /** The opportunity to close, or null when the dialog is shut. */
  opportunity: { id: string; title: string } | null;
  outcome: "won" | "lost";
  onOpenChange: (open: boolean) => void;
  /** Called with the reason (required when lost; an optional note when won). */
  onConfirm: (reason: string) => void;
  pending?: boolean;
};

/** Win (optional note) or lose (a reason: one of the common ones, or typed) an opportunity. */
export function CloseOpportunityDialog({ opportunity, outcome, onOpenChange, onConfirm, pending = false }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const errorId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opportunity) {
      setReason("");
      setError(null);
    }
  }, [opportunity]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (outcome === "lost" && !text) return setError(t("pipelines.errors.reason_required"));
    if (text.length > 200) return setError(t("errors.too_long", { max: 200 }));
    onConfirm(text);
  }

  const lost = outcome === "lost";
  return (
    <Dialog open={opportunity !== null} onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent className="sm:max-w-md">
        <form onSubmit={submit} noValidate className="grid gap-4" data-testid={lost ? "lose-form" : "win-form"}>
          <DialogHeader>
            <DialogTitle>
              {t(lost ? "pipelines.close.loseTitle" : "pipelines.close.winTitle", { title: opportunity?.title ?? "" })}
            </DialogTitle>
            <DialogDescription>{t(lost ? "pipelines.close.loseBody" : "pipelines.close.winBody")}</DialogDescription>
          </DialogHeader>
          {lost && (
            <div className="flex flex-wrap gap-2" role="group" aria-label={t("pipelines.close.commonReasons")}>
              {LOST_REASONS.map((key) => {
                const label = t(`pipelines.lostReasons.${key}`);
                return (
                  <Button
                    key={key}
                    type="button"
                    size="sm"
                    variant="outline"
                    aria-pressed={reason === label}
                    className={cn(reason === label && "border-primary bg-primary/10")}
                    onClick={() => {
                      setReason(label);
                      setError(null);
                    }}
                  >
                    {label}
                  </Button>
                );
              })}
            </div>
          )}
          <div className="grid gap-2">
            <Label htmlFor={inputId}>{t(lost ? "pipelines.close.reasonLabel" : "pipelines.close.noteLabel")}</Label>
            <Input
              id={inputId}
              autoFocus
              maxLength={200}
              value={reason}
              aria-invalid={!!error}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
            />
            {error && (
              <p id={errorId} className="text-sm text-destructive">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" disabled={pending} onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant={lost ? "destructive" : "default"} disabled={pending}>
              {t(lost ? "pipelines.actions.lose" : "pipelines.actions.win")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
