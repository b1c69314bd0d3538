import { inject } from "vitest";
import { TEST_APP_SECRET, TEST_NEXTAUTH_SECRET } from "./test-secrets";

// Server modules read their environment through lib/env.ts; point them at the test database.
process.env.APP_DATABASE_URL = inject("appUrl");
process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;
process.env.APP_SECRET ??= TEST_APP_SECRET;
process.env.ROOT_DOMAIN = "localhost";
process.env.LOG_LEVEL = "silent";
