import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type LocalSecrets = {
  postgresPassword: string;
  appDbPassword: string;
  nextauthSecret: string;
  appSecret: string;
};

const fresh = (): string => randomBytes(32).toString("hex");

/**
 * Secrets for a local install, generated once and kept in the data folder (git-ignored, mode 600)
 * so restarts keep sessions and the embedded database's passwords.
 */
export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, "secrets.json");
  const existing: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    postgresPassword: existing.postgresPassword ?? fresh(),
    appDbPassword: existing.appDbPassword ?? fresh(),
    nextauthSecret: existing.nextauthSecret ?? fresh(),
    appSecret: existing.appSecret ?? fresh(),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
