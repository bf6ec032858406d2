import { expect } from "vitest";
import { createUser } from "@/lib/server/users/create-user";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import type { TUser, TUserRole } from "@/lib/shared/users/users.schema";
import { callRoute } from "./routes";

export const TEST_PASSWORD = "correct-horse-battery";

/** Creates a user through the domain function (no password change required). */
export async function seedUser(username: string, role: TUserRole): Promise<TUser> {
  return createUser({ username, role, password: TEST_PASSWORD, mustChangePassword: false }, SYSTEM_ACTOR);
}

/** Logs in through POST /api/v1/session and returns the Cookie header value to send. */
export async function login(username: string, password = TEST_PASSWORD, ip = "127.0.0.1"): Promise<string> {
  const res = await callRoute("POST", "/api/v1/session", { body: { username, password }, ip });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Creates a personal API token for an already logged-in user. */
export async function apiToken(cookie: string): Promise<string> {
  const res = await callRoute("POST", "/api/v1/tokens", { cookie, body: { name: "test" } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}
