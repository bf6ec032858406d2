import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // "server-only" throws outside React Server Components; tests run server code directly.
  "server-only": path.resolve(__dirname, "test/setup/server-only-stub.ts"),
};

const exclude = ["node_modules/**", "e2e/**", ".next/**", ".outpost*/**"];

// Three projects: `unit` (pure code, the simulator, the tunnel and the agent — no database),
// `integration` (lib/server and route handlers against a real PostgreSQL started once per
// run by test/setup/global-setup.ts; each test file gets its own database) and `faults`
// (the fault-and-abuse suite, same database setup).
export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "test/integration/**", "test/faults/**"],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["test/integration/**/*.test.ts"],
          exclude,
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Fault and abuse cases with real processes (docs/RELIABILITY.md): a rogue agent on
          // the real tunnel, Postgres killed, stream exhaustion, login bursts. Same database
          // setup as `integration`.
          name: "faults",
          environment: "node",
          include: ["test/faults/**/*.test.ts"],
          exclude,
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
