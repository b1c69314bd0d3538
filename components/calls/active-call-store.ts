"use client";

import { useSyncExternalStore } from "react";

/**
 * The call this browser tab is following in the floating in-call panel. A module-level store (not a
 * React context) so a Call button anywhere — lead page, board card, task row, history — can hand its
 * new call to the panel without sitting under a provider; one tab follows one call at a time.
 */
export type ActiveCall = {
  callId: string;
  /** The lead the call was placed from, if known before the first event arrives. */
  leadId?: string;
  /** What the panel shows until the board knows the other party. */
  label?: string;
};

type Host = { id: number; fallback: boolean };
type State = { call: ActiveCall | null; hosts: Host[] };

let state: State = { call: null, hosts: [] };
const listeners = new Set<() => void>();
let nextHostId = 1;
let restored = false;
// A reload mid-call (or before the after-call form is filled) must not lose the call.
const STORAGE_KEY = "linha.activeCall";

function emit(next: State) {
  if (next.call !== state.call) {
    try {
      if (next.call) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.call));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage disabled (private mode): the panel still works for this page's life.
    }
  }
  state = next;
  for (const listener of listeners) listener();
}

function restore() {
  if (restored || typeof window === "undefined") return;
  restored = true;
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as ActiveCall | null;
    if (saved && typeof saved.callId === "string") state = { ...state, call: saved };
  } catch {
    // A corrupt entry is as good as none.
  }
}

function subscribe(listener: () => void) {
  restore();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts following a call; a new call replaces the one the panel showed. */
export function followCall(call: ActiveCall) {
  emit({ ...state, call });
}

/** Closes the panel. */
export function dismissCall(callId: string) {
  if (state.call?.callId === callId) emit({ ...state, call: null });
}

export function useActiveCall(): ActiveCall | null {
  return useSyncExternalStore(
    subscribe,
    () => state.call,
    () => null,
  );
}

/**
 * Several hosts may be mounted: the app layout's, and fallbacks beside Call buttons (for a layout
 * that does not mount one). Only one renders the panel so a tab never shows two: the first regular
 * host, else the first fallback. The layout's host wins even though a page's effects run before the
 * layout's, so the panel does not remount (losing a half-filled form) when the page changes.
 */
export function registerPanelHost(fallback: boolean): { id: number; release: () => void } {
  const id = nextHostId++;
  emit({ ...state, hosts: [...state.hosts, { id, fallback }] });
  return { id, release: () => emit({ ...state, hosts: state.hosts.filter((h) => h.id !== id) }) };
}

function primaryHost(): number | null {
  return (state.hosts.find((h) => !h.fallback) ?? state.hosts[0])?.id ?? null;
}

export function usePrimaryPanelHost(): number | null {
  return useSyncExternalStore(subscribe, primaryHost, () => null);
}
