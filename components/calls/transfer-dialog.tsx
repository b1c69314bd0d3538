"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useI18n } from "@/components/providers/i18n-provider";
import { TransferTarget, type AgentPresence, type CallView } from "@/lib/schemas/calls";
import { callPartyLabel } from "./call-party";
import { agentStatus } from "./live-board-state";
import { useCallControl } from "./use-call-control";

export type TransferMode = "blind" | "attended";
type ServerError = { message: string; data?: { fieldErrors?: Record<string, string[]> } | null };

type Props = { call: CallView | null; mode: TransferMode; agents: AgentPresence[]; onClose: () => void };

/** Blind transfer to an extension or a number (Redirect), attended transfer to an extension (Atxfer). */
export function TransferDialog({ call, mode, agents, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Dialog open={call !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md" data-testid="transfer-dialog">
        {call && (
          <>
            <DialogHeader>
              <DialogTitle>
                {mode === "blind" ? t("callsBoard.control.blindTransfer") : t("callsBoard.control.attendedTransfer")}
              </DialogTitle>
              <DialogDescription>
                {t("callsBoard.control.transferDescription", { party: callPartyLabel(call, t("callsBoard.calls.unknownNumber")) })}{" "}
                {mode === "blind" ? t("callsBoard.control.blindHint") : t("callsBoard.control.attendedHint")}
              </DialogDescription>
            </DialogHeader>
            <TransferForm key={`${call.id}-${mode}`} call={call} mode={mode} agents={agents} onDone={onClose} />
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}

function TransferForm({ call, mode, agents, onDone }: { call: CallView; mode: TransferMode; agents: AgentPresence[]; onDone: () => void }) {
  const { t, tm } = useI18n();
  const { blindTransfer, attendedTransfer } = useCallControl();
  const [kind, setKind] = useState<"extension" | "number">("extension");
  const [extension, setExtension] = useState("");
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const pending = blindTransfer.isPending || attendedTransfer.isPending;
  const candidates = agents.filter((a) => a.extensionNumber !== call.extensionNumber);
  const useNumber = mode === "blind" && kind === "number";

  const onServerError = (e: ServerError) => {
    const field = e.data?.fieldErrors?.target?.[0] ?? e.data?.fieldErrors?.extension?.[0];
    if (field) setError(field);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = TransferTarget.safeParse(useNumber ? number : extension);
    if (!parsed.success) {
      setError(useNumber ? t("callsBoard.control.invalidTarget") : tm("errors.required"));
      return;
    }
    setError(null);
    const options = { onSuccess: onDone, onError: onServerError };
    if (mode === "blind") blindTransfer.mutate({ callId: call.id, target: parsed.data }, options);
    else attendedTransfer.mutate({ callId: call.id, extension: parsed.data }, options);
  }

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      {mode === "blind" && (
        <Tabs value={kind} onValueChange={(v) => (setKind(v as typeof kind), setError(null))}>
          <TabsList className="w-full">
            <TabsTrigger value="extension">{t("callsBoard.control.targetExtension")}</TabsTrigger>
            <TabsTrigger value="number">{t("callsBoard.control.targetNumber")}</TabsTrigger>
          </TabsList>
        </Tabs>
      )}
      {useNumber ? (
        <div className="grid gap-1.5">
          <Label htmlFor="transfer-number">{t("callsBoard.control.targetNumber")}</Label>
          <Input
            id="transfer-number"
            inputMode="tel"
            autoComplete="off"
            autoFocus
            value={number}
            placeholder={t("callsBoard.control.numberPlaceholder")}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? "transfer-error" : undefined}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
      ) : (
        <div className="grid gap-1.5">
          <Label htmlFor="transfer-extension">{t("callsBoard.control.targetExtension")}</Label>
          <Select value={extension} onValueChange={(v) => (setExtension(v), setError(null))}>
            <SelectTrigger
              id="transfer-extension"
              className="w-full"
              aria-invalid={!!error || undefined}
              aria-describedby={error ? "transfer-error" : undefined}
            >
              <SelectValue placeholder={t("callsBoard.control.pickExtension")} />
            </SelectTrigger>
            <SelectContent>
              {candidates.map((agent) => {
                const status = agentStatus(agent);
                return (
                  <SelectItem key={agent.extensionId} value={agent.extensionNumber} disabled={status === "offline"}>
                    {agent.extensionNumber} · {agent.name}
                    {status !== "free" && (
                      <span className="text-muted-foreground">
                        {" "}
                        ({status === "offline" ? t("callsBoard.control.offline") : t("callsBoard.control.busy")})
                      </span>
                    )}
                  </SelectItem>
                );
              })}
            </SelectContent>
          </Select>
        </div>
      )}
      {error && (
        <p id="transfer-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner aria-label={t("common.loading")} />}
          {t("callsBoard.control.transfer")}
        </Button>
      </DialogFooter>
    </form>
  );
}
