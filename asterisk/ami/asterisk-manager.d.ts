// The small part of asterisk-manager 0.2 (CommonJS, untyped) that asterisk/ami/client.ts uses.
// Only the client may import it: everything else talks to Asterisk through asterisk/ami/types.ts.
declare module "asterisk-manager" {
  /** A packet as the library parses it: keys lower-cased, repeated headers as arrays, `Variable:` as an object. */
  export type RawAmiPacket = Record<string, string | string[] | Record<string, string> | undefined>;

  export type RawAmiRequest = Record<string, string | number | boolean | Record<string, string> | undefined>;

  export interface AsteriskManager {
    options: { port: number | undefined; host: string; username: string; password: string; events: boolean };
    connect(port: number, host: string, callback?: (error: null) => void): void;
    login(callback?: (error?: RawAmiPacket) => void): void;
    /** Writes the action once logged in (holds it before); the callback gets (errorPacket | undefined, packet). */
    action(request: RawAmiRequest, callback?: (error: RawAmiPacket | undefined, packet?: RawAmiPacket) => void): string;
    disconnect(callback?: () => void): void;
    isConnected(): boolean;
    on(event: "managerevent" | "response" | "asterisk", listener: (packet: RawAmiPacket) => void): void;
    on(event: "error", listener: (error: Error) => void): void;
    on(event: "connect" | "close" | "end", listener: () => void): void;
    removeAllListeners(event?: string): void;
  }

  interface ManagerFactory {
    (port?: number, host?: string, username?: string, password?: string, events?: boolean): AsteriskManager;
    new (port?: number, host?: string, username?: string, password?: string, events?: boolean): AsteriskManager;
  }

  const Manager: ManagerFactory;
  export default Manager;
}
