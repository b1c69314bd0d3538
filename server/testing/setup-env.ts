import { inject } from "vitest";

// Server modules read their environment through lib/env.ts; point them at the test database.
process.env.APP_DATABASE_URL = inject("appUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_SECRET ??= "test-app-secret-test-app-secret-0123456";
process.env.ROOT_DOMAIN = "localhost";
process.env.LOG_LEVEL = "silent";
