"use client";

import { HeadsetIcon, PhoneForwardedIcon, PhoneOffIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallView } from "@/lib/schemas/calls";
import type { TransferMode } from "./transfer-dialog";
import { useCallControl } from "./use-call-control";

/**
 * Hang up and transfer for the rep's own call. No mute button: the audio is on the rep's desk
 * phone or softphone, which Linha cannot mute — a button that pretends to would lie.
 */
export function CallPanelControls({ call, onTransfer }: { call: CallView; onTransfer: (mode: TransferMode) => void }) {
  const { t } = useI18n();
  const { hangup } = useCallControl();
  const answered = call.state === "answered";
  return (
    <div className="grid gap-2">
      <div className="flex gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" className="flex-1" disabled={!answered} data-testid="panel-transfer">
              <PhoneForwardedIcon aria-hidden /> {t("callsBoard.control.transfer")}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuItem onSelect={() => onTransfer("blind")}>
              <PhoneForwardedIcon aria-hidden /> {t("callsBoard.control.blindTransfer")}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => onTransfer("attended")}>
              <HeadsetIcon aria-hidden /> {t("callsBoard.control.attendedTransfer")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <Button
          variant="destructive"
          size="sm"
          className="flex-1"
          disabled={hangup.isPending}
          onClick={() => hangup.mutate({ callId: call.id })}
          data-testid="panel-hangup"
        >
          {hangup.isPending ? <Spinner aria-label={t("common.loading")} /> : <PhoneOffIcon aria-hidden />}
          {t("callsBoard.control.hangup")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t("callsBoard.panel.noMute")}</p>
    </div>
  );
}
