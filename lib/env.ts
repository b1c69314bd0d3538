import { z } from "zod";

// The one place environment variables are read (documented in .env.example). Server-only values
// are validated lazily so that importing this file in the browser bundle never throws.
const serverSchema = z.object({
  APP_DATABASE_URL: z.string().url(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters"),
  ROOT_DOMAIN: z.string().min(1).default("localhost"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type ServerEnv = z.infer<typeof serverSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}. Start Linha with "npm start" or see .env.example.`);
  }
  cached = parsed.data;
  return cached;
}

export function rootDomain(): string {
  return process.env.ROOT_DOMAIN || "localhost";
}

/** Tests that change process.env re-read it with this. */
export function resetServerEnvForTests(): void {
  cached = undefined;
}
