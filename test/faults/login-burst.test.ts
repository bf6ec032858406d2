// The login limit holds under concurrency: 200 parallel wrong passwords for one account and
// address check exactly 10 passwords; the rest are refused before any check.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { callRoute } from "../helpers/routes";
import { seedUser } from "../helpers/users";

describe("a login burst", () => {
  it("200 parallel attempts check at most 10 passwords", { timeout: 120_000 }, async () => {
    await seedUser("burst", "viewer");
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => callRoute("POST", "/api/v1/session", { body: { username: "burst", password: `guess-${i}-xxxxxxx` }, ip: "203.0.113.7" }).then((r) => r.status)),
    );
    const checked = statuses.filter((s) => s === 401).length;
    const refused = statuses.filter((s) => s === 429).length;
    // 503 = "busy, retry" when the pool is saturated on a loaded machine: also not a check.
    expect(statuses.filter((s) => s !== 401 && s !== 429 && s !== 503)).toEqual([]);
    expect(checked).toBe(10);
    expect(refused).toBeGreaterThanOrEqual(180);
    expect(await prisma.auditEvent.count({ where: { action: "auth.login", actorName: "burst", outcome: "failure" } })).toBe(10);
    console.info(`[figure] login burst: 200 parallel attempts → ${checked} passwords checked, ${refused} refused (429) in ${Date.now() - started} ms`);
  });
});
