import type { Dictionary } from "./pt-BR";

export const callsEn: Dictionary["calls"] = {
  direction: { inbound: "Inbound", outbound: "Outbound", internal: "Internal" },
  state: { originating: "Ringing your phone", ringing: "Ringing", answered: "In call", ended: "Ended" },
  disposition: {
    answered: "Answered",
    no_answer: "No answer",
    busy: "Busy",
    failed: "Failed",
    agent_missed: "You didn't pick up",
  },
  outcome: {
    connected: "Connected",
    no_answer: "No answer",
    busy: "Busy",
    voicemail: "Voicemail",
    wrong_number: "Wrong number",
  },
  monitor: { listen: "Listen", whisper: "Whisper", barge: "Barge in" },
  tabs: { live: "Live", history: "History" },
  title: "Calls",
  subtitle: "Calls in progress, extensions and the team's history.",
};
