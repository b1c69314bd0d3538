import { createConnection, type Socket } from "node:net";
import { AmiPacketParser } from "./packet-parser";
import type { AmiFields } from "./types";

const LINE_BREAK = /[\r\n]/;

/** One `Name: value` line, in the order the packet lists them. */
export type AmiWireHeader = readonly [name: string, value: string];

export type AmiWireHandlers = {
  onConnect(): void;
  /** Every packet Asterisk sends (responses and events), in arrival order. */
  onPacket(fields: AmiFields): void;
  /** Once, however the socket ended; `error` is the socket error that ended it, if one did. */
  onClose(error: Error | null): void;
};

/** One TCP session with Asterisk's manager port: bytes out as `Key: value` lines, packets in as AmiFields. */
export class AmiWireSession {
  private readonly socket: Socket;
  private readonly parser = new AmiPacketParser();
  private error: Error | null = null;
  private closed = false;

  constructor(host: string, port: number, handlers: AmiWireHandlers) {
    this.socket = createConnection({ host, port });
    // Actions are small and latency-bound (a click-to-call waits on them): no Nagle delay.
    this.socket.setNoDelay(true);
    this.socket.setKeepAlive(true);
    this.socket.once("connect", () => handlers.onConnect());
    this.socket.on("data", (chunk: Buffer) => {
      for (const packet of this.parser.push(chunk)) {
        // A handler may have closed the session on an earlier packet of the same chunk.
        if (this.socket.destroyed) return;
        handlers.onPacket(packet);
      }
    });
    this.socket.on("error", (error) => {
      this.error ??= error;
    });
    this.socket.once("close", () => {
      this.closed = true;
      handlers.onClose(this.error);
    });
  }

  get connected(): boolean {
    return !this.closed && this.socket.readyState === "open";
  }

  /**
   * Writes one packet; false when the socket is not open (its close is on the way). A line break in a
   * name or value would let it forge further headers or a whole action: such a packet is never written.
   */
  send(headers: readonly AmiWireHeader[]): boolean {
    let packet = "";
    for (const [name, value] of headers) {
      if (LINE_BREAK.test(name) || LINE_BREAK.test(value))
        throw new Error(`refused to write AMI header ${JSON.stringify(name)}: line break`);
      packet += `${name}: ${value}\r\n`;
    }
    if (!this.connected) return false;
    this.socket.write(packet + "\r\n");
    return true;
  }

  /** Ends the session now (also while still connecting); onClose follows. */
  close(): void {
    this.socket.destroy();
  }
}
