"use client";

import { PauseIcon, PlayIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/components/providers/i18n-provider";

/**
 * A play button that opens the browser's own player on the recording route (which answers byte
 * ranges, so seeking works). The audio is fetched only when asked for.
 */
export function RecordingPlayer({ callId, when }: { callId: string; when: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <Button
        type="button"
        size="icon-sm"
        variant="ghost"
        aria-expanded={open}
        aria-label={open ? t("callHistory.table.hideRecording") : t("callHistory.table.playRecording")}
        title={open ? t("callHistory.table.hideRecording") : t("callHistory.table.playRecording")}
        onClick={() => setOpen((v) => !v)}
        data-testid="recording-toggle"
      >
        {open ? <PauseIcon aria-hidden /> : <PlayIcon aria-hidden />}
      </Button>
      {open && (
        <audio
          controls
          autoPlay
          preload="none"
          src={`/api/calls/${callId}/recording`}
          aria-label={t("callHistory.table.recordingLabel", { when })}
          className="h-8 w-56"
        />
      )}
    </div>
  );
}
