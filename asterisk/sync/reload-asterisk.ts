import { AmiError, type AmiClient } from "@/asterisk/ami/types";
import { RELOAD_FOR_FILE, type GeneratedFile } from "@/asterisk/config/model";

// Reloading what changed over AMI, and checking that Asterisk took it. Asterisk 22 has no
// `pjsip reload`: PJSIP reloads with `module reload res_pjsip.so`. A reload whose config has errors
// often still answers "reloaded successfully" (sorcery logs the bad object and skips it), so the
// output alone proves little: the endpoint count Asterisk reports afterwards is the real check.

export type ReloadTarget = (typeof RELOAD_FOR_FILE)[GeneratedFile];

/** PJSIP first (the dialplan dials its endpoints), then voicemail, then the dialplan. */
const ORDER: ReloadTarget[] = ["res_pjsip.so", "app_voicemail.so", "dialplan"];

const COMMAND: Record<ReloadTarget, string> = {
  "res_pjsip.so": "module reload res_pjsip.so",
  "app_voicemail.so": "module reload app_voicemail.so",
  dialplan: "dialplan reload",
};

const RELOAD_OK = /reloaded successfully|^Dialplan reloaded|reload has been queued/im;
const RELOAD_TIMEOUT_MS = 30_000;

export function reloadTargetsFor(files: readonly string[]): ReloadTarget[] {
  const wanted = new Set(files.map((file) => RELOAD_FOR_FILE[file as GeneratedFile]).filter(Boolean));
  return ORDER.filter((target) => wanted.has(target));
}

export function sortReloadTargets(targets: Iterable<string>): ReloadTarget[] {
  const wanted = new Set(targets);
  return ORDER.filter((target) => wanted.has(target));
}

export type ReloadOutcome =
  /** Every reload answered success and the verification passed. */
  | { kind: "ok"; log: string[] }
  /** Asterisk answered, but a reload or the verification failed. */
  | { kind: "failed"; log: string[]; reason: string }
  /** The AMI could not be used (not connected, closed, timed out): nothing can be said about Asterisk. */
  | { kind: "unreachable"; log: string[]; reason: string; reloaded: ReloadTarget[] };

export type Verification = { endpoints?: number };

/** Parses `pjsip show endpoints`: "Objects found: N", or "No objects found." */
export function endpointCount(output: string[]): number | null {
  for (const line of output) {
    const found = /Objects found:\s*(\d+)/i.exec(line);
    if (found) return Number(found[1]);
    if (/No objects found/i.test(line)) return 0;
  }
  return null;
}

function describe(error: unknown): string {
  if (error instanceof AmiError) return `AMI ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs the reloads in order, then verifies; stops at the first failure. */
export async function reloadAndVerify(ami: AmiClient, targets: ReloadTarget[], verify: Verification): Promise<ReloadOutcome> {
  const log: string[] = [];
  const reloaded: ReloadTarget[] = [];
  try {
    for (const target of targets) {
      const result = await ami.command(COMMAND[target], { timeoutMs: RELOAD_TIMEOUT_MS });
      const text = result.output.join("\n").trim();
      log.push(`> ${COMMAND[target]}`, text);
      if (!result.ok || !RELOAD_OK.test(text)) return { kind: "failed", log, reason: text || `${COMMAND[target]} failed` };
      reloaded.push(target);
    }
    if (verify.endpoints !== undefined && targets.includes("res_pjsip.so")) {
      const result = await ami.command("pjsip show endpoints", { timeoutMs: RELOAD_TIMEOUT_MS });
      const count = endpointCount(result.output);
      log.push("> pjsip show endpoints", `Objects found: ${count ?? "?"}`);
      if (!result.ok || count !== verify.endpoints) {
        const reason = `pjsip show endpoints: expected ${verify.endpoints} endpoints, Asterisk has ${count ?? "an unreadable answer"}`;
        return { kind: "failed", log, reason };
      }
    }
    return { kind: "ok", log };
  } catch (error) {
    return { kind: "unreachable", log, reason: describe(error), reloaded };
  }
}
