import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AMI_BANNER, CAPTURES_DIR } from "./ami-server";

// Recorded captures replayed against tenants of a test's own: the lab's `acme`/`globex`, the
// Originate's `LINHA_CALL_ID=c-123` … are rewritten to the test's slugs and row ids. Rewriting
// changes packet lengths, so the .timeline is rebuilt with one RECV row per packet, each at the
// time the original chunk carrying that packet's last byte arrived (realtime replays keep their pace).

/** One packet's text without its terminating blank line, e.g. "Event: Hangup\r\nChannel: …". */
export type CapturePacket = string;

export type CaptureRewrite = {
  /** Applied in order to every packet (put `acme_room` before `acme`). Strings replace every occurrence. */
  replace?: ReadonlyArray<readonly [string | RegExp, string]>;
  /**
   * Drops what answered the recording client's own actions (`Response:` packets and list items carrying
   * an ActionID), keeping OriginateResponse events: replayed to another client they would be strays.
   */
  dropReplies?: boolean;
  /** Last word on each (already replaced) packet: return it, several packets, or null to drop it. */
  transform?: (packet: CapturePacket, index: number) => CapturePacket | CapturePacket[] | null;
};

type TimelineRow = { at: number; offset: number; length: number };

/**
 * Writes `<targetDir>/<targetName>.ami` and `.timeline`; start the AMI test server with
 * `capturesDir: targetDir`. Answers the packets written (what a client will receive).
 */
export async function rewriteCapture(
  sourceName: string,
  targetDir: string,
  targetName: string,
  rewrite: CaptureRewrite,
  sourceDir: string = CAPTURES_DIR,
): Promise<{ packets: number }> {
  const data = await readFile(join(sourceDir, `${sourceName}.ami`), "latin1");
  const rows: TimelineRow[] = (await readFile(join(sourceDir, `${sourceName}.timeline`), "utf8"))
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((columns) => columns[1] === "RECV")
    .map(([at, , offset, length]) => ({ at: Number(at), offset: Number(offset), length: Number(length) }));
  if (!data.startsWith(AMI_BANNER)) throw new Error(`${sourceName}.ami does not start with the AMI banner`);

  const packets: Array<{ text: string; at: number }> = [];
  let start = AMI_BANNER.length;
  let rowIndex = 0;
  while (start < data.length) {
    const end = data.indexOf("\r\n\r\n", start);
    if (end === -1) break; // a capture cut mid-packet (16-conn1 is not): the tail never completed
    const last = end + 3;
    while (rowIndex < rows.length - 1 && rows[rowIndex]!.offset + rows[rowIndex]!.length <= last) rowIndex++;
    packets.push({ text: data.slice(start, end), at: rows[rowIndex]?.at ?? 0 });
    start = end + 4;
  }

  let ami = AMI_BANNER;
  let written = 0;
  const timeline = ["t_s\tdir\toffset\tlength\tnote", `${(rows[0]?.at ?? 0).toFixed(3)}\tRECV\t0\t${AMI_BANNER.length}\t`];
  packets.forEach((packet, index) => {
    if (rewrite.dropReplies && isReply(packet.text)) return;
    let text = packet.text;
    for (const [from, to] of rewrite.replace ?? []) text = typeof from === "string" ? text.split(from).join(to) : text.replace(from, to);
    const result = rewrite.transform ? rewrite.transform(text, index) : text;
    for (const out of result === null ? [] : Array.isArray(result) ? result : [result]) {
      const bytes = `${out}\r\n\r\n`;
      timeline.push(`${packet.at.toFixed(3)}\tRECV\t${Buffer.byteLength(ami, "latin1")}\t${Buffer.byteLength(bytes, "latin1")}\t`);
      ami += bytes;
      written++;
    }
  });
  await mkdir(targetDir, { recursive: true });
  await writeFile(join(targetDir, `${targetName}.ami`), ami, "latin1");
  await writeFile(join(targetDir, `${targetName}.timeline`), `${timeline.join("\n")}\n`);
  return { packets: written };
}

function isReply(packet: string): boolean {
  if (packet.startsWith("Response:")) return true;
  return /\r\nActionID: /i.test(packet) && !packet.startsWith("Event: OriginateResponse");
}

/** The value of a header in a packet's text, or undefined. */
export function packetHeader(packet: CapturePacket, name: string): string | undefined {
  const prefix = `${name.toLowerCase()}: `;
  for (const line of packet.split("\r\n")) if (line.toLowerCase().startsWith(prefix)) return line.slice(prefix.length);
  return undefined;
}

/** A packet with one header's value replaced (every occurrence), for hand-made variants of recorded events. */
export function withHeader(packet: CapturePacket, name: string, value: string): CapturePacket {
  const prefix = `${name.toLowerCase()}: `;
  return packet
    .split("\r\n")
    .map((line) => (line.toLowerCase().startsWith(prefix) ? `${line.slice(0, prefix.length)}${value}` : line))
    .join("\r\n");
}
