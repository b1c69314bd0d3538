"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useI18n } from "@/components/providers/i18n-provider";
import { TransferTarget, type AgentPresence } from "@/lib/schemas/calls";
import { displayNumber } from "./call-party";
import { agentStatus } from "./live-board-state";

const MAX_TARGETS = 10;

type Props = {
  targets: string[];
  onChange: (targets: string[]) => void;
  agents: AgentPresence[];
  error?: string;
};

/** The conference's participants: extensions picked from the team, numbers typed (2–10). */
export function ConferenceTargetsField({ targets, onChange, agents, error }: Props) {
  const { t } = useI18n();
  const [number, setNumber] = useState("");
  const [numberError, setNumberError] = useState<string | null>(null);
  const full = targets.length >= MAX_TARGETS;
  const nameOf = (target: string) => agents.find((a) => a.extensionNumber === target)?.name;

  function add(raw: string): boolean {
    const parsed = TransferTarget.safeParse(raw);
    if (!parsed.success) {
      setNumberError(t("callsBoard.control.invalidTarget"));
      return false;
    }
    const digits = (s: string) => s.replace(/\D/g, "");
    if (targets.some((existing) => digits(existing) === digits(parsed.data))) {
      setNumberError(t("callsBoard.conferences.duplicate"));
      return false;
    }
    setNumberError(null);
    onChange([...targets, parsed.data]);
    return true;
  }

  const available = agents.filter((a) => !targets.includes(a.extensionNumber));
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-medium">{t("callsBoard.conferences.participants")}</legend>
      <p className="text-xs text-muted-foreground">{t("callsBoard.conferences.participantsHint")}</p>
      <ul className="flex flex-wrap gap-1.5" aria-label={t("callsBoard.conferences.participants")} data-testid="conference-targets">
        {targets.map((target) => {
          const name = nameOf(target);
          return (
            <li key={target}>
              <Badge variant="secondary" className="gap-1 py-1 pr-1 text-sm">
                {name ? `${name} · ${target}` : displayNumber(target)}
                <button
                  type="button"
                  className="rounded-sm p-0.5 outline-none hover:bg-foreground/10 focus-visible:ring-2 focus-visible:ring-ring"
                  aria-label={t("callsBoard.conferences.remove", { target: name ?? target })}
                  onClick={() => onChange(targets.filter((x) => x !== target))}
                >
                  <XIcon aria-hidden className="size-3" />
                </button>
              </Badge>
            </li>
          );
        })}
      </ul>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="conference-extension">{t("callsBoard.conferences.addExtension")}</Label>
          <Select value="" onValueChange={(v) => add(v)} disabled={full || available.length === 0}>
            <SelectTrigger id="conference-extension" className="w-full">
              <SelectValue placeholder={t("callsBoard.control.pickExtension")} />
            </SelectTrigger>
            <SelectContent>
              {available.map((agent) => (
                <SelectItem key={agent.extensionId} value={agent.extensionNumber} disabled={agentStatus(agent) === "offline"}>
                  {agent.extensionNumber} · {agent.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="conference-number">{t("callsBoard.conferences.numberLabel")}</Label>
          <div className="flex gap-2">
            <Input
              id="conference-number"
              inputMode="tel"
              autoComplete="off"
              value={number}
              disabled={full}
              placeholder={t("callsBoard.control.numberPlaceholder")}
              aria-invalid={!!numberError || undefined}
              aria-describedby={numberError ? "conference-number-error" : undefined}
              onChange={(e) => setNumber(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the number instead of submitting the whole dialog.
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (number.trim() && add(number)) setNumber("");
                }
              }}
            />
            <Button
              type="button"
              variant="outline"
              size="icon"
              disabled={full || !number.trim()}
              aria-label={t("callsBoard.conferences.addNumber")}
              onClick={() => add(number) && setNumber("")}
            >
              <PlusIcon aria-hidden />
            </Button>
          </div>
        </div>
      </div>
      {(numberError || error) && (
        <p id="conference-number-error" role="alert" className="text-sm text-destructive">
          {numberError ?? error}
        </p>
      )}
    </fieldset>
  );
}
