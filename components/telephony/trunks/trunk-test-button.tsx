"use client";

import { ActivityIcon, CheckCircle2Icon, XCircleIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import type { TrunkTestOutput } from "@/lib/schemas/trunk";

type State = { kind: "idle" } | { kind: "running" } | { kind: "done"; result: TrunkTestOutput } | { kind: "failed"; message: string };

/**
 * Asks the PBX to qualify the trunk (SIP OPTIONS) and shows the answer in a popover: reachable or
 * not, round-trip time, contact. A PBX that cannot be asked shows the server's explanation.
 */
export function TrunkTestButton({ name, run }: { name: string; run: () => Promise<TrunkTestOutput> }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [open, setOpen] = useState(false);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "medium" });

  async function test() {
    setOpen(true);
    setState({ kind: "running" });
    try {
      setState({ kind: "done", result: await run() });
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={state.kind === "running"}
          onClick={(e) => {
            e.preventDefault();
            void test();
          }}
          aria-label={`${t("telephony.trunks.test")} ${name}`}
        >
          {state.kind === "running" ? <Spinner aria-label={t("telephony.trunks.testing")} /> : <ActivityIcon aria-hidden />}
          {state.kind === "running" ? t("telephony.trunks.testing") : t("telephony.trunks.test")}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80 text-sm" aria-live="polite" data-testid="trunk-test-result">
        <p className="mb-2 font-medium">{t("telephony.trunks.testResult")}</p>
        {state.kind === "running" && (
          <p className="flex items-center gap-2 text-muted-foreground">
            <Spinner aria-hidden /> {t("telephony.trunks.testing")}
          </p>
        )}
        {state.kind === "failed" && (
          <p role="alert" className="flex items-start gap-2 text-destructive">
            <XCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden /> {state.message}
          </p>
        )}
        {state.kind === "done" && (
          <div className="flex flex-col gap-1">
            <p className={`flex items-center gap-2 font-medium ${state.result.reachable ? "text-success" : "text-destructive"}`}>
              {state.result.reachable ? (
                <CheckCircle2Icon className="size-4" aria-hidden />
              ) : (
                <XCircleIcon className="size-4" aria-hidden />
              )}
              {state.result.reachable ? t("telephony.trunks.reachable") : t("telephony.trunks.unreachable")}
            </p>
            {state.result.status === "no_contact" ? (
              <p className="text-muted-foreground">{t("telephony.trunks.noContact")}</p>
            ) : (
              <>
                <p>{t("telephony.trunks.testStatus", { status: state.result.status })}</p>
                {state.result.rttMs !== null && <p className="tabular-nums">{t("telephony.trunks.rtt", { ms: state.result.rttMs })}</p>}
                {state.result.contact && (
                  <p className="font-mono text-xs break-all">{t("telephony.trunks.contact", { contact: state.result.contact })}</p>
                )}
              </>
            )}
            <p className="text-xs text-muted-foreground">
              {t("telephony.trunks.checkedAt", { time: time.format(state.result.checkedAt) })}
            </p>
          </div>
        )}
      </PopoverContent>
    </Popover>
  );
}
