import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { apiToken, login, seedUser, TEST_PASSWORD } from "../helpers/users";
import { callRoute } from "../helpers/routes";

type ErrorBody = { error: { code: string; message: string } };

describe("sessions, tokens and login limits", () => {
  let adminCookie: string;
  beforeAll(async () => {
    await seedUser("root", "admin");
    adminCookie = await login("root");
  });

  it("answers every login failure with one generic message and audits it", async () => {
    await seedUser("gina", "viewer");
    const wrong = await callRoute("POST", "/api/v1/session", { body: { username: "gina", password: "not-her-password" }, ip: "10.0.0.1" });
    const unknown = await callRoute("POST", "/api/v1/session", { body: { username: "nobody", password: "whatever-it-is" }, ip: "10.0.0.1" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as ErrorBody;
    const b = (await unknown.json()) as ErrorBody;
    expect(a.error.message).toBe("Invalid username or password");
    expect(b.error.message).toBe(a.error.message);
    const failures = await prisma.auditEvent.count({ where: { action: "auth.login", outcome: "failure" } });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it("refuses the 11th failure in 5 minutes for the same user and IP with 429, other IPs still work", async () => {
    await seedUser("hank", "viewer");
    for (let i = 0; i < 10; i++) {
      const res = await callRoute("POST", "/api/v1/session", { body: { username: "hank", password: `wrong-${i}-xxxxxx` }, ip: "10.0.0.2" });
      expect(res.status).toBe(401);
    }
    const limited = await callRoute("POST", "/api/v1/session", { body: { username: "hank", password: TEST_PASSWORD }, ip: "10.0.0.2" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    // The right password from another address is not blocked.
    expect((await callRoute("POST", "/api/v1/session", { body: { username: "hank", password: TEST_PASSWORD }, ip: "10.0.0.3" })).status).toBe(200);
  });

  it("stops a disabled user's session and API tokens at once", async () => {
    const ivy = await seedUser("ivy", "operator");
    const cookie = await login("ivy");
    const token = await apiToken(cookie);
    expect((await callRoute("GET", "/api/v1/me", { cookie })).status).toBe(200);
    expect((await callRoute("GET", "/api/v1/me", { token })).status).toBe(200);

    const disable = await callRoute("PATCH", `/api/v1/users/${ivy.id}`, { cookie: adminCookie, body: { disabled: true } });
    expect(disable.status).toBe(200);
    expect((await callRoute("GET", "/api/v1/me", { cookie })).status).toBe(401);
    expect((await callRoute("GET", "/api/v1/me", { token })).status).toBe(401);
    expect((await callRoute("POST", "/api/v1/session", { body: { username: "ivy", password: TEST_PASSWORD } })).status).toBe(401);

    await callRoute("PATCH", `/api/v1/users/${ivy.id}`, { cookie: adminCookie, body: { disabled: false } });
    expect((await callRoute("GET", "/api/v1/me", { token })).status).toBe(200);
  });

  it("logs out: the cookie stops working", async () => {
    await seedUser("jack", "viewer");
    const cookie = await login("jack");
    const out = await callRoute("DELETE", "/api/v1/session", { cookie });
    expect(out.status).toBe(200);
    expect((await callRoute("GET", "/api/v1/me", { cookie })).status).toBe(401);
  });

  it("issues API tokens once, stores only a hash, and revokes them", async () => {
    await seedUser("kim", "viewer");
    const cookie = await login("kim");
    const res = await callRoute("POST", "/api/v1/tokens", { cookie, body: { name: "ci", ttlDays: 30 } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string };
    expect(created.token).toMatch(/^opt_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    const list = (await (await callRoute("GET", "/api/v1/tokens", { token: created.token })).json()) as { items: object[] };
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect((await callRoute("DELETE", `/api/v1/tokens/${created.id}`, { cookie })).status).toBe(200);
    expect((await callRoute("GET", "/api/v1/me", { token: created.token })).status).toBe(401);
  });

  it("checks at most 10 passwords per window however many attempts run in parallel", async () => {
    await seedUser("ivan", "viewer");
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => callRoute("POST", "/api/v1/session", { body: { username: "ivan", password: `wrong-${i}-xxxxxx` }, ip: "10.0.0.9" }).then((r) => r.status)),
    );
    // 401 = a password was checked; 429 = refused before any check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const checked = await prisma.auditEvent.count({ where: { action: "auth.login", actorName: "ivan", outcome: "failure" } });
    expect(checked).toBe(10);
  });

  it("refuses cookie-authenticated writes from another origin, a null or a garbage Origin", async () => {
    for (const origin of ["https://evil.example", "null", "::not a url::", "https://localhost:8443.evil.example"]) {
      const res = await callRoute("POST", "/api/v1/tokens", { cookie: adminCookie, body: { name: "x" }, headers: { origin } });
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as ErrorBody).error.message).toBe("Cross-origin request refused");
    }
    const same = await callRoute("POST", "/api/v1/tokens", { cookie: adminCookie, body: { name: "x" }, headers: { origin: "https://localhost:8443" } });
    expect(same.status).toBe(201);
  });

  it("accepts cookie-authenticated bodies only as application/json (no text/plain form posts)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await callRoute("POST", "/api/v1/tokens", { cookie: adminCookie, rawBody: JSON.stringify({ name: "csrf" }), headers: { "content-type": type } });
      expect(res.status, type).toBe(415);
      expect(((await res.json()) as ErrorBody).error.code).toBe("unsupported_media_type");
    }
    const login = await callRoute("POST", "/api/v1/session", { rawBody: JSON.stringify({ username: "root", password: TEST_PASSWORD }), headers: { "content-type": "text/plain" } });
    expect(login.status).toBe(415);
    expect(await prisma.apiToken.count({ where: { name: "csrf" } })).toBe(0);
    // Automation with an API token is not a browser: its writes are not held to this rule.
    const token = await apiToken(adminCookie);
    const scripted = await callRoute("POST", "/api/v1/tokens", { token, rawBody: JSON.stringify({ name: "scripted" }), headers: { "content-type": "text/plain" } });
    expect(scripted.status).toBe(201);
  });

  it("keeps at least one active admin", async () => {
    const root = await prisma.user.findUniqueOrThrow({ where: { username: "root" } });
    await prisma.user.updateMany({ where: { role: "admin", id: { not: root.id } }, data: { role: "viewer" } });
    const res = await callRoute("PATCH", `/api/v1/users/${root.id}`, { cookie: adminCookie, body: { role: "viewer" } });
    expect(res.status).toBe(409);
  });
});
