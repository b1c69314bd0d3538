import { join, resolve } from "node:path";
import { z } from "zod";

// The telephony sync's environment (documented in .env.example). Read per call, not cached, so tests
// can point PBX_CONFIG_ROOT at a temporary folder (lib/env.ts parses once and caches).
const schema = z.object({
  PBX_CONFIG_ROOT: z.string().optional(),
  RECORDINGS_DIR: z.string().optional(),
  LINHA_DATA_DIR: z.string().optional(),
  PBX_SYNC_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** The tables' owner: pg-boss creates and migrates its own schema, which the app role may not. */
  DATABASE_URL: z.string().url().optional(),
});

export type PbxEnv = { configRoot: string; recordingsDir: string; debounceMs: number; queueDatabaseUrl: string | null };

export function pbxEnv(): PbxEnv {
  const env = schema.parse({
    PBX_CONFIG_ROOT: process.env.PBX_CONFIG_ROOT || undefined,
    RECORDINGS_DIR: process.env.RECORDINGS_DIR || undefined,
    LINHA_DATA_DIR: process.env.LINHA_DATA_DIR || undefined,
    PBX_SYNC_DEBOUNCE_MS: process.env.PBX_SYNC_DEBOUNCE_MS || undefined,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
  });
  return {
    configRoot: resolve(env.PBX_CONFIG_ROOT ?? join(env.LINHA_DATA_DIR ?? ".data", "asterisk")),
    recordingsDir: resolve(env.RECORDINGS_DIR ?? join(env.LINHA_DATA_DIR ?? ".data", "recordings")),
    debounceMs: env.PBX_SYNC_DEBOUNCE_MS,
    queueDatabaseUrl: env.DATABASE_URL ?? null,
  };
}
