"use client";

import { useCallback } from "react";
import { toast } from "sonner";

/**
 * Copies text with a toast. The clipboard API needs a secure context (https or *.localhost);
 * elsewhere the caller's text stays selectable and the toast says to copy by hand.
 */
export function useCopy() {
  return useCallback(async (text: string, messages: { ok: string; failed: string }) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(messages.ok);
      return true;
    } catch {
      toast.error(messages.failed);
      return false;
    }
  }, []);
}
