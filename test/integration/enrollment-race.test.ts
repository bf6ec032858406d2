// Registration tokens are single-use and enrolment is atomic: many agents (or one agent's
// retries, or a thief with a copied import URL) enrolling at the same moment over real
// HTTPS leave exactly one live credential per cluster.
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { prisma } from "@/lib/server/db/prisma";
import { issueRegistrationToken } from "@/lib/server/enrollment/issue-registration-token";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";

const RACERS = 16;

/** POST /v3/connect/register over a fresh TLS connection each (no keep-alive sharing). */
function register(url: string, body: object): Promise<{ status: number; message?: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL("/v3/connect/register", url),
      { method: "POST", ca: getRuntimeContext().caPem, agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, message: (JSON.parse(text) as { error?: { message: string } }).error?.message }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

describe("concurrent enrolment", () => {
  let served: ServedRoutes;
  beforeAll(async () => {
    served = await serveRoutes();
  });
  afterAll(async () => served.close());

  it(`${RACERS} concurrent enrolments with one token: one succeeds, the rest are refused and audited, one credential is live`, async () => {
    const cluster = await createCluster({ name: "race-one-token", labels: {} }, SYSTEM_ACTOR);
    const token = /\/v3\/import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1]!;
    const results = await Promise.all(Array.from({ length: RACERS }, () => register(served.url, { token, clusterId: cluster.id })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 400);
    expect(refused).toHaveLength(RACERS - 1);
    expect(new Set(refused.map((r) => r.message))).toEqual(new Set([expect.stringMatching(/^Registration token already used/) as string]));
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id } })).toBe(1);
    const audit = await prisma.auditEvent.groupBy({ by: ["outcome"], where: { action: "cluster.enroll", targetId: cluster.id }, _count: true });
    expect(Object.fromEntries(audit.map((g) => [g.outcome, g._count]))).toEqual({ success: 1, failure: RACERS - 1 });
  });

  it(`${RACERS} concurrent enrolments with ${RACERS} different live tokens of one cluster leave exactly one live credential`, async () => {
    const cluster = await createCluster({ name: "race-many-tokens", labels: {} }, SYSTEM_ACTOR);
    const tokens = await prisma.$transaction(async (tx) => Promise.all(Array.from({ length: RACERS }, () => issueRegistrationToken(tx, cluster.id))));
    const results = await Promise.all(tokens.map(({ token }) => register(served.url, { token })));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: RACERS }, () => 200));
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id } })).toBe(RACERS);
    expect(await prisma.agentCredential.count({ where: { clusterId: cluster.id, revokedAt: null } })).toBe(1);
  });
});
