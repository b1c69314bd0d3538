"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/components/providers/i18n-provider";
import { CALL_OUTCOMES, ContactLogInput, NoteCreateInput, type CallOutcome } from "@/lib/schemas/activity";
import { fromZonedInputValues } from "@/lib/schemas/task";

export type ComposerKind = "note" | "email" | "meeting" | "call";
const KINDS: ComposerKind[] = ["note", "email", "meeting", "call"];

export type ComposerSubmission = ({ kind: "note"; body: string } | ContactLogInput) & { kind: ComposerKind };
export type FieldErrors = Partial<Record<"body" | "occurredAt" | "outcome" | "durationSec", string>>;

type Props = {
  leadId: string;
  /** Sends the entry; resolves to field errors to show (the server's), or nothing on success. */
  onSubmit: (entry: ComposerSubmission) => Promise<FieldErrors | void>;
};

const NO_OUTCOME = "__none";

/**
 * Adds a note or logs a call / e-mail / meeting. The text is cleared at once (the entry shows
 * optimistically) and put back if the server refuses it. Ctrl/Cmd+Enter submits.
 */
export function TimelineComposer({ leadId, onSubmit }: Props) {
  const { t, tm } = useI18n();
  const [kind, setKind] = useState<ComposerKind>("note");
  const [body, setBody] = useState("");
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [minutes, setMinutes] = useState("");
  const [when, setWhen] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);

  function build(): { entry: ComposerSubmission } | { errors: FieldErrors } {
    if (kind === "note") {
      const parsed = NoteCreateInput.safeParse({ leadId, body });
      if (!parsed.success) return { errors: { body: parsed.error.issues[0]?.message } };
      return { entry: { kind: "note", body: parsed.data.body } };
    }
    let occurredAt: Date | undefined;
    if (when) {
      const [date = "", time = ""] = when.split("T");
      occurredAt = fromZonedInputValues(date, time.slice(0, 5)) ?? new Date(Number.NaN);
    }
    const durationSec = kind === "call" && minutes.trim() !== "" ? Math.round(Number(minutes.replace(",", ".")) * 60) : undefined;
    const input: ContactLogInput = {
      leadId,
      kind,
      body: body.trim() === "" ? undefined : body,
      occurredAt,
      outcome: kind === "call" && outcome ? outcome : undefined,
      durationSec,
    };
    const parsed = ContactLogInput.safeParse(input);
    if (!parsed.success) {
      const out: FieldErrors = {};
      for (const issue of parsed.error.issues) out[issue.path[0] as keyof FieldErrors] ??= issue.message;
      return { errors: out };
    }
    return { entry: input };
  }

  async function submit() {
    if (sending) return;
    const built = build();
    if ("errors" in built) return setErrors(built.errors);
    setErrors({});
    const saved = { body, outcome, minutes, when };
    setBody("");
    setOutcome(null);
    setMinutes("");
    setWhen("");
    setSending(true);
    const serverErrors = await onSubmit(built.entry);
    setSending(false);
    if (serverErrors) {
      setBody(saved.body);
      setOutcome(saved.outcome);
      setMinutes(saved.minutes);
      setWhen(saved.when);
      setErrors(serverErrors);
    }
  }

  const placeholder = t(`leadPage.composer.${kind}Placeholder`);
  const error = (field: keyof FieldErrors) =>
    errors[field] ? (
      <p id={`composer-${field}-error`} role="alert" className="text-sm text-destructive">
        {tm(errors[field])}
      </p>
    ) : null;

  return (
    <form
      aria-label={t("leadPage.composer.label")}
      data-testid="timeline-composer"
      className="flex flex-col gap-3 rounded-lg border bg-card p-3 shadow-xs"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Tabs value={kind} onValueChange={(v) => (setKind(v as ComposerKind), setErrors({}))}>
        <TabsList>
          {KINDS.map((k) => (
            <TabsTrigger key={k} value={k}>
              {t(`leadPage.composer.${k}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <div className="flex flex-col gap-1">
        <Textarea
          aria-label={placeholder}
          placeholder={placeholder}
          rows={kind === "note" ? 3 : 2}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={Boolean(errors.body)}
          aria-describedby={errors.body ? "composer-body-error" : undefined}
          data-testid="composer-body"
        />
        {error("body")}
      </div>
      {kind !== "note" && (
        <div className="grid gap-3 sm:grid-cols-3">
          {kind === "call" && (
            <>
              <div className="grid gap-1.5">
                <Label htmlFor="composer-outcome">{t("leadPage.composer.outcome")}</Label>
                <Select value={outcome ?? NO_OUTCOME} onValueChange={(v) => setOutcome(v === NO_OUTCOME ? null : (v as CallOutcome))}>
                  <SelectTrigger id="composer-outcome" className="w-full" aria-invalid={Boolean(errors.outcome)}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value={NO_OUTCOME}>—</SelectItem>
                    {CALL_OUTCOMES.map((o) => (
                      <SelectItem key={o} value={o}>
                        {t(`leadPage.timeline.outcome.${o}`)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                {error("outcome")}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="composer-duration">{t("leadPage.composer.duration")}</Label>
                <Input
                  id="composer-duration"
                  inputMode="decimal"
                  value={minutes}
                  onChange={(e) => setMinutes(e.target.value)}
                  aria-invalid={Boolean(errors.durationSec)}
                />
                {error("durationSec")}
              </div>
            </>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="composer-when">{t("leadPage.composer.occurredAt")}</Label>
            <Input
              id="composer-when"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              aria-invalid={Boolean(errors.occurredAt)}
            />
            {error("occurredAt")}
          </div>
        </div>
      )}
      <div className="flex items-center justify-end gap-3">
        <span className="hidden text-xs text-muted-foreground sm:inline">{t("leadPage.composer.submitHint")}</span>
        <Button type="submit" size="sm" disabled={sending && kind !== "note"} data-testid="composer-submit">
          {t("leadPage.composer.submit")}
        </Button>
      </div>
    </form>
  );
}
