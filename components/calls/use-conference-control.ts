"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useI18n } from "@/components/providers/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";

const onError = (error: { message: string }) => toast.error(error.message);

/** Mute, kick, add and end; participants' states change when the PBX's events come back. */
export function useConferenceControl() {
  const { t } = useI18n();
  const trpc = useTRPC();
  return {
    mute: useMutation(trpc.calls.conference.mute.mutationOptions({ onError })),
    kick: useMutation(
      trpc.calls.conference.kick.mutationOptions({ onSuccess: () => toast.success(t("callsBoard.conferences.kicked")), onError }),
    ),
    add: useMutation(
      trpc.calls.conference.add.mutationOptions({
        onSuccess: (_d, input) => toast.success(t("callsBoard.conferences.added", { target: input.target })),
        onError,
      }),
    ),
    end: useMutation(
      trpc.calls.conference.end.mutationOptions({ onSuccess: () => toast.success(t("callsBoard.conferences.ended")), onError }),
    ),
  };
}
