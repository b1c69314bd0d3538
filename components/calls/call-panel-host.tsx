"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { registerPanelHost, useActiveCall, usePrimaryPanelHost } from "./active-call-store";
import { CallPanel } from "./call-panel";

/**
 * Renders the tab's floating in-call panel. Mount once in the tenant app layout; Call buttons mount
 * fallbacks (`fallback`) so a call placed anywhere shows its panel even without it. Portaled to the
 * body: a Call button inside a sheet or a transformed card would otherwise break `position: fixed`.
 */
export function CallPanelHost({ fallback = false }: { fallback?: boolean }) {
  const active = useActiveCall();
  const primary = usePrimaryPanelHost();
  const [hostId, setHostId] = useState<number | null>(null);
  useEffect(() => {
    const host = registerPanelHost(fallback);
    setHostId(host.id);
    return host.release;
  }, [fallback]);
  if (!active || hostId === null || primary !== hostId) return null;
  // A new call starts a fresh panel (state, form) rather than reusing the last one's.
  return createPortal(<CallPanel key={active.callId} active={active} />, document.body);
}
