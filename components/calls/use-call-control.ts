"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { MonitorMode } from "@/lib/schemas/calls";

const onError = (error: { message: string }) => toast.error(error.message);

/**
 * Hang up, transfer and monitor, with their toasts. The board changes only when the PBX's events
 * come back through the live stream — the truth is what Asterisk did, not what we asked for.
 */
export function useCallControl() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const hangup = useMutation(
    trpc.calls.control.hangup.mutationOptions({ onSuccess: () => toast.success(t("callsBoard.control.hungUp")), onError }),
  );
  const blindTransfer = useMutation(
    trpc.calls.control.blindTransfer.mutationOptions({
      onSuccess: (_data, input) => toast.success(t("callsBoard.control.transferred", { target: input.target })),
      onError,
    }),
  );
  const attendedTransfer = useMutation(
    trpc.calls.control.attendedTransfer.mutationOptions({
      onSuccess: (_data, input) => toast.success(t("callsBoard.control.attendedStarted", { target: input.extension })),
      onError,
    }),
  );
  const monitor = useMutation(
    trpc.calls.control.monitor.mutationOptions({
      onSuccess: (_data, input) =>
        toast.success(t("callsBoard.control.monitorStarted", { mode: t(`calls.monitor.${input.mode as MonitorMode}`).toLowerCase() })),
      onError,
    }),
  );
  return { hangup, blindTransfer, attendedTransfer, monitor };
}
