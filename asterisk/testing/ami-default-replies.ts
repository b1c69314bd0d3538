import {
  PJSIP_SHOW_ENDPOINTS_MESSAGE,
  pjsipShowEndpointItems,
  pjsipShowEndpointsItems,
  pjsipShowEndpointsOutput,
  type AmiTestEndpoint,
} from "./ami-pjsip";
import { headerPairs, type AmiWireHeaders, type AmiWireRequest } from "./ami-wire";

// How the AMI test server answers an authenticated session's actions when no test handler did.
// Message texts are Asterisk 22's (main/manager.c, res_pjsip), including their stray "\n".

/** An answer; `events` go to every logged-in session after it (Event: Reload…). */
export type AmiReply =
  | {
      response?: string;
      message?: string;
      headers?: AmiWireHeaders;
      /** An event list: `EventList: start`, each item with the ActionID after `Event:`, then `<complete>`. */
      list?: { items: AmiWireHeaders[]; complete: string };
      events?: AmiWireHeaders[];
      delayMs?: number;
      /** Close the socket after answering. */
      close?: boolean;
    }
  | { drop: true }
  | { raw: string };

export type AmiCommandReply = { ok?: boolean; output: readonly string[]; events?: AmiWireHeaders[]; delayMs?: number };

export type ModuleReloadResult = "success" | "error" | "not_found" | "not_implemented";

export type AmiServerState = {
  endpoints: AmiTestEndpoint[];
  channels: AmiWireHeaders[];
  /** ConfBridge rooms by name, each with its ConfbridgeList items (without ActionID). */
  conferences: Map<string, AmiWireHeaders[]>;
  moduleResults: Map<string, ModuleReloadResult>;
  commandHandler: ((command: string) => AmiCommandReply | undefined | Promise<AmiCommandReply | undefined>) | null;
};

export const RELOADABLE_MODULES = [
  "res_pjsip.so",
  "app_voicemail.so",
  "pbx_config.so",
  "chan_pjsip.so",
  "res_pjsip_outbound_registration.so",
  "res_pjsip_endpoint_identifier_ip.so",
  "res_musiconhold.so",
  "app_confbridge.so",
];

// The numeric `Status` of Event: Reload (enum ast_module_reload_result).
const RELOAD_STATUS: Record<ModuleReloadResult, string> = { success: "0", not_found: "2", error: "3", not_implemented: "6" };

const KNOWN_COMMANDS = ["pjsip show endpoints", "module reload", "dialplan reload", "core show version"];

export function moduleReloadResult(state: AmiServerState, module: string): ModuleReloadResult {
  return state.moduleResults.get(module) ?? (RELOADABLE_MODULES.includes(module) ? "success" : "not_found");
}

function reloadEvent(module: string, result: ModuleReloadResult): AmiWireHeaders {
  return [
    ["Event", "Reload"],
    ["Privilege", "system,all"],
    ["Module", module],
    ["Status", RELOAD_STATUS[result]],
  ];
}

/** What the Asterisk CLI prints for a command, and whether the Command action answers Success. */
export function defaultCommandReply(state: AmiServerState, command: string): AmiCommandReply {
  const words = command.trim().split(/\s+/);
  const line = words.join(" ");
  if (line === "pjsip show endpoints") return { output: pjsipShowEndpointsOutput(state.endpoints) };
  if (line === "dialplan reload") return { output: ["Dialplan reloaded."] };
  if (line === "core show version") return { output: ["Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux"] };
  if (words.length === 3 && words[0] === "module" && words[1] === "reload") {
    const module = words[2]!;
    const result = moduleReloadResult(state, module);
    // The CLI reports a failed reload in its output; the action itself still answers Success.
    const text = {
      success: `Module '${module}' reloaded successfully.`,
      error: `Module '${module}' reported a reload failure.`,
      not_found: `No such module '${module}'`,
      not_implemented: `The module '${module}' does not support reloads`,
    }[result];
    return { output: [text], events: result === "not_found" ? [] : [reloadEvent(module, result)] };
  }
  return { ok: false, output: [`No such command '${command}' (type 'core show help ${bestHelp(words)}' for other possible commands)`] };
}

// Asterisk's find_best(): the words that still name a command, plus the first that does not (at least two).
function bestHelp(words: string[]): string {
  let matched = 0;
  while (matched < words.length && KNOWN_COMMANDS.some((known) => known.startsWith(words.slice(0, matched + 1).join(" ")))) matched++;
  return words.slice(0, Math.max(Math.min(matched + 1, words.length), Math.min(2, words.length))).join(" ");
}

/** The value of a header of an item (CoreShowChannel, ConfbridgeList), case-insensitive. */
function itemField(item: AmiWireHeaders, name: string): string | undefined {
  return headerPairs(item).find(([key]) => key.toLowerCase() === name)?.[1];
}

const channelExists = (state: AmiServerState, name: string) => state.channels.some((item) => itemField(item, "channel") === name);

// ConfBridge's checks in app_confbridge.c's manager actions, in their order.
function confbridgeProblem(state: AmiServerState, room: string): string | null {
  if (state.conferences.size === 0) return "No active conferences.";
  if (!state.conferences.has(room)) return "No Conference by that name found.";
  return null;
}

function confbridgeReply(state: AmiServerState, action: string, room: string, channel: string): AmiReply {
  if (!room) return { response: "Error", message: "No Conference name provided." };
  if (action !== "confbridgelist" && !channel) return { response: "Error", message: "No channel name provided." };
  const problem = confbridgeProblem(state, room);
  if (problem) return { response: "Error", message: problem };
  const members = state.conferences.get(room)!;
  if (action === "confbridgelist") {
    return { message: "Confbridge user list will follow", list: { items: members, complete: "ConfbridgeListComplete" } };
  }
  if (action === "confbridgekick" && channel === "all") return { message: "All participants kicked" };
  if (!members.some((member) => itemField(member, "channel") === channel)) {
    return { response: "Error", message: "No Channel by that name found in Conference." };
  }
  if (action === "confbridgekick") return { message: "User kicked" };
  return { message: action === "confbridgemute" ? "User muted" : "User unmuted" };
}

export async function defaultReply(state: AmiServerState, request: AmiWireRequest): Promise<AmiReply> {
  const field = (name: string) => {
    const value = request.fields[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  switch (request.action.toLowerCase()) {
    case "ping":
      return {
        headers: [
          ["Ping", "Pong"],
          ["Timestamp", (Date.now() / 1000).toFixed(6)],
        ],
      };
    case "command": {
      const command = field("command");
      const reply = (await state.commandHandler?.(command)) ?? defaultCommandReply(state, command);
      return {
        response: reply.ok === false ? "Error" : "Success",
        message: "Command output follows",
        headers: reply.output.map((line) => ["Output", line] as const),
        events: reply.events,
        delayMs: reply.delayMs,
      };
    }
    case "reload": {
      const module = field("module");
      if (!module) return { message: "Module Reloaded" };
      const result = moduleReloadResult(state, module);
      const events = result === "not_found" ? [] : [reloadEvent(module, result)];
      if (result === "success") return { message: "Module Reloaded", events };
      const message = {
        error: "An unknown error occurred",
        not_found: "No such module",
        not_implemented: "Module does not support reload",
      }[result];
      return { response: "Error", message, events };
    }
    case "pjsipqualify": {
      const name = field("endpoint");
      if (!name) return { response: "Error", message: "Endpoint parameter missing." };
      if (!state.endpoints.some((endpoint) => endpoint.name === name))
        return { response: "Error", message: "Unable to retrieve endpoint\n" };
      return { message: "Endpoint found, will qualify" };
    }
    case "pjsipshowendpoint": {
      const name = field("endpoint").replace(/^pjsip\//i, "");
      if (!name) return { response: "Error", message: "PJSIPShowEndpoint requires an endpoint name\n" };
      const endpoint = state.endpoints.find((candidate) => candidate.name === name);
      if (!endpoint) return { response: "Error", message: `Unable to retrieve endpoint ${name}\n` };
      return {
        message: "Following are Events for each object associated with the Endpoint",
        list: { items: pjsipShowEndpointItems(endpoint), complete: "EndpointDetailComplete" },
      };
    }
    case "pjsipshowendpoints":
      return {
        message: PJSIP_SHOW_ENDPOINTS_MESSAGE,
        list: { items: pjsipShowEndpointsItems(state.endpoints), complete: "EndpointListComplete" },
      };
    case "coreshowchannels":
      return { message: "Channels will follow", list: { items: state.channels, complete: "CoreShowChannelsComplete" } };
    // Call control (manager.c). Only queued here: what Asterisk would then do, a test emits or replays.
    case "originate":
      if (!field("channel")) return { response: "Error", message: "Channel not specified" };
      if (!field("channel").includes("/")) return { response: "Error", message: "Invalid channel" };
      return { message: "Originate successfully queued" };
    case "hangup": {
      const channel = field("channel");
      if (!channel) return { response: "Error", message: "No channel specified" };
      if (!channelExists(state, channel)) return { response: "Error", message: "No such channel" };
      return { message: "Channel Hungup" };
    }
    case "redirect": {
      const channel = field("channel");
      if (!channel) return { response: "Error", message: "Channel not specified" };
      if (!field("context")) return { response: "Error", message: "Context not specified" };
      if (!field("exten")) return { response: "Error", message: "Exten not specified" };
      if (!channelExists(state, channel)) return { response: "Error", message: `Channel does not exist: ${channel}` };
      return { message: "Redirect successful" };
    }
    case "atxfer": {
      const channel = field("channel");
      if (!channel) return { response: "Error", message: "No channel specified" };
      if (!field("exten")) return { response: "Error", message: "No extension specified" };
      if (!channelExists(state, channel)) return { response: "Error", message: "Channel specified does not exist" };
      return { message: "Atxfer successfully queued" };
    }
    case "confbridgelist":
    case "confbridgemute":
    case "confbridgeunmute":
    case "confbridgekick":
      return confbridgeReply(state, request.action.toLowerCase(), field("conference"), field("channel"));
    default:
      return {
        response: "Error",
        message: `Invalid/unknown command: ${request.action}. Use Action: ListCommands to show available commands.`,
      };
  }
}
