// The Helm chart (deploy/helm/outpost) checked with the real helm v4 binary: lint, a
// snapshot of the rendered manifests, the generated console CA, and the values it refuses.
import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kubeToolPath } from "../../scripts/kube-tools";

const run = promisify(execFile);
const chart = path.join(__dirname, "../../deploy/helm/outpost");
const helm = kubeToolPath("helm");

async function helmRun(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(helm, args, { env: { ...process.env, HELM_CACHE_HOME: "/tmp/outpost-helm-cache", HELM_CONFIG_HOME: "/tmp/outpost-helm-config" } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: (e.stdout ?? "") + (e.stderr ?? "") };
  }
}

const render = (...set: string[]) => helmRun(["template", "outpost", chart, "--namespace", "outpost", ...set.flatMap((s) => ["--set", s])]);

type Doc = { kind: string; metadata: { name: string }; data?: Record<string, string>; spec?: Record<string, unknown> };
const docsOf = (yaml: string): Doc[] => parseAllDocuments(yaml).map((d) => d.toJS() as Doc).filter(Boolean);

describe("helm chart deploy/helm/outpost", () => {
  it("passes helm lint --strict", async () => {
    const res = await helmRun(["lint", "--strict", chart, "--set", "database.url=postgresql://outpost:pw@db:5432/outpost"]);
    expect(res.out).toContain("1 chart(s) linted, 0 chart(s) failed");
    expect(res.code).toBe(0);
  });

  it("renders the manifests in the snapshot with every secret given", async () => {
    const res = await render(
      "hostname=console.example.org",
      "database.existingSecret=outpost-db-app",
      "tls.existingSecret=outpost-ca",
      "auth.existingSecret=outpost-auth",
      "metrics.existingSecret=outpost-metrics",
    );
    expect(res.code).toBe(0);
    await expect(res.out).toMatchFileSnapshot("__snapshots__/helm-template.yaml");
  });

  it("generates a console CA and a serving certificate for the hostname and the Service names", async () => {
    const res = await render("hostname=console.example.org", "database.url=postgresql://o:p@db/outpost");
    expect(res.code).toBe(0);
    const tls = docsOf(res.out).find((d) => d.kind === "Secret" && d.metadata.name === "outpost-tls");
    expect(tls?.data).toBeDefined();
    const ca = new X509Certificate(Buffer.from(tls!.data!["ca.crt"]!, "base64"));
    const cert = new X509Certificate(Buffer.from(tls!.data!["tls.crt"]!, "base64"));
    expect(ca.ca).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toContain("DNS:console.example.org");
    expect(cert.subjectAltName).toContain("DNS:outpost.outpost.svc");
    const db = docsOf(res.out).find((d) => d.kind === "Secret" && d.metadata.name === "outpost-database");
    expect(Buffer.from(db!.data!.uri!, "base64").toString()).toBe("postgresql://o:p@db/outpost");
  });

  it("runs several replicas with a disruption budget and a peer URL per pod", async () => {
    const res = await render("database.url=postgresql://o:p@db/outpost", "replicaCount=3");
    expect(res.code).toBe(0);
    const docs = docsOf(res.out);
    expect(docs.find((d) => d.kind === "PodDisruptionBudget")?.spec).toMatchObject({ maxUnavailable: 1 });
    expect(docs.find((d) => d.kind === "Deployment")?.spec).toMatchObject({ replicas: 3, strategy: { type: "RollingUpdate" } });
    expect(res.out).toContain('value: "https://$(POD_IP):8443"');
  });

  it.each([
    [[], "set database.existingSecret"],
    [["database.url=mysql://db/outpost"], "does not match pattern"],
    [["database.url=postgresql://o:p@db/outpost", "env.logLevel=loud"], "value must be one of"],
    [["database.url=postgresql://o:p@db/outpost", "hostname=Not_A_Host"], "hostname must be a DNS name"],
  ])("refuses %j with a message", async (set, message) => {
    const res = await render(...set);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain(message);
  });
});
