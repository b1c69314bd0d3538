"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { StartConferenceInput, type AgentPresence } from "@/lib/schemas/calls";
import { ConferenceTargetsField } from "./conference-targets-field";

type Props = { open: boolean; onOpenChange: (open: boolean) => void; agents: AgentPresence[] };
type Errors = { title?: string; targets?: string };

/** Title and 2–10 participants; the server rings each one into a new ConfBridge room. */
export function NewConferenceDialog({ open, onOpenChange, agents }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg" data-testid="new-conference">
        <DialogHeader>
          <DialogTitle>{t("callsBoard.conferences.new")}</DialogTitle>
          <DialogDescription>{t("callsBoard.conferences.newDescription")}</DialogDescription>
        </DialogHeader>
        {open && <NewConferenceForm agents={agents} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function NewConferenceForm({ agents, onDone }: { agents: AgentPresence[]; onDone: () => void }) {
  const { t, tm } = useI18n();
  const trpc = useTRPC();
  const [title, setTitle] = useState("");
  const [targets, setTargets] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const start = useMutation(
    trpc.calls.conference.start.mutationOptions({
      onSuccess: () => {
        toast.success(t("callsBoard.conferences.started"));
        onDone();
      },
      onError: (error) => {
        const fields = (error.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
        const title = fields.title?.[0];
        const targets = Object.entries(fields).find(([k]) => k.startsWith("targets"))?.[1][0];
        if (title || targets) setErrors({ title, targets });
        else toast.error(error.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = StartConferenceInput.safeParse({ title, targets });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "title") next.title ??= tm(issue.message);
        if (issue.path[0] === "targets")
          next.targets ??=
            targets.length < 2
              ? t("callsBoard.conferences.tooFew")
              : targets.length > 10
                ? t("callsBoard.conferences.tooMany")
                : tm(issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    start.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor="conference-title">{t("callsBoard.conferences.titleLabel")}</Label>
        <Input
          id="conference-title"
          value={title}
          maxLength={80}
          autoFocus
          placeholder={t("callsBoard.conferences.titlePlaceholder")}
          aria-invalid={!!errors.title || undefined}
          aria-describedby={errors.title ? "conference-title-error" : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setErrors((current) => ({ ...current, title: undefined }));
          }}
        />
        {errors.title && (
          <p id="conference-title-error" className="text-sm text-destructive">
            {errors.title}
          </p>
        )}
      </div>
      <ConferenceTargetsField
        targets={targets}
        agents={agents}
        error={errors.targets}
        onChange={(next) => {
          setTargets(next);
          setErrors((e) => ({ ...e, targets: undefined }));
        }}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={start.isPending}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={start.isPending}>
          {start.isPending && <Spinner aria-label={t("common.loading")} />}
          {t("callsBoard.conferences.start")}
        </Button>
      </DialogFooter>
    </form>
  );
}
