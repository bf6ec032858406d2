// Git-sourced bundles against a real Git server (git http-backend behind basic auth):
// the first revision is read at creation, a pushed commit becomes a new revision on the
// webhook (`POST /sync`, here with an API token) and on the poll, a tag or a path pick
// what is read, and the token is never returned, logged, audited or stored in clear. The
// source can be changed (URL, branch, path, credentials: read at once, a new revision), and
// a Git host's webhook signed with the bundle's secret (GitHub HMAC, GitLab token) reads it.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { pollGitBundles } from "@/lib/server/bundles/git-poller";
import type { TBundleDetail, TBundleRevision } from "@/lib/shared/bundles/bundles.schema";
import { startGitHttpServer, type GitHttpServer, type GitRepo } from "../helpers/git-http-server";
import { callRoute } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";

const TOKEN = "glpat-s3cr3t-t0ken-0123456789";
const cm = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: edge\ndata:\n  greeting: "${value}"\n  site: "\${cluster.labels.site}"\n`;

describe("bundles from Git", () => {
  let server: GitHttpServer;
  let repo: GitRepo;
  let operator: string;
  let token: string;
  let first = "";
  const output: string[] = [];

  beforeAll(async () => {
    // Everything the console prints during the file, to prove the token never appears.
    for (const fn of ["log", "error", "warn", "info"] as const) vi.spyOn(console, fn).mockImplementation((...args: unknown[]) => void output.push(args.map(String).join(" ")));
    server = await startGitHttpServer({ username: "deploy", password: TOKEN });
    repo = await server.createRepo("fleet");
    first = await repo.commit({ "deploy/a-config.yaml": cm("greet", "hello"), "deploy/README.md": "not yaml, not read", "other/x.yaml": cm("other", "no") }, "first");
    await repo.tag("v1");
    await seedUser("gina", "operator");
    operator = await login("gina");
    token = await apiToken(operator);
    await prisma.cluster.create({ data: { id: "git-0", name: "git-0", displayName: "git-0", labels: { env: "prod", site: "oslo" } } });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.stop();
  });

  const create = (body: Record<string, unknown>) => callRoute("POST", "/api/v1/bundles", { cookie: operator, body: { targets: { clusterSelector: "env=prod" }, ...body } });
  const revisions = async (id: string) => ((await (await callRoute("GET", `/api/v1/bundles/${id}/revisions`, { cookie: operator })).json()) as { items: TBundleRevision[] }).items;

  it("refuses a wrong token or a missing ref with 422 naming the cause, never the token", async () => {
    const wrong = await create({ name: "bad-token", source: { git: { url: repo.url, ref: "main", path: "deploy", auth: { username: "deploy", token: "wrong-token" } } } });
    expect(wrong.status).toBe(422);
    const wrongText = await wrong.text();
    expect(wrongText).toMatch(/401/);
    expect(wrongText).not.toContain("wrong-token");
    const noRef = await create({ name: "no-ref", source: { git: { url: repo.url, ref: "nope", path: "deploy", auth: { username: "deploy", token: TOKEN } } } });
    expect(noRef.status).toBe(422);
    const noRefText = await noRef.text();
    expect(noRefText).toMatch(/no branch or tag \\"nope\\"/);
    const creds = await create({ name: "in-url", source: { git: { url: repo.url.replace("http://", "http://deploy:x@"), ref: "main" } } });
    expect(creds.status).toBe(422);
    expect(await creds.text()).toMatch(/must not contain credentials/);
    const remote = await create({ name: "plain-http", source: { git: { url: "http://git.example.com/fleet.git" } } });
    expect(remote.status).toBe(422);
    expect(await prisma.bundle.count()).toBe(0);
  });

  it("creates revision 1 from the path at the branch tip; a pushed commit is a new revision on the webhook", async () => {
    const res = await create({ name: "from-git", source: { git: { url: repo.url, ref: "main", path: "deploy", pollSeconds: 60, auth: { username: "deploy", token: TOKEN } } } });
    expect(res.status, await res.clone().text()).toBe(201);
    const text = await res.clone().text();
    expect(text).not.toContain(TOKEN);
    const created = (await res.json()) as TBundleDetail;
    expect(created.git).toMatchObject({ url: repo.url, ref: "main", path: "deploy", username: "deploy", hasSecret: true, commit: first, error: null });
    const [r1] = await revisions(created.id);
    expect(r1).toMatchObject({ number: 1, gitCommit: first });
    expect(r1!.yaml).toContain("name: greet");
    expect(r1!.yaml).not.toContain("name: other"); // outside the path
    // Stored encrypted: the column holds neither the token nor anything that decodes to it plainly.
    const row = await prisma.bundle.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.gitSecret).toMatch(/^v1\./);
    expect(row.gitSecret).not.toContain(TOKEN);
    expect(Buffer.from(row.gitSecret!.split(".")[3]!, "base64url").toString()).not.toContain(TOKEN);

    const second = await repo.commit({ "deploy/b-web.yaml": cm("web", "two") }, "second");
    const sync = await callRoute("POST", `/api/v1/bundles/${created.id}/sync`, { token });
    expect(sync.status).toBe(200);
    const synced = (await sync.json()) as { commit: string; revision: number; bundle: TBundleDetail };
    expect(synced).toMatchObject({ commit: second, revision: 2, bundle: { revision: 2, status: "progressing", git: { commit: second } } });
    const [r2] = await revisions(created.id);
    expect(r2!.yaml.indexOf("name: greet")).toBeLessThan(r2!.yaml.indexOf("name: web")); // files in path order
    const again = (await (await callRoute("POST", `/api/v1/bundles/${created.id}/sync`, { token })).json()) as { revision: number | null };
    expect(again.revision).toBeNull();
    // YAML edits go through Git; values still change here.
    const pasted = await callRoute("POST", `/api/v1/bundles/${created.id}/revisions`, { cookie: operator, body: { source: { yaml: cm("x", "y") } } });
    expect(pasted.status).toBe(409);
  });

  it("the poller reads each bundle at its interval; YAML that does not render is the source's error, not a revision", async () => {
    const bundle = await prisma.bundle.findUniqueOrThrow({ where: { name: "from-git" } });
    const third = await repo.commit({ "deploy/a-config.yaml": cm("greet", "polled") }, "third");
    expect(await pollGitBundles(new Date())).toBe(0); // read moments ago by the webhook: not due
    expect(await pollGitBundles(new Date(Date.now() + 61_000))).toBe(1);
    expect((await revisions(bundle.id))[0]).toMatchObject({ number: 3, gitCommit: third });

    const broken = await repo.commit({ "deploy/c-bad.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: x }\n" }, "bad kind");
    expect(await pollGitBundles(new Date(Date.now() + 200_000))).toBe(0);
    const detail = (await (await callRoute("GET", `/api/v1/bundles/${bundle.id}`, { cookie: operator })).json()) as TBundleDetail;
    expect(detail.revision).toBe(3);
    expect(detail.git?.error).toMatch(new RegExp(`commit ${broken.slice(0, 7)}: .*cannot be part of a bundle`));
    const fixed = await repo.commit({ "deploy/c-bad.yaml": null }, "fix");
    expect(await pollGitBundles(new Date(Date.now() + 300_000))).toBe(1);
    const after = (await (await callRoute("GET", `/api/v1/bundles/${bundle.id}`, { cookie: operator })).json()) as TBundleDetail;
    expect(after).toMatchObject({ revision: 4, git: { commit: fixed, error: null } });
  });

  it("follows a tag, reads a single file, and keeps the token out of logs and the audit", async () => {
    await repo.commit({ "deploy/a-config.yaml": cm("greet", "after-tag") }, "after tag");
    const res = await create({ name: "tagged", source: { git: { url: repo.url, ref: "v1", path: "deploy/a-config.yaml", auth: { username: "deploy", token: TOKEN } } } });
    expect(res.status, await res.clone().text()).toBe(201);
    const tagged = (await res.json()) as TBundleDetail;
    expect(tagged.git?.commit).toBe(first); // the tag's commit (peeled), not the branch tip
    expect((await revisions(tagged.id))[0]!.yaml).toContain('greeting: "hello"');

    const audit = await prisma.auditEvent.findMany({ where: { targetType: "bundle" } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(TOKEN);
    expect(server.requests.some((r) => !r.authorized)).toBe(true); // the client was challenged…
    expect(server.requests.some((r) => r.authorized && r.path.endsWith("/git-upload-pack"))).toBe(true); // …and fetched with the credentials
    expect(output.join("\n")).not.toContain(TOKEN);
  });

  it("changes a bundle's URL, branch, path and credentials: read at once into a new revision; a source that cannot be read changes nothing", async () => {
    const bundle = await prisma.bundle.findUniqueOrThrow({ where: { name: "from-git" } });
    const patch = (body: Record<string, unknown>) => callRoute("PATCH", `/api/v1/bundles/${bundle.id}/git`, { cookie: operator, body });
    const other = await server.createRepo("fleet-next");
    await other.commit({ "README.md": "fleet" }, "init");
    const release = await other.commit({ "apps/site.yaml": cm("moved", "from the new repository") }, "release", "release");
    const before = (await revisions(bundle.id))[0]!.number;

    const moved = await patch({ url: other.url, ref: "release", path: "apps" });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const detail = (await moved.json()) as TBundleDetail;
    expect(detail).toMatchObject({ revision: before + 1, git: { url: other.url, ref: "release", path: "apps", commit: release, hasSecret: true, error: null } });
    const [latest] = await revisions(bundle.id);
    expect(latest).toMatchObject({ number: before + 1, gitCommit: release });
    expect(latest!.yaml).toContain("name: moved");

    // A wrong token, or none for a server that demands one: 422 naming the cause, nothing saved.
    const row = await prisma.bundle.findUniqueOrThrow({ where: { id: bundle.id } });
    const wrong = await patch({ auth: { username: "deploy", token: "wrong-token" } });
    expect(wrong.status).toBe(422);
    const wrongText = await wrong.text();
    expect(wrongText).toMatch(/401/);
    expect(wrongText).not.toContain("wrong-token");
    expect((await patch({ auth: null })).status).toBe(422);
    expect((await patch({ path: "no/such/dir" })).status).toBe(422);
    expect(await prisma.bundle.findUniqueOrThrow({ where: { id: bundle.id } })).toMatchObject({ gitSecret: row.gitSecret, gitPath: "apps", gitUrl: other.url });
    expect((await revisions(bundle.id))[0]!.number).toBe(before + 1);

    // New credentials are sealed again and a revision is read with them; the poll interval alone makes none.
    const rotated = await patch({ auth: { username: "deploy", token: TOKEN } });
    expect(rotated.status).toBe(200);
    expect(await rotated.text()).not.toContain(TOKEN);
    const resealed = await prisma.bundle.findUniqueOrThrow({ where: { id: bundle.id } });
    expect(resealed.gitSecret).toMatch(/^v1\./);
    expect(resealed.gitSecret).not.toBe(row.gitSecret);
    expect((await revisions(bundle.id))[0]!.number).toBe(before + 2);
    const slower = await patch({ pollSeconds: 120 });
    expect(((await slower.json()) as TBundleDetail).git?.pollSeconds).toBe(120);
    expect((await revisions(bundle.id))[0]!.number).toBe(before + 2);

    expect((await patch({})).status).toBe(422);
    const audit = await prisma.auditEvent.findMany({ where: { action: "bundle.git.update", targetId: bundle.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => (a.details as { changed: string[] }).changed)).toEqual([["url", "ref", "path"], ["credentials"], ["pollSeconds"]]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(TOKEN);
    // A pasted-YAML bundle has no Git source to change.
    const pasted = await create({ name: "pasted", source: { yaml: cm("p", "q") } });
    expect((await callRoute("PATCH", `/api/v1/bundles/${((await pasted.json()) as TBundleDetail).id}/git`, { cookie: operator, body: { ref: "main" } })).status).toBe(409);
  });

  it("signed webhooks: GitHub's HMAC or GitLab's token reads the ref without a login; a wrong, missing or stale signature is 401 and reads nothing", async () => {
    const bundle = await prisma.bundle.findUniqueOrThrow({ where: { name: "tagged" } });
    await callRoute("PATCH", `/api/v1/bundles/${bundle.id}/git`, { cookie: operator, body: { ref: "main" } });
    const made = await callRoute("POST", `/api/v1/bundles/${bundle.id}/webhook-secret`, { cookie: operator });
    expect(made.status).toBe(200);
    const { secret, path } = (await made.json()) as { secret: string; path: string };
    expect(path).toBe(`/api/v1/bundles/${bundle.id}/webhook`);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const stored = await prisma.bundle.findUniqueOrThrow({ where: { id: bundle.id } });
    expect(stored.gitWebhookSecret).toMatch(/^v1\./);
    expect(stored.gitWebhookSecret).not.toContain(secret);
    const shown = await callRoute("GET", `/api/v1/bundles/${bundle.id}`, { cookie: operator });
    const shownText = await shown.text();
    expect(shownText).not.toContain(secret);
    expect((JSON.parse(shownText) as TBundleDetail).git?.hasWebhookSecret).toBe(true);

    const hook = (body: string, headers: Record<string, string>, id = bundle.id) => callRoute("POST", `/api/v1/bundles/${id}/webhook`, { rawBody: body, headers: { "content-type": "application/json", ...headers } });
    const sign = (body: string, key = secret) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
    const payload = JSON.stringify({ ref: "refs/heads/main", after: "x" });
    const head = await repo.commit({ "deploy/a-config.yaml": cm("greet", "hooked") }, "hooked");
    const revisionBefore = (await revisions(bundle.id))[0]!.number;

    const wrongs: Record<string, string>[] = [{}, { "x-hub-signature-256": sign(payload + " ") }, { "x-hub-signature-256": sign(payload, "not-the-secret") }, { "x-gitlab-token": "not-the-secret" }];
    for (const headers of wrongs) {
      const res = await hook(payload, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    // An unknown bundle answers the same as a wrong signature.
    expect((await hook(payload, { "x-hub-signature-256": sign(payload) }, "no-such-bundle")).status).toBe(401);
    expect((await revisions(bundle.id))[0]!.number).toBe(revisionBefore);

    const ping = await hook(payload, { "x-hub-signature-256": sign(payload), "x-github-event": "ping" });
    expect(await ping.json()).toEqual({ event: "ping", sync: null });
    // GitHub's form-encoded deliveries are signed over the raw body the same way.
    const form = `payload=${encodeURIComponent(payload)}`;
    const github = await hook(form, { "x-hub-signature-256": sign(form), "x-github-event": "push", "content-type": "application/x-www-form-urlencoded" });
    expect(github.status, await github.clone().text()).toBe(200);
    expect(await github.json()).toMatchObject({ event: "push", sync: { commit: head, revision: revisionBefore + 1, error: null } });

    const next = await repo.commit({ "deploy/a-config.yaml": cm("greet", "gitlab") }, "gitlab");
    const gitlab = await hook(payload, { "x-gitlab-token": secret, "x-gitlab-event": "Push Hook" });
    expect(await gitlab.json()).toMatchObject({ event: "Push Hook", sync: { commit: next, revision: revisionBefore + 2 } });

    // A new secret retires the old one.
    await callRoute("POST", `/api/v1/bundles/${bundle.id}/webhook-secret`, { cookie: operator });
    expect((await hook(payload, { "x-hub-signature-256": sign(payload) })).status).toBe(401);
    expect(output.join("\n")).not.toContain(secret);
  });
});
