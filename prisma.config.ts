import { defineConfig } from "prisma/config";

// Used by Prisma's own CLI (operators with internet access). The project's offline
// scripts (scripts/migrate.ts) read the same schema and migrations folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
