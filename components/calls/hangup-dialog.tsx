"use client";

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
import { useI18n } from "@/components/providers/i18n-provider";
import type { CallView } from "@/lib/schemas/calls";
import { callPartyLabel } from "./call-party";
import { useCallControl } from "./use-call-control";

/** Hanging up someone's call cannot be undone, so it asks first. */
export function HangupDialog({ call, onClose }: { call: CallView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { hangup } = useCallControl();
  return (
    <AlertDialog open={call !== null} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("callsBoard.control.hangupTitle")}</AlertDialogTitle>
          <AlertDialogDescription>
            {call && t("callsBoard.control.hangupBody", { party: callPartyLabel(call, t("callsBoard.calls.unknownNumber")) })}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={hangup.isPending}
            onClick={() => {
              if (call) hangup.mutate({ callId: call.id });
              onClose();
            }}
          >
            {t("callsBoard.control.hangup")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
