import { beforeAll, describe, expect, it } from "vitest";
import { malformedPathResponse } from "@/lib/server/http/malformed-path";
import { appPatterns, dynamicSegments, fillPattern } from "../helpers/app-patterns";
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

const QUERIES = ["?limit=abc", "?limit=-5", "?since=yesterday", "?before=0", "?outcome=maybe", "?limit=999999", "?namespace=a%00b&q=%00", "?labelSelector=%ED%A0%80"];

/** Path segments Next.js cannot turn into a route parameter PostgreSQL can take. */
const BAD_SEGMENTS = ["%E0%A4%A", "%zz", "%", "%00", "a%00b", "%C0%80"];

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

  it("for every dynamic segment of every API route: bad %-encoding and NUL get 400 with a message", { timeout: 120_000 }, async () => {
    let checked = 0;
    for (const route of discoverRoutes()) {
      for (const method of await routeMethods(route)) {
        for (let bad = 0; bad < route.paramNames.length; bad++) {
          for (const segment of BAD_SEGMENTS) {
            const url = fillPattern(route.pattern, adminId, bad, segment);
            const res = await callRoute(method, url, ["POST", "PUT", "PATCH"].includes(method) ? { token, body: {} } : { token });
            const label = `${method} ${url}`;
            expect(res.status, label).toBe(400);
            const json = (await res.json()) as { error?: { message?: string; code?: string } };
            expect(json.error?.code, label).toBe("bad_request");
            expect(json.error?.message, label).toMatch(/percent-encoding|NUL/);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(BAD_SEGMENTS.length * 60);
  });

  it("for every dynamic page: bad %-encoding and NUL get the translated 400 page", () => {
    const pages = appPatterns("page.tsx").filter((p) => dynamicSegments(p) > 0);
    expect(pages.length).toBeGreaterThan(20);
    for (const pattern of pages) {
      for (let bad = 0; bad < dynamicSegments(pattern); bad++) {
        for (const segment of BAD_SEGMENTS) {
          const url = fillPattern(pattern, "some-id", bad, segment);
          const en = malformedPathResponse(url, new Headers({ "accept-language": "en-US,en;q=0.9" }), "r");
          const zh = malformedPathResponse(url, new Headers({ cookie: "theme=dark; outpost-locale=zh-Hans", "accept-language": "en" }), "r");
          expect(en?.status, url).toBe(400);
          expect(en?.headers.get("content-type"), url).toMatch(/^text\/html/);
          expect(zh?.status, url).toBe(400);
        }
      }
    }
    const en = malformedPathResponse("/clusters/%E0%A4%A", new Headers(), "r");
    const zh = malformedPathResponse("/clusters/%00/pods", new Headers({ "accept-language": "zh-CN,zh;q=0.9" }), "r");
    return Promise.all([en!.text(), zh!.text()]).then(([enHtml, zhHtml]) => {
      expect(enHtml).toContain("This address cannot be read");
      expect(zhHtml).toContain('lang="zh-Hans"');
      expect(zhHtml).toContain("无法识别此地址");
    });
  });

  it("lets well-formed escapes through (a name with a space or a Chinese letter is not malformed)", () => {
    for (const url of ["/clusters/a%20b", "/clusters/%E4%B8%AD", "/api/v1/clusters/x%2Fy", "/fleet?q=a%20b&kind=%zz", "/k8s/clusters/c/api/v1/pods?labelSelector=%00"]) {
      expect(malformedPathResponse(url, new Headers(), "r"), url).toBeNull();
    }
  });

  it("a NUL in a query parameter of a page or API route gets 400 too (the passthrough answers its own, as a Kubernetes Status)", async () => {
    for (const url of ["/fleet?q=%00", "/clusters?x=1&q=a%00b", "/fleet?%00=1", "/audit?q=%00#top"]) {
      const res = malformedPathResponse(url, new Headers(), "r");
      expect(res?.status, url).toBe(400);
      expect(res?.headers.get("content-type"), url).toMatch(/^text\/html/);
    }
    const api = malformedPathResponse("/api/v1/clusters?q=%00", new Headers(), "r");
    expect(api?.status).toBe(400);
    expect(await api!.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/query string contains a NUL/) } });
  });

  it("answers a bad id with 404, not 500", async () => {
    const res = await callRoute("PATCH", "/api/v1/users/does-not-exist", { token, body: { role: "viewer" } });
    expect(res.status).toBe(404);
  });
});
