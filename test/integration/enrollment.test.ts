import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { prisma } from "@/lib/server/db/prisma";
import { createCluster } from "@/lib/server/clusters/create-cluster";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { issueRegistrationToken } from "@/lib/server/enrollment/issue-registration-token";
import { readAgentBundle } from "@/lib/server/enrollment/read-agent-bundle";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { AGENT_BASE_IMAGE } from "@/lib/shared/agent/agent-bootstrap";
import type { TCluster } from "@/lib/shared/clusters/clusters.schema";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

function tokenOf(cluster: TCluster): string {
  return /\/v3\/import\/([0-9a-f]{64})_/.exec(cluster.importCommands!.manifestUrl)![1]!;
}

async function register(body: object, ip = "127.0.0.1") {
  const res = await callRoute("POST", "/v3/connect/register", { body, ip });
  return { status: res.status, body: (await res.json()) as { clusterId?: string; credential?: string; error?: { message: string } } };
}

describe("registration tokens and enrolment", () => {
  let a: TCluster;
  let b: TCluster;
  let operatorCookie: string;
  beforeAll(async () => {
    a = await createCluster({ name: "alpha", labels: {} }, SYSTEM_ACTOR);
    b = await createCluster({ name: "bravo", labels: {} }, SYSTEM_ACTOR);
    await seedUser("ops", "operator");
    operatorCookie = await login("ops");
  });

  it("stores tokens only as hashes, with 256 bits and the configured TTL", async () => {
    const token = tokenOf(a);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const rows = await prisma.registrationToken.findMany({ where: { clusterId: a.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const ttlHours = (rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()) / 3_600_000;
    expect(ttlHours).toBeCloseTo(7 * 24, 0);
  });

  it("serves a manifest with the namespace, RBAC, credentials secret and agent deployment", async () => {
    const file = `${tokenOf(a)}_${a.id}.yaml`;
    const res = await callRoute("GET", `/v3/import/${file}`, { ip: "10.1.0.1" });
    expect(res.status).toBe(200);
    const docs = YAML.parseAllDocuments(await res.text()).map((d) => d.toJSON() as { kind: string; metadata: { name: string }; [k: string]: unknown });
    const kinds = docs.map((d) => `${d.kind}/${d.metadata.name}`);
    for (const k of ["Namespace/outpost-system", "ServiceAccount/outpost-agent", "ClusterRole/outpost-agent", "ClusterRoleBinding/outpost-agent", "Secret/outpost-credentials", "Deployment/outpost-agent"]) {
      expect(kinds).toContain(k);
    }
    const secret = docs.find((d) => d.kind === "Secret") as unknown as { stringData: Record<string, string> };
    expect(secret.stringData).toEqual({ url: "https://localhost:8443", token: tokenOf(a), "cluster-id": a.id });
    const deployment = docs.find((d) => d.kind === "Deployment") as unknown as {
      spec: { template: { spec: { tolerations: Array<{ key: string }>; containers: Array<{ image: string; env: Array<{ name: string; value: string }>; volumeMounts: Array<{ readOnly: boolean }>; resources: object; readinessProbe: object }> } } };
    };
    const pod = deployment.spec.template.spec;
    const env = Object.fromEntries(pod.containers[0]!.env.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ OUTPOST_SERVER: "https://localhost:8443", OUTPOST_CA_CHECKSUM: a.caChecksum, OUTPOST_CLUSTER_ID: a.id });
    expect(pod.containers[0]!.image).toBe(AGENT_BASE_IMAGE);
    expect(env.OUTPOST_AGENT_SHA256).toBe((await readAgentBundle()).sha256);
    expect(pod.containers[0]!.volumeMounts[0]!.readOnly).toBe(true);
    expect(pod.tolerations.map((t) => t.key)).toEqual(expect.arrayContaining(["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/edge"]));
  });

  it("with OUTPOST_AGENT_IMAGE the manifest runs that prebuilt image's own entrypoint", async () => {
    const ctx = getRuntimeContext();
    setRuntimeContext({ ...ctx, config: { ...ctx.config, agentImage: "registry.example.com/outpost/agent:0.1.0" } });
    try {
      const c = await createCluster({ name: "prebuilt", labels: {} }, SYSTEM_ACTOR);
      const res = await callRoute("GET", `/v3/import/${tokenOf(c)}_${c.id}.yaml`, { ip: "10.1.0.4" });
      const deployment = YAML.parseAllDocuments(await res.text()).map((d) => d.toJSON() as { kind: string; spec?: { template: { spec: { containers: Array<{ image: string; command?: string[]; env: Array<{ name: string }> }> } } } }).find((d) => d.kind === "Deployment")!;
      const container = deployment.spec!.template.spec.containers[0]!;
      expect(container.image).toBe("registry.example.com/outpost/agent:0.1.0");
      expect(container.command).toBeUndefined();
      expect(container.env.map((e) => e.name)).not.toContain("OUTPOST_AGENT_SHA256");
      expect(c.importCommands!.docker).toContain("registry.example.com/outpost/agent:0.1.0 --server https://localhost:8443 --token ");
    } finally {
      setRuntimeContext(ctx);
    }
  });

  it("rejects garbage, another cluster's, revoked and expired tokens with one generic message", async () => {
    const fresh = await createCluster({ name: "charlie", labels: {} }, SYSTEM_ACTOR);
    const expired = await createCluster({ name: "delta", labels: {} }, SYSTEM_ACTOR);
    await prisma.registrationToken.updateMany({ where: { clusterId: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoke = await callRoute("DELETE", `/api/v1/clusters/${fresh.id}/registration-tokens`, { cookie: operatorCookie });
    expect(revoke.status).toBe(200);

    const attempts = [
      { token: "garbage" },
      { token: "0".repeat(64) },
      { token: tokenOf(a), clusterId: b.id },
      { token: tokenOf(fresh) },
      { token: tokenOf(expired) },
    ];
    for (const attempt of attempts) {
      const res = await register(attempt);
      expect(res.status, JSON.stringify(attempt).slice(0, 40)).toBe(400);
      expect(res.body.error?.message).toBe("Invalid registration token");
      const clusterId = attempt.clusterId ?? a.id;
      const manifest = await callRoute("GET", `/v3/import/${attempt.token}_${clusterId}.yaml`, { ip: "10.1.0.2" });
      if (attempt.token === tokenOf(a) && clusterId === a.id) continue;
      expect(manifest.status).toBe(400);
    }
    expect(await prisma.agentCredential.count()).toBe(0);
  });

  it("exchanges a good token once for a credential stored hashed; a second agent needs a new token and replaces the first", async () => {
    const first = await register({ token: tokenOf(b), clusterId: b.id, agentVersion: "0.1.0" });
    expect(first.status).toBe(200);
    expect(first.body.clusterId).toBe(b.id);
    expect(first.body.credential).toMatch(/^oac_/);
    const reused = await register({ token: tokenOf(b) });
    expect(reused.status).toBe(400);
    expect(reused.body.error?.message).toMatch(/^Registration token already used/);
    const manifest = await callRoute("GET", `/v3/import/${tokenOf(b)}_${b.id}.yaml`, { ip: "10.1.0.3" });
    expect(manifest.status).toBe(400);
    const rotated = (await (await callRoute("POST", `/api/v1/clusters/${b.id}/registration-tokens`, { cookie: operatorCookie })).json()) as TCluster;
    const second = await register({ token: tokenOf(rotated) });
    expect(second.status).toBe(200);
    const creds = await prisma.agentCredential.findMany({ where: { clusterId: b.id }, orderBy: { createdAt: "asc" } });
    expect(creds).toHaveLength(2);
    expect(creds[0]!.revokedAt).not.toBeNull();
    expect(creds[1]!.revokedAt).toBeNull();
    expect(JSON.stringify(creds)).not.toContain(second.body.credential!);
    const tokens = await prisma.registrationToken.findMany({ where: { clusterId: b.id } });
    expect(tokens.map((t) => t.useCount)).toEqual([1, 1]);
    const refused = await prisma.auditEvent.findMany({ where: { action: "cluster.enroll", outcome: "failure", targetId: b.id } });
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toEqual(["token-already-used"]);
  });

  it("rotating keeps the old token for the grace period only", async () => {
    const res = await callRoute("POST", `/api/v1/clusters/${a.id}/registration-tokens`, { cookie: operatorCookie });
    expect(res.status).toBe(201);
    const rotated = (await res.json()) as TCluster;
    expect(tokenOf(rotated)).not.toBe(tokenOf(a));
    const tokens = await prisma.registrationToken.findMany({ where: { clusterId: a.id }, orderBy: { createdAt: "asc" } });
    const graceHours = (tokens[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(graceHours).toBeGreaterThan(0.9);
    expect(graceHours).toBeLessThanOrEqual(1);
    expect((await register({ token: tokenOf(a) })).status).toBe(200);
  });

  it("rate limits the manifest endpoint per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await callRoute("GET", `/v3/import/nope_${a.id}.yaml`, { ip: "10.9.9.9" })).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect((await callRoute("GET", `/v3/import/nope_${a.id}.yaml`, { ip: "10.9.9.10" })).status).toBe(400);
  });

  it("limits refused enrolments per IP, while good ones from a busy NAT are never counted", { timeout: 90_000 }, async () => {
    for (let i = 0; i < 60; i++) expect((await register({ token: "f".repeat(64) }, "10.7.0.1")).status).toBe(400);
    const limited = await callRoute("POST", "/v3/connect/register", { body: { token: tokenOf(a) }, ip: "10.7.0.1" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const tokens = await prisma.$transaction(async (tx) => Promise.all(Array.from({ length: 70 }, () => issueRegistrationToken(tx, a.id))));
    // At once, as a NAT'd fleet would: more good enrolments than the limit, none refused.
    const statuses = await Promise.all(tokens.map(async ({ token }) => (await register({ token }, "10.7.0.2")).status));
    expect(statuses).toEqual(tokens.map(() => 200));
  });

  it("never writes a token or credential into the audit log", async () => {
    const events = await prisma.auditEvent.findMany({ where: { action: { startsWith: "cluster." } } });
    expect(events.length).toBeGreaterThan(5);
    const text = JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toMatch(/[0-9a-f]{64}|oac_/);
  });

  it("deleting a cluster removes its tokens and credentials", async () => {
    const res = await callRoute("DELETE", `/api/v1/clusters/${b.id}`, { cookie: operatorCookie });
    expect(res.status).toBe(200);
    expect(await prisma.registrationToken.count({ where: { clusterId: b.id } })).toBe(0);
    expect(await prisma.agentCredential.count({ where: { clusterId: b.id } })).toBe(0);
    expect((await register({ token: tokenOf(b) })).status).toBe(400);
  });
});
