import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Real browser (Debian's Chromium: `npx playwright install` cannot download one here), real
// server (`npm start`: production build) and a real database of its own under .data-e2e.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "pt-BR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-domain-reliability",
            "--no-pings",
            "--no-first-run",
            "--disable-default-apps",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      LINHA_DATA_DIR: ".data-e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54331",
      // The calls journey starts its AMI test server mid-run: reconnect within a second or two.
      AMI_MAX_BACKOFF_MS: "1500",
    },
  },
});
