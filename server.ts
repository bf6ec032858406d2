// The Outpost console process: HTTPS (Next.js pages and route handlers) plus WebSocket
// upgrades on the same port, embedded Postgres when DATABASE_URL is unset, and a graceful
// shutdown that drains requests before it stops the database.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import next from "next";
import { ConfigError, loadConfig, type OutpostConfig } from "./lib/server/config/load-config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/server/db/embedded-postgres";
import { migrateDatabase } from "./lib/server/db/migrate-database";
import { answerMalformedPath } from "./lib/server/http/malformed-path";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./lib/server/http/request-meta";
import { log } from "./lib/server/log/logger";
import { observeRequest } from "./lib/server/metrics/observe-request";
import { RouteLabeler } from "./lib/server/metrics/route-label";
import { setRuntimeContext } from "./lib/server/runtime/runtime-context";
import { findRawHandler } from "./lib/server/runtime/raw-handlers";
import { findUpgradeHandler } from "./lib/server/runtime/upgrade-handlers";
import { ensureConsoleTls } from "./lib/server/tls/ensure-console-tls";
import { registerServingTlsUpdater } from "./lib/server/tls/serving-tls-updater";

export interface ConsoleHandle {
  url: string;
  close(reason?: string): Promise<void>;
}

async function prepareDatabase(config: OutpostConfig): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (l) => log.info(l) });
  return { url: embedded.url, embedded };
}

function printLoginBanner(config: OutpostConfig, bootstrap: Awaited<ReturnType<typeof import("./lib/server/users/ensure-bootstrap-admin").ensureBootstrapAdmin>>): void {
  const lines = [`Outpost console: ${config.serverUrl}/`];
  const local = `https://localhost:${config.port}`;
  if (config.serverUrl !== local) lines.push(`Also on ${local}/`);
  if (bootstrap.created && bootstrap.generatedPassword) {
    lines.push("First start: created user 'admin' with a one-time password (change it at first login):");
    lines.push(`  username: admin`, `  password: ${bootstrap.generatedPassword}`);
    lines.push("This password is printed only once.");
  } else if (bootstrap.created) {
    lines.push("First start: created user 'admin' with the password from OUTPOST_BOOTSTRAP_PASSWORD.");
  } else {
    lines.push("Log in with your Outpost account (first user: 'admin').");
  }
  // The banner is for the operator's terminal; it deliberately bypasses the redacting logger.
  console.log(["", ...lines.map((l) => `  ${l}`), ""].join("\n"));
}

/** Starts the console; resolves once it listens. `dev` runs Next.js in development mode. */
export async function startConsole(opts: { dev?: boolean } = {}): Promise<ConsoleHandle> {
  const config = loadConfig();
  // The app root holds .next, prisma/ and node_modules: server.ts's own folder under tsx,
  // the parent of dist/ when run as the compiled dist/server.js (container image).
  const root = fs.existsSync(path.join(__dirname, "package.json")) ? __dirname : path.dirname(__dirname);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o711 });
  const tls = await ensureConsoleTls(config, (l) => log.info(l));
  const db = await prepareDatabase(config);
  process.env.DATABASE_URL = db.url;
  try {
    await migrateDatabase(db.url, root);
  } catch (error) {
    await db.embedded?.stop();
    throw error;
  }
  setRuntimeContext({ config, caPem: tls.caPem, caChecksum: tls.caChecksum, startedAt: new Date() });
  // Loaded after DATABASE_URL is set: the Prisma client reads it when first created.
  const { ensureBootstrapAdmin } = await import("./lib/server/users/ensure-bootstrap-admin");
  const { disconnectPrisma } = await import("./lib/server/db/prisma");
  const bootstrap = await ensureBootstrapAdmin(config.bootstrapPassword);
  const { installHandlers } = await import("./lib/server/runtime/install-handlers");
  const stopJobs = await installHandlers();

  const app = next({ dev: opts.dev ?? false, dir: root, customServer: true, hostname: "localhost", port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routes = RouteLabeler.fromBuild(root);
  const nextUpgrade = opts.dev ? app.getUpgradeHandler() : undefined;

  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    // Overwrite, never trust: these headers come from the TCP connection and from us.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    req.headers[REQUEST_ID_HEADER] = randomUUID();
    observeRequest(routes, req, res);
    const raw = findRawHandler(new URL(req.url ?? "/", "https://localhost").pathname);
    if (raw) return raw(req, res);
    // Next.js cannot decode such a path into route parameters: a 400 here, not a 500 there.
    if (answerMalformedPath(req, res, req.headers[REQUEST_ID_HEADER])) return;
    handle(req, res).catch((error: unknown) => {
      log.error(`request handler failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // An admin setting the agent URL may re-issue the certificate (lib/server/tls/cover-serving-name.ts).
  registerServingTlsUpdater(({ certPem, keyPem }) => server.setSecureContext({ key: keyPem, cert: certPem }));
  server.on("upgrade", (req, socket, head) => {
    const pathname = new URL(req.url ?? "/", "https://localhost").pathname;
    const upgrade = findUpgradeHandler(pathname);
    if (upgrade) {
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
      upgrade(req, socket, head);
    } else if (nextUpgrade) void nextUpgrade(req, socket, head);
    else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.bindAddress, () => resolve());
  });
  printLoginBanner(config, bootstrap);

  let closing: Promise<void> | undefined;
  const close = (reason = "shutdown") =>
    (closing ??= (async () => {
      log.info(`Shutting down (${reason}): no new connections, draining requests for up to ${config.shutdownTimeoutMs / 1000} s`);
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Background jobs and agent tunnels end first: tunnels are long-lived connections
      // that would otherwise hold the drain until its timeout.
      await stopJobs().catch((error: unknown) => log.error(`stopping background jobs failed: ${String(error)}`));
      const timer = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref());
      await Promise.race([drained, timer]);
      server.closeAllConnections();
      await disconnectPrisma().catch(() => undefined);
      await db.embedded?.stop();
      log.info("Stopped.");
    })());
  return { url: config.serverUrl, close };
}

/** CLI entry: start, print the login banner, shut down gracefully on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  let handle: ConsoleHandle;
  try {
    handle = await startConsole({ dev });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`Outpost failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn(`Second ${signal}: exiting now`);
      process.exit(130);
    }
    handle.close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`Shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

if (require.main === module) void main();
