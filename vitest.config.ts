import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data*/**"],
    // One real PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL is set).
    globalSetup: ["server/testing/global-setup.ts"],
    setupFiles: ["server/testing/setup-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
