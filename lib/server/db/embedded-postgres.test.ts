import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const started: EmbeddedPostgres[] = [];
const dirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-pg-"));
  fs.chmodSync(dir, 0o711);
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((db) => db.stop()));
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("embedded Postgres", () => {
  // `npm start` as root in /root/outpost or a `mktemp -d` checkout: the postgres OS user
  // cannot traverse the checkout, so its files go to a reachable place, said where.
  it.runIf(process.getuid?.() === 0)("as root, runs with a data directory inside a 0700 folder (data placed where postgres can reach)", async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-private-"));
    dirs.push(privateDir);
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
    const dataDir = path.join(privateDir, "checkout", ".outpost");
    fs.mkdirSync(dataDir, { recursive: true });
    const fallbackBase = path.join(tmp(), "var-lib-outpost");
    const lines: string[] = [];
    const db = await startEmbeddedPostgres({ dataDir, fallbackBase, log: (l) => lines.push(l) });
    started.push(db);
    expect(await query(db.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    const where = fs.readFileSync(path.join(dataDir, "postgres-location"), "utf8").trim();
    expect(where.startsWith(fallbackBase)).toBe(true);
    expect(fs.existsSync(path.join(where, "data", "PG_VERSION"))).toBe(true);
    expect(lines.join("\n")).toContain(`PostgreSQL data is in ${where}`);
  });

  it("initialises, keeps data across restarts and stops its server", async () => {
    const dataDir = tmp();
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    const pid = Number(fs.readFileSync(path.join(dataDir, "postgres/data/postmaster.pid"), "utf8").split("\n")[0]);
    await first.stop();
    expect(isAlive(pid)).toBe(false);
    const second = await startEmbeddedPostgres({ dataDir });
    started.push(second);
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: 42 }]);
  });

  it("recovers from a stale postmaster.pid whose PID now belongs to another program", async () => {
    const dataDir = tmp();
    const db = await startEmbeddedPostgres({ dataDir });
    await db.stop();
    const squatter = spawn("sleep", ["30"]);
    try {
      const lock = path.join(dataDir, "postgres/data/postmaster.pid");
      fs.writeFileSync(lock, `${squatter.pid}\n${path.join(dataDir, "postgres/data")}\n0\n5432\n`);
      const restarted = await startEmbeddedPostgres({ dataDir });
      started.push(restarted);
      expect(await query(restarted.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
      expect(isAlive(squatter.pid!)).toBe(true);
    } finally {
      squatter.kill();
    }
  });

  it("takes its server down when the owning process is killed with SIGKILL", async () => {
    const dataDir = tmp();
    const script = `
      require(${JSON.stringify(path.resolve("scripts/register-server-only.cjs"))});
      require("tsx/cjs");
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.resolve("lib/server/db/embedded-postgres.ts"))});
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }).then(() => console.log("ready"));
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    const pid = Number(fs.readFileSync(path.join(dataDir, "postgres/data/postmaster.pid"), "utf8").split("\n")[0]);
    expect(isAlive(pid)).toBe(true);
    child.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(pid)).toBe(false);
  });
});
