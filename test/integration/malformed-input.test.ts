import { beforeAll, describe, expect, it } from "vitest";
import { callRoute, discoverRoutes, routeMethods, type Method } from "../helpers/routes";
import { apiToken, login, seedUser } from "../helpers/users";

const BODIES: Array<{ name: string; raw: string }> = [
  { name: "broken JSON", raw: '{"username": "a",' },
  { name: "empty body", raw: "" },
  { name: "JSON null", raw: "null" },
  { name: "JSON array", raw: "[1,2,3]" },
  { name: "JSON string", raw: '"hello"' },
  { name: "wrong types", raw: JSON.stringify({ username: 5, password: [], name: {}, role: 7, ttlDays: "ten", disabled: "yes", locale: 3, displayName: false, currentPassword: 1, newPassword: null }) },
  { name: "oversized", raw: JSON.stringify({ name: "x".repeat(1_100_000) }) },
  { name: "NUL in strings", raw: '{"username":"a\\u0000b","password":"p\\u0000","name":"n\\u0000","displayName":"d\\u0000","role":"viewer","currentPassword":"x\\u0000","newPassword":"y\\u0000y-long-enough","labels":{"k\\u0000":"v"}}' },
  { name: "lone surrogates", raw: '{"username":"a\\ud800","password":"\\udc00pw","name":"\\ud83d","displayName":"x\\udfff","role":"viewer","newPassword":"\\ud800long-enough-pass"}' },
];

const QUERIES = ["?limit=abc", "?limit=-5", "?since=yesterday", "?before=0", "?outcome=maybe", "?limit=999999"];

describe("malformed input gets a 4xx with a message, never a 500", () => {
  let adminId: string;
  // A personal API token, not a session: no route can end it, and no login per call.
  let token: string;
  beforeAll(async () => {
    adminId = (await seedUser("mal", "admin")).id;
    token = await apiToken(await login("mal"));
  });

  it("for every body-taking route and every kind of bad body", { timeout: 120_000 }, async () => {
    const routes = discoverRoutes();
    let checked = 0;
    for (const route of routes) {
      for (const method of await routeMethods(route)) {
        if (!(["POST", "PUT", "PATCH"] as Method[]).includes(method)) continue;
        const url = route.pattern.replace(/\[[^\]]+\]/g, adminId);
        for (const body of BODIES) {
          const res = await callRoute(method, url, { token, rawBody: body.raw });
          const label = `${method} ${route.pattern} with ${body.name}`;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          const json = (await res.json()) as { error?: { message?: string; code?: string } };
          expect(json.error?.message, label).toBeTruthy();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(BODIES.length * 6);
  });

  it("for every GET route with nonsense query parameters", { timeout: 120_000 }, async () => {
    let checked = 0;
    for (const route of discoverRoutes()) {
      if (!(await routeMethods(route)).includes("GET")) continue;
      for (const query of QUERIES) {
        const res = await callRoute("GET", route.pattern.replace(/\[[^\]]+\]/g, "no-such-id") + query, { token });
        expect(res.status, `${route.pattern}${query}`).toBeLessThan(500);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(QUERIES.length * 4);
  });

  it("answers a bad id with 404, not 500", async () => {
    const res = await callRoute("PATCH", "/api/v1/users/does-not-exist", { token, body: { role: "viewer" } });
    expect(res.status).toBe(404);
  });
});
