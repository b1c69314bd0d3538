"use client";

import { MicIcon, MicOffIcon, PhoneOffIcon, UserMinusIcon, UserPlusIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useI18n } from "@/components/providers/i18n-provider";
import { cn } from "@/lib/cn";
import { TransferTarget, type ConferenceView } from "@/lib/schemas/calls";
import { displayNumber } from "./call-party";
import { formatDuration } from "./call-time";
import { useConferenceControl } from "./use-conference-control";

/** The label ("Rui Barbosa (1003)", a formatted number) often already names the target; say it once. */
function showsTarget(label: string, target: string): boolean {
  const digits = (s: string) => s.replace(/\D/g, "");
  return !!label && !digits(label).includes(digits(target));
}

const STATE_VARIANT = { calling: "info", joined: "success", left: "outline", failed: "danger" } as const;

/** A live conference: its participants with mute/unmute and kick, add one more, end it for all. */
export function ConferenceItem({ conference, now, readOnly }: { conference: ConferenceView; now: number; readOnly: boolean }) {
  const { t } = useI18n();
  const control = useConferenceControl();
  const [ending, setEnding] = useState(false);
  const ended = conference.endedAt !== null;
  const active = conference.participants.filter((p) => p.state === "calling" || p.state === "joined").length;
  const elapsed = ((conference.endedAt ? Date.parse(conference.endedAt) : now) - Date.parse(conference.startedAt)) / 1000;

  return (
    <li
      data-testid="conference"
      data-conference-id={conference.id}
      className={cn("grid gap-3 px-4 py-3 transition-opacity", ended && "opacity-40")}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">{conference.title}</p>
          <p className="text-xs text-muted-foreground tabular-nums">
            {t("callsBoard.conferences.code", { code: conference.code })} · {formatDuration(elapsed)}
          </p>
        </div>
        {!readOnly && !ended && (
          <div className="flex gap-1">
            {active < 10 && <AddParticipant conferenceId={conference.id} />}
            <Button
              size="icon-sm"
              variant="ghost"
              className="text-destructive"
              aria-label={t("callsBoard.conferences.end")}
              title={t("callsBoard.conferences.end")}
              onClick={() => setEnding(true)}
            >
              <PhoneOffIcon aria-hidden />
            </Button>
          </div>
        )}
      </div>
      <ul className="grid gap-1" aria-label={t("callsBoard.conferences.participants")}>
        {conference.participants.map((p) => {
          const live = p.state === "joined";
          const label = p.label || displayNumber(p.target);
          return (
            <li key={p.id} data-testid="conference-participant" data-state={p.state} className="flex items-center gap-2 text-sm">
              <span
                className={cn(
                  "min-w-0 flex-1 truncate",
                  (p.state === "left" || p.state === "failed") && "text-muted-foreground line-through",
                )}
              >
                {label}
                {showsTarget(p.label, p.target) && (
                  <span className="ml-1 text-xs text-muted-foreground tabular-nums">{displayNumber(p.target)}</span>
                )}
              </span>
              {p.muted && live && (
                <Badge variant="warning">
                  <MicOffIcon aria-hidden /> {t("callsBoard.conferences.muted")}
                </Badge>
              )}
              <Badge variant={STATE_VARIANT[p.state]}>{t(`callsBoard.conferences.state.${p.state}`)}</Badge>
              {!readOnly && !ended && (
                <>
                  <Button
                    size="icon-sm"
                    variant="ghost"
                    disabled={!live || control.mute.isPending}
                    aria-pressed={p.muted}
                    aria-label={p.muted ? t("callsBoard.conferences.unmute", { label }) : t("callsBoard.conferences.mute", { label })}
                    title={p.muted ? t("callsBoard.conferences.unmute", { label }) : t("callsBoard.conferences.mute", { label })}
                    onClick={() => control.mute.mutate({ conferenceId: conference.id, participantId: p.id, muted: !p.muted })}
                  >
                    {p.muted ? <MicOffIcon aria-hidden /> : <MicIcon aria-hidden />}
                  </Button>
                  <Button
                    size="icon-sm"
                    variant="ghost"
                    disabled={(p.state !== "joined" && p.state !== "calling") || control.kick.isPending}
                    aria-label={t("callsBoard.conferences.kick", { label })}
                    title={t("callsBoard.conferences.kick", { label })}
                    onClick={() => control.kick.mutate({ conferenceId: conference.id, participantId: p.id })}
                  >
                    <UserMinusIcon aria-hidden />
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <AlertDialog open={ending} onOpenChange={setEnding}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("callsBoard.conferences.endTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("callsBoard.conferences.endBody", { title: conference.title })}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => control.end.mutate({ conferenceId: conference.id })}>
              {t("callsBoard.conferences.end")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}

function AddParticipant({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const { add } = useConferenceControl();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = TransferTarget.safeParse(target);
    if (!parsed.success) return setError(t("callsBoard.control.invalidTarget"));
    setError(null);
    add.mutate(
      { conferenceId, target: parsed.data },
      {
        onSuccess: () => {
          setTarget("");
          setOpen(false);
        },
      },
    );
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          size="icon-sm"
          variant="ghost"
          aria-label={t("callsBoard.conferences.addParticipant")}
          title={t("callsBoard.conferences.addParticipant")}
        >
          <UserPlusIcon aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72">
        <form onSubmit={submit} className="grid gap-2" noValidate>
          <label htmlFor={`add-${conferenceId}`} className="text-sm font-medium">
            {t("callsBoard.conferences.numberLabel")}
          </label>
          <div className="flex gap-2">
            <Input
              id={`add-${conferenceId}`}
              inputMode="tel"
              autoFocus
              value={target}
              placeholder={t("callsBoard.control.numberPlaceholder")}
              aria-invalid={!!error || undefined}
              onChange={(e) => setTarget(e.target.value)}
            />
            <Button type="submit" size="sm" disabled={add.isPending}>
              {t("callsBoard.conferences.add")}
            </Button>
          </div>
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
      </PopoverContent>
    </Popover>
  );
}
