import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { FleetStreamHub, getFleetStreamHub, type HubSubscriber } from "@/lib/server/fleet/fleet-stream-hub";
import { getFleetSummary } from "@/lib/server/fleet/get-fleet-summary";
import { readFleetChanges } from "@/lib/server/fleet/read-fleet-changes";
import { seedSyntheticFleet } from "@/lib/server/fleet/seed-synthetic-fleet";
import type { TFleetStreamEvents } from "@/lib/shared/fleet/fleet-api.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";
import { until } from "./fleet-helpers";

const CLUSTERS = 600;
const INTERVAL_MS = 15_000;

function parseFrames(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split("\n\n")
    .filter((b) => b.startsWith("event: "))
    .map((b) => ({ event: b.slice(7, b.indexOf("\n")), data: JSON.parse(b.slice(b.indexOf("data: ") + 6)) as unknown }));
}

class Collecting implements HubSubscriber {
  frames: Array<{ event: string; data: unknown }> = [];
  closed = false;
  constructor(readonly rows: "all" | "changes") {}
  write(frame: string): boolean {
    this.frames.push(...parseFrames(frame));
    return true;
  }
  close(): void {
    this.closed = true;
  }
  deltas(): Array<TFleetStreamEvents["delta"]> {
    return this.frames.filter((f) => f.event === "delta").map((f) => f.data as TFleetStreamEvents["delta"]);
  }
}

describe("fleet stream hub", () => {
  beforeAll(async () => {
    await seedSyntheticFleet(CLUSTERS);
  });
  afterAll(() => getFleetStreamHub().close());

  it("the hub's read returns every row once, then only changes, with the summary query's totals", async () => {
    const first = await readFleetChanges(new Map(), INTERVAL_MS);
    expect(first.changed).toHaveLength(CLUSTERS);
    const fromSql = await getFleetSummary(INTERVAL_MS);
    expect({ ...first.summary, at: 0 }).toEqual({ ...fromSql, at: 0 });
    expect(fromSql.clusters.total).toBe(CLUSTERS);
    expect(fromSql.clusters.unavailable).toBeGreaterThan(0);
    expect(fromSql.clusters.stale).toBe(fromSql.clusters.unavailable);
    const row = first.changed.find((c) => c.row.id === "syn-00003")!.row;
    expect(row.snapshot).toMatchObject({ fresh: true, nodesTotal: 4 });
    expect(row.stateSince).toMatch(/Z$/);

    const known = new Map(first.changed.map((c) => [c.row.id, c.sig]));
    expect((await readFleetChanges(known, INTERVAL_MS)).changed).toEqual([]);
    // What advances for every healthy cluster all the time is not a change …
    await prisma.cluster.updateMany({ where: { state: "active" }, data: { lastSeenAt: new Date() } });
    await prisma.fleetSnapshot.updateMany({ where: { collectedAt: { gt: new Date(Date.now() - 60_000) } }, data: { collectedAt: new Date() } });
    expect((await readFleetChanges(known, INTERVAL_MS)).changed).toEqual([]);
    // … new numbers (the collector bumps changedAt), a state change, an alert and a deletion are.
    await prisma.fleetSnapshot.update({ where: { clusterId: "syn-00003" }, data: { podsFailing: 9, changedAt: new Date() } });
    await prisma.cluster.update({ where: { id: "syn-00005" }, data: { state: "unavailable", stateSince: new Date() } });
    await prisma.fleetAlert.create({ data: { key: "syn-00006|node-not-ready|n1", clusterId: "syn-00006", rule: "node-not-ready", subject: "n1", severity: "warning", since: new Date(), firedAt: new Date(), lastSeenAt: new Date() } });
    await prisma.cluster.delete({ where: { id: "syn-00007" } });
    const next = await readFleetChanges(known, INTERVAL_MS);
    expect(next.changed.map((c) => c.row.id).sort()).toEqual(["syn-00003", "syn-00005", "syn-00006"]);
    expect(next.changed.find((c) => c.row.id === "syn-00003")!.row.snapshot!.podsFailing).toBe(9);
    expect(next.changed.find((c) => c.row.id === "syn-00006")!.row.alertsOpen).toBe(1);
    expect(next.removed).toEqual(["syn-00007"]);
  });

  it("serves 50 subscribers with ONE database read per interval and pushes only changed rows", async () => {
    let queries = 0;
    const counted = prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries++;
          return query(args);
        },
      },
    });
    const hub = new FleetStreamHub(250, INTERVAL_MS, counted);
    const subs = Array.from({ length: 50 }, (_, i) => new Collecting(i % 2 ? "all" : "changes"));
    const unsubscribe = await Promise.all(subs.map((s) => hub.subscribe(s)));
    expect(queries).toBe(1);
    for (const s of subs) {
      expect(s.frames.map((f) => f.event)).toEqual(["init"]);
      const init = s.frames[0]!.data as TFleetStreamEvents["init"];
      expect(init.summary.clusters.total).toBe(CLUSTERS - 1);
      expect(init.rows?.length ?? null).toBe(s.rows === "all" ? CLUSTERS - 1 : null);
    }

    await until(async () => subs.every((s) => s.deltas().length >= 2), 10_000, "two deltas");
    // Nothing changed in the database: deltas carry totals only.
    expect(subs[0]!.deltas()[0]!.changed).toEqual([]);

    await prisma.fleetSnapshot.update({ where: { clusterId: "syn-00002" }, data: { podsFailing: 77, changedAt: new Date() } });
    await until(async () => subs.every((s) => s.deltas().some((d) => d.changed.some((r) => r.id === "syn-00002"))), 10_000, "the change to reach everyone");
    const delta = subs[7]!.deltas().find((d) => d.changed.length > 0)!;
    expect(delta.changed.map((r) => r.id)).toEqual(["syn-00002"]);
    expect(delta.changed[0]!.snapshot?.podsFailing).toBe(77);

    // Every query the hub made was its once-per-interval read, shared by all 50.
    expect(queries).toBe(hub.reads);
    const deltasSeen = subs[0]!.deltas().length;
    expect(hub.reads).toBe(deltasSeen + 1);

    for (const u of unsubscribe) u();
    expect(hub.size).toBe(0);
    const readsAfter = hub.reads;
    await new Promise((r) => setTimeout(r, 800)); // three intervals with nobody listening: no reads
    expect(hub.reads).toBe(readsAfter);
  });

  it("GET /api/v1/fleet/stream answers with server-sent events and frees the subscription on cancel", async () => {
    await seedUser("streamer", "viewer");
    const cookie = await login("streamer");
    const res = await callRoute("GET", "/api/v1/fleet/stream?rows=all", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: init")) text += new TextDecoder().decode((await reader.read()).value);
    while (!/event: init\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const init = parseFrames(text).find((f) => f.event === "init")!.data as TFleetStreamEvents["init"];
    expect(init.rows).toHaveLength(CLUSTERS - 1);
    expect(getFleetStreamHub().size).toBe(1);
    await reader.cancel();
    expect(getFleetStreamHub().size).toBe(0);
    expect((await callRoute("GET", "/api/v1/fleet/stream?rows=everything", { cookie })).status).toBe(422);
    expect((await callRoute("GET", "/api/v1/fleet/stream")).status).toBe(401);
  });
});
