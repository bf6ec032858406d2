// Single sign-on against a real OpenID provider (oidc-provider, with its own login and
// consent pages), driven over HTTP like a browser: the console's start route, the provider's
// pages, the console's callback, then the session it made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/server/config/load-config";
import { prisma } from "@/lib/server/db/prisma";
import { getRuntimeContext, setRuntimeContext } from "@/lib/server/runtime/runtime-context";
import type { TUser } from "@/lib/shared/users/users.schema";
import { startTestOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";
import { callRoute } from "../helpers/routes";
import { login, seedUser } from "../helpers/users";

const CONSOLE = "https://localhost:8443";

/** Cookies of one site, as a browser keeps them (name → value). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** The form of the provider's login or consent page: its action and hidden fields. */
function formOf(html: string, base: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 200)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  return { action: new URL(action.replace(/&amp;/g, "&"), base).toString(), fields };
}

/**
 * Signs `loginName` in: GET /api/v1/session/oidc → the provider's login page (any password)
 * → its consent page → back to /api/auth/callback/oidc. Returns the callback's response and
 * the console's cookies.
 */
async function signInThroughProvider(op: TestOidcProvider, loginName: string): Promise<{ res: Response; cookie: string }> {
  const consoleJar = new Jar();
  const start = await callRoute("GET", "/api/v1/session/oidc");
  expect(start.status, await start.clone().text()).toBe(302);
  consoleJar.take(start);
  let location = start.headers.get("location")!;
  expect(location.startsWith(`${op.issuer}/`)).toBe(true);
  const authUrl = new URL(location);
  expect(authUrl.searchParams.get("code_challenge_method")).toBe("S256");
  const providerJar = new Jar();
  for (let hop = 0; hop < 20; hop++) {
    if (location.startsWith(CONSOLE)) {
      const res = await callRoute("GET", location, { cookie: consoleJar.header() });
      consoleJar.take(res);
      return { res, cookie: consoleJar.header() };
    }
    let res = await fetch(location, { redirect: "manual", headers: { cookie: providerJar.header() } });
    providerJar.take(res);
    if (res.status === 200) {
      const html = await res.text();
      const form = formOf(html, location);
      const body = new URLSearchParams(form.fields);
      if (form.fields.prompt === "login") {
        body.set("login", loginName);
        body.set("password", "any-password");
      }
      res = await fetch(form.action, { method: "POST", redirect: "manual", body, headers: { cookie: providerJar.header(), "content-type": "application/x-www-form-urlencoded" } });
      providerJar.take(res);
    }
    expect([302, 303], `hop ${hop} at ${location}`).toContain(res.status);
    location = new URL(res.headers.get("location")!, location).toString();
  }
  throw new Error("too many redirects");
}

describe("single sign-on with a local OpenID provider", () => {
  let op: TestOidcProvider;
  beforeAll(async () => {
    op = await startTestOidcProvider(CONSOLE);
    op.accounts.set("gina", { name: "Gina Berlin", email: "gina@example.test", groups: ["berlin-ops", "staff"] });
    op.accounts.set("admin", { name: "Impostor", email: "impostor@example.test", groups: [] });
    const ctx = getRuntimeContext();
    const config = loadConfig({
      OUTPOST_DATA_DIR: ctx.config.dataDir,
      OUTPOST_PORT: "8443",
      OUTPOST_OIDC_ISSUER: op.issuer,
      OUTPOST_OIDC_CLIENT_ID: op.clientId,
      OUTPOST_OIDC_CLIENT_SECRET: op.clientSecret,
      OUTPOST_OIDC_NAME: "Test IdP",
    });
    // Before the first use of better-auth in this file: its instance reads the config once.
    setRuntimeContext({ ...ctx, config });
    await seedUser("admin", "admin");
  });
  afterAll(async () => {
    await op?.stop();
  });

  it("provisions the user from the claims at first sign-in, with the groups and no role of their own", async () => {
    const { res, cookie } = await signInThroughProvider(op, "gina");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/fleet$/);
    expect(cookie).toMatch(/outpost\.session_token=/);
    const me = (await (await callRoute("GET", "/api/v1/me", { cookie })).json()) as { user: TUser; permissions: string[] };
    expect(me.user).toMatchObject({ username: "gina", displayName: "Gina Berlin", role: "none", idpGroups: ["berlin-ops", "staff"] });
    expect(me.permissions).not.toContain("clusters:read");
    expect(await prisma.auditEvent.count({ where: { action: "auth.login", actorName: "gina", details: { path: ["method"], equals: "oidc" } } })).toBe(1);

    // A group binding gives her access; the next sign-in rewrites the groups from the claim.
    await prisma.roleBinding.create({ data: { subjectKind: "group", subject: "berlin-ops", role: "viewer" } });
    expect(((await (await callRoute("GET", "/api/v1/me", { cookie })).json()) as { permissions: string[] }).permissions).toContain("clusters:read");
    op.accounts.set("gina", { name: "Gina B.", email: "gina@example.test", groups: ["staff"] });
    const again = await signInThroughProvider(op, "gina");
    expect(again.res.headers.get("location")).toMatch(/\/fleet$/);
    const me2 = (await (await callRoute("GET", "/api/v1/me", { cookie: again.cookie })).json()) as { user: TUser; permissions: string[] };
    expect(me2.user).toMatchObject({ username: "gina", displayName: "Gina B.", idpGroups: ["staff"] });
    expect(me2.permissions).not.toContain("clusters:read");
    expect(await prisma.user.count({ where: { username: "gina" } })).toBe(1);
  });

  it("signs out at the provider too (RP-initiated logout)", async () => {
    const { cookie } = await signInThroughProvider(op, "gina");
    const out = await callRoute("DELETE", "/api/v1/session", { cookie, headers: { origin: CONSOLE } });
    expect(out.status).toBe(200);
    const { logoutUrl } = (await out.json()) as { logoutUrl: string | null };
    expect(logoutUrl).toMatch(new RegExp(`^${op.issuer}/session/end\\?`));
    expect(new URL(logoutUrl!).searchParams.get("post_logout_redirect_uri")).toBe(`${CONSOLE}/login`);
    expect((await callRoute("GET", "/api/v1/me", { cookie })).status).toBe(401);
  });

  it("never takes over a local account, and local sign-in still works", async () => {
    const { res } = await signInThroughProvider(op, "admin");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login?sso=failed");
    expect(await prisma.user.count({ where: { username: "admin" } })).toBe(1);
    const local = await login("admin");
    const me = (await (await callRoute("GET", "/api/v1/me", { cookie: local })).json()) as { user: TUser };
    expect(me.user).toMatchObject({ username: "admin", role: "admin", idpGroups: [] });
  });
});
