import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { ensureBootstrapAdmin } from "@/lib/server/users/ensure-bootstrap-admin";
import { callRoute } from "../helpers/routes";

describe("first-start admin", () => {
  it("two concurrent first starts create exactly one admin, with a one-time password", async () => {
    const results = await Promise.all([ensureBootstrapAdmin(undefined), ensureBootstrapAdmin(undefined), ensureBootstrapAdmin(undefined)]);
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    expect(await prisma.user.count()).toBe(1);
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin.role).toBe("admin");
    expect(admin.mustChangePassword).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "user.bootstrap" } })).toBe(1);

    const first = created[0];
    if (!first?.created || !first.generatedPassword) throw new Error("expected a generated password");
    // The generated password logs in, and the session may do nothing but change it.
    const login = await callRoute("POST", "/api/v1/session", { body: { username: "admin", password: first.generatedPassword } });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const users = await callRoute("GET", "/api/v1/users", { cookie });
    expect(users.status).toBe(403);
    expect(((await users.json()) as { error: { code: string } }).error.code).toBe("password_change_required");
    const change = await callRoute("POST", "/api/v1/me/password", {
      cookie,
      body: { currentPassword: first.generatedPassword, newPassword: "a-new-long-password" },
    });
    expect(change.status).toBe(200);
    expect((await callRoute("GET", "/api/v1/users", { cookie })).status).toBe(200);
  });

  it("does nothing once users exist, and never stores the password in the audit log", async () => {
    expect(await ensureBootstrapAdmin("another-password-123")).toEqual({ created: false });
    const events = await prisma.auditEvent.findMany();
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/another-password|\$scrypt|[a-f0-9]{32}:/);
  });
});
