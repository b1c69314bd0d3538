import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createAmiClient } from "@/asterisk/ami/client";
import type { AmiClient } from "@/asterisk/ami/types";
import { startAmiServer, type AmiTestServer } from "@/asterisk/testing/ami-server";

// Test support for the sync: the AMI test server made to behave like Asterisk towards our files.
// When it receives `module reload res_pjsip.so` it reads the pjsip_*.conf files in `dir` and from
// then on `pjsip show endpoints` reports the endpoints they define, as Asterisk would.

const PJSIP_FILES = ["pjsip_gateways.conf", "pjsip_customer_trunks.conf", "pjsip_extensions.conf"];

export async function endpointsDefinedIn(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const file of PJSIP_FILES) {
    let text = "";
    try {
      text = await readFile(join(dir, file), "utf8");
    } catch {
      continue;
    }
    let section: string | null = null;
    for (const line of text.split("\n")) {
      const header = /^\[([^\]]+)\]/.exec(line);
      if (header) section = header[1]!;
      else if (section && /^type\s*=\s*endpoint\s*$/.test(line.trim())) names.push(section);
    }
  }
  return names;
}

export type AsteriskLike = { server: AmiTestServer; client: AmiClient; commands(): string[]; close(): Promise<void> };

/** An AMI test server that "loads" the pjsip files of `dir` on each res_pjsip reload, and a logged-in client. */
export async function startAsteriskLike(dir: string, options: { reloadDelayMs?: number } = {}): Promise<AsteriskLike> {
  const server = await startAmiServer({ port: 0 });
  server.onAction(async (action, context) => {
    const command = String(action.fields["command"] ?? "");
    if (action.action.toLowerCase() !== "command" || !command.includes("reload")) return undefined;
    if (command === "module reload res_pjsip.so") server.setEndpoints((await endpointsDefinedIn(dir)).map((name) => ({ name })));
    const reply = await context.defaultReply();
    return options.reloadDelayMs && !("drop" in reply) && !("raw" in reply) ? { ...reply, delayMs: options.reloadDelayMs } : undefined;
  });
  const client = createAmiClient(
    { host: server.host, port: server.port, username: "admin", secret: "secret" },
    { reconnect: false, keepAliveMs: 0, actionTimeoutMs: 3_000, connectTimeoutMs: 3_000 },
  );
  await client.connect();
  return {
    server,
    client,
    commands: () => server.actions.filter((a) => a.action.toLowerCase() === "command").map((a) => String(a.fields["command"])),
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
