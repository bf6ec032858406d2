// Bad input never yields a 5xx, through the real server: every page and every API route
// with a dynamic segment, that segment replaced by a percent-encoding that is not UTF-8 or
// by a NUL, answers 400 — the API's JSON error for API routes, the console's translated
// page for pages (in the language of the locale cookie).
import { expect, test } from "@playwright/test";
import { appPatterns, dynamicSegments, fillPattern } from "../test/helpers/app-patterns";

const BAD = ["%E0%A4%A", "%zz", "%00"];

test("malformed dynamic segments: 400 with a message on every page and API route, never a 5xx", async ({ request }) => {
  test.setTimeout(180_000);
  const patterns = [...appPatterns("page.tsx"), ...appPatterns("route.ts")].filter((p) => dynamicSegments(p) > 0);
  expect(patterns.length).toBeGreaterThan(80);
  const failures: string[] = [];
  for (const pattern of patterns) {
    // The first and the last dynamic segment (the same one when there is only one).
    for (const bad of new Set([0, dynamicSegments(pattern) - 1])) {
      for (const segment of BAD) {
        const url = fillPattern(pattern, "some-id", bad, segment);
        const res = await request.get(url, { maxRedirects: 0 });
        const body = await res.text();
        const isApi = /^\/(api|v3)\//.test(url);
        const ok = res.status() === 400 && (isApi ? /"code":"bad_request"/.test(body) : body.includes("This address cannot be read"));
        if (!ok) failures.push(`${url} → ${res.status()} ${body.slice(0, 80)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  // A NUL in a page's query parameter (the fleet search) is refused the same way.
  const query = await request.get("/fleet?q=%00");
  expect(query.status()).toBe(400);
  expect(await query.text()).toContain("This address cannot be read");
  const zh = await request.get("/clusters/%E0%A4%A/pods", { headers: { cookie: "outpost-locale=zh-Hans" } });
  expect(zh.status()).toBe(400);
  expect(await zh.text()).toContain("无法识别此地址");
});
