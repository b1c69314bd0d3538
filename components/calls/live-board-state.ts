import type { AgentPresence, BoardSnapshot, CallView, LiveUpdate } from "@/lib/schemas/calls";

/** How long an ended call stays on the board (fading) before it leaves. */
export const ENDED_VISIBLE_MS = 6_000;
/** Ended calls and conferences older than this are dropped from the cached snapshot. */
const ENDED_KEEP_MS = 60_000;

function recentlyEnded(endedAt: string | null, now: number, keepMs: number): boolean {
  return endedAt === null || now - Date.parse(endedAt) < keepMs;
}

/** An update for a call that already ended never brings it back (events can arrive late). */
function mergeCall(calls: CallView[], call: CallView): CallView[] {
  const index = calls.findIndex((c) => c.id === call.id);
  if (index === -1) return [call, ...calls];
  if (calls[index]!.state === "ended" && call.state !== "ended") return calls;
  const next = calls.slice();
  next[index] = call;
  return next;
}

/** Which call each extension is on, from the call's latest view (a transfer moves it to another extension). */
function mergeAgentCall(agents: AgentPresence[], call: CallView): AgentPresence[] {
  const live = call.state !== "ended";
  let changed = false;
  const next = agents.map((agent) => {
    const onThisCall = live && agent.extensionNumber === call.extensionNumber;
    if (onThisCall && agent.callId !== call.id) {
      changed = true;
      return { ...agent, callId: call.id };
    }
    if (!onThisCall && agent.callId === call.id) {
      changed = true;
      return { ...agent, callId: null };
    }
    return agent;
  });
  return changed ? next : agents;
}

/** Folds one live update into the board snapshot (pure; the query cache holds the result). */
export function applyLiveUpdate(snapshot: BoardSnapshot, update: LiveUpdate, now = Date.now()): BoardSnapshot {
  switch (update.type) {
    case "call":
    case "incoming": {
      const merged = mergeCall(snapshot.calls, update.call);
      // The view that won (a late update loses to an ended call) decides where the agents are.
      const effective = merged.find((c) => c.id === update.call.id)!;
      const calls = merged.filter((c) => recentlyEnded(c.endedAt, now, ENDED_KEEP_MS));
      return { ...snapshot, calls, agents: mergeAgentCall(snapshot.agents, effective) };
    }
    case "presence": {
      const agents = snapshot.agents.map((a) =>
        a.extensionNumber === update.extensionNumber && a.registered !== update.registered ? { ...a, registered: update.registered } : a,
      );
      return { ...snapshot, agents };
    }
    case "conference": {
      const others = snapshot.conferences.filter((c) => c.id !== update.conference.id);
      const conferences = [update.conference, ...others].filter((c) => recentlyEnded(c.endedAt, now, ENDED_KEEP_MS));
      return { ...snapshot, conferences };
    }
  }
}

/** The calls the board lists at `now`: live ones, plus ended ones for a few seconds (they fade out), newest first. */
export function visibleCalls(calls: CallView[], now: number): CallView[] {
  return calls
    .filter((c) => recentlyEnded(c.endedAt, now, ENDED_VISIBLE_MS))
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

export type AgentStatus = "offline" | "free" | "in_call";

/** An extension on a call is "in call" even if its registration just lapsed: the call is what matters. */
export function agentStatus(agent: AgentPresence): AgentStatus {
  if (agent.callId) return "in_call";
  return agent.registered ? "free" : "offline";
}
