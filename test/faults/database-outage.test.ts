// Losing the database is not a 500: the embedded Postgres is SIGKILLed under a running
// console — requests answer 503 + Retry-After, the supervisor restarts Postgres, the
// console recovers by itself and nothing written before is lost. Then the same with a
// database the console does not manage (stopped and started by someone else, as with an
// external DATABASE_URL).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseOutage } from "@/lib/server/db/database-availability";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDatabase } from "@/lib/server/db/migrate-database";
import { disconnectPrisma, prisma } from "@/lib/server/db/prisma";
import { watchDatabase } from "@/lib/server/db/watch-database";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser, TEST_PASSWORD } from "../helpers/users";

const ROOT = path.resolve(__dirname, "../..");

/** Polls `GET /api/v1/me` until it answers 200 again; every status seen on the way. */
async function untilRecovered(token: string, timeoutMs: number, outageSeen = false): Promise<{ statuses: number[]; retryAfter: Set<string>; ms: number }> {
  const started = Date.now();
  const statuses: number[] = [];
  const retryAfter = new Set<string>();
  for (;;) {
    const res = await callRoute("GET", "/api/v1/me", { token });
    statuses.push(res.status);
    if (res.status === 503) retryAfter.add(res.headers.get("retry-after") ?? "");
    if (res.status === 200 && (outageSeen || statuses.includes(503))) return { statuses, retryAfter, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`no recovery within ${timeoutMs} ms: ${statuses.join(",")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("database outage", () => {
  let dir: string;
  let pg: EmbeddedPostgres;
  let token: string;
  let stopWatch: () => void;
  const pgLog: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-fault-db-"));
    fs.chmodSync(dir, 0o711); // as root, Postgres runs as "postgres" and must traverse it
    pg = await startEmbeddedPostgres({ dataDir: dir, log: (line) => pgLog.push(line) });
    await migrateDatabase(pg.url, ROOT);
    await disconnectPrisma();
    process.env.DATABASE_URL = pg.url;
    await seedUser("dora", "admin");
    token = await apiToken(await login("dora"));
    stopWatch = watchDatabase(250);
  }, 120_000);
  afterAll(async () => {
    stopWatch?.();
    await disconnectPrisma();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("embedded Postgres SIGKILLed: 503 + Retry-After meanwhile, restarted by the supervisor, nothing lost", async () => {
    await prisma.apiToken.updateMany({ data: { name: "written-before-the-kill" } });
    const postmaster = Number(fs.readFileSync(path.join(dir, "postgres", "data", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    const login503 = await callRoute("POST", "/api/v1/session", { body: { username: "dora", password: TEST_PASSWORD } });
    const { statuses, retryAfter, ms } = await untilRecovered(token, 60_000);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect([503, 200]).toContain(login503.status);
    expect(retryAfter).toEqual(new Set(["5"]));
    expect(pgLog.some((l) => /exited unexpectedly/.test(l))).toBe(true);
    await expect.poll(() => pgLog.some((l) => /restarted/.test(l)), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => databaseOutage(), { timeout: 5_000 }).toBeNull();
    expect(await prisma.apiToken.count({ where: { name: "written-before-the-kill" } })).toBe(1);
    expect((await callRoute("POST", "/api/v1/session", { body: { username: "dora", password: TEST_PASSWORD } })).status).toBe(200);
    console.info(`[figure] Postgres SIGKILL: recovered in ${ms} ms, ${statuses.filter((s) => s === 503).length} requests answered 503, none 500`);
  });

  it("a database the console does not manage (external DATABASE_URL) stops and comes back: 503, then recovery without restart", async () => {
    await pg.stop();
    const during = await callRoute("GET", "/api/v1/me", { token });
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("5");
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    const restartedAt = Date.now();
    pg = await startEmbeddedPostgres({ dataDir: dir, log: (line) => pgLog.push(line) });
    await untilRecovered(token, 60_000, true);
    const ms = Date.now() - restartedAt;
    await expect.poll(() => databaseOutage(), { timeout: 5_000 }).toBeNull();
    console.info(`[figure] external database restart: console answered 200 again ${ms} ms after the database was back`);
  });
});
