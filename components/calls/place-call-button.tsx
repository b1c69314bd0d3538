"use client";

import { PhoneIcon } from "lucide-react";
import { useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/components/providers/i18n-provider";
import { placeCall } from "@/server/actions/place-call";
import type { PlaceCallInput } from "@/lib/schemas/calls";
import { followCall } from "./active-call-store";
import { CallPanelHost } from "./call-panel-host";

type Props = {
  leadId?: string;
  opportunityId?: string;
  taskId?: string;
  /** Call back the other party of an earlier call. */
  callId?: string;
  size?: "default" | "sm" | "lg" | "icon" | "icon-sm" | "icon-lg";
  variant?: "default" | "outline" | "secondary" | "ghost" | "link";
  /** Visible text; icon sizes show only the icon and use it as the accessible name. */
  label?: ReactNode;
  /** Shown by the in-call panel until the first event names the other party. */
  panelLabel?: string;
  className?: string;
  disabled?: boolean;
  testId?: string;
  onPlaced?: (callId: string) => void;
};

/**
 * Click-to-call: the server rings the rep's own extension, then the other party. Errors (no
 * extension, extension offline, PBX down, plan limit, unroutable number) come back translated and
 * are toasted; on success the floating in-call panel starts following the call.
 */
export function PlaceCallButton({
  leadId,
  opportunityId,
  taskId,
  callId,
  size = "default",
  variant = "default",
  label,
  panelLabel,
  className,
  disabled,
  testId = "place-call",
  onPlaced,
}: Props) {
  const { t, tm } = useI18n();
  const [pending, startTransition] = useTransition();
  const iconOnly = size === "icon" || size === "icon-sm" || size === "icon-lg";
  const text = label ?? t("callsBoard.call");

  function onClick() {
    const input: PlaceCallInput = leadId ? { leadId } : opportunityId ? { opportunityId } : taskId ? { taskId } : { callId: callId! };
    startTransition(async () => {
      try {
        const result = await placeCall(input);
        if (!result.ok) {
          toast.error(tm(result.error));
          return;
        }
        followCall({ callId: result.callId, leadId, label: panelLabel });
        toast.success(t("callsBoard.placed"));
        onPlaced?.(result.callId);
      } catch {
        // The action answers errors as values; a throw here is the network or a server crash.
        toast.error(t("callsBoard.placeFailed"));
      }
    });
  }

  return (
    <>
      <Button
        type="button"
        size={size}
        variant={variant}
        className={className}
        disabled={disabled || pending}
        aria-busy={pending || undefined}
        aria-label={iconOnly && typeof text === "string" ? text : undefined}
        title={iconOnly && typeof text === "string" ? text : undefined}
        onClick={onClick}
        data-testid={testId}
      >
        {pending ? <Spinner aria-label={t("callsBoard.placing")} /> : <PhoneIcon aria-hidden />}
        {!iconOnly && text}
      </Button>
      <CallPanelHost fallback />
    </>
  );
}
