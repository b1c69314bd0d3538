"use client";

import { EarIcon, HeadsetIcon, MessageSquareIcon, MoreHorizontalIcon, PhoneForwardedIcon, PhoneOffIcon, UsersIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/components/providers/i18n-provider";
import type { BoardViewer, CallView, MonitorMode } from "@/lib/schemas/calls";
import type { TransferMode } from "./transfer-dialog";

export type LiveCallHandlers = {
  hangup: (call: CallView) => void;
  transfer: (call: CallView, mode: TransferMode) => void;
  monitor: (call: CallView, mode: MonitorMode) => void;
};

const MONITOR_ICONS = { listen: EarIcon, whisper: MessageSquareIcon, barge: UsersIcon } as const;

/** Managers control any call; a rep only the calls on their own extension. */
export function canControlCall(viewer: BoardViewer, call: CallView): boolean {
  return call.state !== "ended" && (viewer.canControlAll || (!!viewer.extensionNumber && viewer.extensionNumber === call.extensionNumber));
}

/** Monitoring needs a call in conversation that is not the manager's own, and an extension to ring. */
export function canMonitorCall(viewer: BoardViewer, call: CallView): boolean {
  return viewer.canMonitor && call.state === "answered" && call.extensionNumber !== viewer.extensionNumber;
}

type Props = { call: CallView; party: string; viewer: BoardViewer; handlers: LiveCallHandlers };

export function LiveCallActions({ call, party, viewer, handlers }: Props) {
  const { t } = useI18n();
  const control = canControlCall(viewer, call);
  const monitor = canMonitorCall(viewer, call);
  if (!control && !monitor) return null;
  const answered = call.state === "answered";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={t("callsBoard.calls.actionsFor", { party })} data-testid="live-call-actions">
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-52">
        {control && (
          <>
            <DropdownMenuItem disabled={!answered} onSelect={() => handlers.transfer(call, "blind")}>
              <PhoneForwardedIcon aria-hidden /> {t("callsBoard.control.blindTransfer")}
            </DropdownMenuItem>
            <DropdownMenuItem disabled={!answered} onSelect={() => handlers.transfer(call, "attended")}>
              <HeadsetIcon aria-hidden /> {t("callsBoard.control.attendedTransfer")}
            </DropdownMenuItem>
          </>
        )}
        {monitor && (
          <>
            {control && <DropdownMenuSeparator />}
            <DropdownMenuLabel className="text-xs text-muted-foreground">{t("callsBoard.control.monitor")}</DropdownMenuLabel>
            {(["listen", "whisper", "barge"] as const).map((mode) => {
              const Icon = MONITOR_ICONS[mode];
              return (
                <DropdownMenuItem
                  key={mode}
                  disabled={!viewer.extensionNumber}
                  onSelect={() => handlers.monitor(call, mode)}
                  data-testid={`monitor-${mode}`}
                >
                  <Icon aria-hidden /> {t(`calls.monitor.${mode}`)}
                </DropdownMenuItem>
              );
            })}
            {!viewer.extensionNumber && <p className="px-2 py-1 text-xs text-muted-foreground">{t("callsBoard.control.noExtension")}</p>}
          </>
        )}
        {control && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={() => handlers.hangup(call)} data-testid="hangup">
              <PhoneOffIcon aria-hidden /> {t("callsBoard.control.hangup")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
