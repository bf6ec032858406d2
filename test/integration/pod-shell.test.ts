// The browser shell's WebSocket (…/pods/{ns}/{name}/exec) end to end: a real HTTPS server
// with the console's upgrade dispatch, the real agent's tunnel, the simulator's exec.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db/prisma";
import { registerPodShell } from "@/lib/server/pod-shell/register-pod-shell";
import { getRuntimeContext } from "@/lib/server/runtime/runtime-context";
import { podShellPath, SHELL_CLOSE, shellEndFromStatus } from "@/lib/shared/pod-shell/pod-shell.schema";
import type { TKubeList } from "@/lib/shared/explorer/explorer.schema";
import { callRoute } from "../helpers/routes";
import { serveRoutes, type ServedRoutes } from "../helpers/serve-routes";
import { openShell } from "../helpers/shell-client";
import { eventually, startExplorerFixture, type ExplorerFixture } from "./explorer-fixture";

const IDLE_MS = 2_500;

describe("pod shell WebSocket", () => {
  let fx: ExplorerFixture;
  let served: ServedRoutes;
  let stopShells: () => void;
  let pod: string;
  const url = (name = pod, query = "") => `${served.url.replace(/^https/, "wss")}${podShellPath("psh", "demo", name)}${query}`;
  const asOperator = () => ({ cookie: fx.cookies.operator, origin: served.url, caPem: getRuntimeContext().caPem });

  beforeAll(async () => {
    fx = await startExplorerFixture("psh");
    stopShells = registerPodShell({ idleTimeoutMs: IDLE_MS });
    served = await serveRoutes();
    const res = await callRoute("GET", "/api/v1/clusters/psh/pods?namespace=demo&labelSelector=app%3Dweb", { cookie: fx.cookies.viewer });
    pod = String(((await res.json()) as TKubeList).items[0]?.name);
  });
  afterAll(async () => {
    stopShells?.();
    await served?.close();
    await fx?.stop();
  });

  it("runs `echo hello; exit 3`: hello, then exit code 3; start and end audited without keystrokes", async () => {
    const sh = await openShell(url(), asOperator());
    sh.type("echo hello; exit 3\r");
    await sh.waitFor("hello\r\n");
    const end = await sh.closed;
    expect(end.code).toBe(1000);
    expect(shellEndFromStatus(end.status ?? "")).toEqual({ kind: "exit", code: 3 });
    const rows = await eventually(async () => {
      const r = await prisma.auditEvent.findMany({ where: { actorName: "opal", action: { startsWith: "k8s.shell." } }, orderBy: { at: "asc" } });
      return r.length >= 2 ? r : undefined;
    }, 10_000, "shell audits");
    expect(rows.map((r) => r.action)).toEqual(["k8s.shell.start", "k8s.shell.end"]);
    expect(rows[0]).toMatchObject({ outcome: "success", targetId: "psh", details: { namespace: "demo", pod, container: "web", command: "sh", via: "browser" } });
    expect(rows[1]).toMatchObject({ details: { end: "exit", exitCode: 3, container: "web" } });
    expect((rows[1]!.details as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain("echo hello");
    // The cluster saw the operator, not the console.
    expect(fx.cluster.audit().filter((a) => a.subresource === "exec").at(-1)).toMatchObject({ impersonatedUser: "outpost:opal" });
  });

  it("passes TTY resizes: `stty size` reports the new size", async () => {
    const sh = await openShell(url(), asOperator());
    sh.resize(100, 30);
    sh.type("stty size\r");
    await sh.waitFor("30 100\r\n");
    const mark = sh.output().length;
    sh.resize(132, 43);
    sh.type("stty size\r");
    await sh.waitFor("43 132\r\n", mark);
    sh.type("exit\r");
    expect(shellEndFromStatus((await sh.closed).status ?? "")).toEqual({ kind: "exit", code: 0 });
  });

  it("refuses viewers with 403 (cookie and token), audited as access.denied; no credentials → 401", async () => {
    const caPem = getRuntimeContext().caPem;
    await expect(openShell(url(), { cookie: fx.cookies.viewer, origin: served.url, caPem })).rejects.toMatchObject({ status: 403 });
    await expect(openShell(url(), { token: fx.tokens.viewer, caPem })).rejects.toMatchObject({ status: 403 });
    await expect(openShell(url(), { caPem })).rejects.toMatchObject({ status: 401 });
    const denied = await prisma.auditEvent.findMany({ where: { actorName: "vic", action: "access.denied" } });
    expect(denied.filter((d) => String((d.details as { path?: string }).path).endsWith("/exec"))).toHaveLength(2);
    expect(fx.cluster.audit().some((a) => a.subresource === "exec" && a.impersonatedUser === "outpost:vic")).toBe(false);
  });

  it("refuses a cookie from another origin, bad input and a client without a channel subprotocol", async () => {
    const caPem = getRuntimeContext().caPem;
    await expect(openShell(url(), { cookie: fx.cookies.operator, origin: "https://evil.example", caPem })).rejects.toMatchObject({ status: 403 });
    await expect(openShell(url(pod, "?container=NOT_A_NAME"), asOperator())).rejects.toMatchObject({ status: 422 });
    await expect(openShell(url(), { ...asOperator(), protocols: ["chat"] })).rejects.toMatchObject({ status: 400 });
  });

  it("reports the cluster's refusal on channel 3 (no such pod), and an automation client with a token on v4", async () => {
    const missing = await openShell(url("no-such-pod"), asOperator());
    const end = await missing.closed;
    expect(shellEndFromStatus(end.status ?? "")).toMatchObject({ kind: "error", reason: "NotFound" });
    const v4 = await openShell(url(pod, "?command=sh&command=-c&command=echo%20via-api"), { token: fx.tokens.operator, caPem: getRuntimeContext().caPem, protocols: ["v4.channel.k8s.io"] });
    expect(v4.ws.protocol).toBe("v4.channel.k8s.io");
    await v4.waitFor("via-api");
    expect(shellEndFromStatus((await v4.closed).status ?? "")).toEqual({ kind: "exit", code: 0 });
  });

  it("ends an idle shell with close code 4000", async () => {
    const sh = await openShell(url(), asOperator());
    sh.type("echo still-here\r");
    await sh.waitFor("still-here\r\n");
    const end = await sh.closed;
    expect(end.code).toBe(SHELL_CLOSE.idle);
    const last = await eventually(() => prisma.auditEvent.findFirst({ where: { action: "k8s.shell.end", actorName: "opal" }, orderBy: { at: "desc" } }).then((r) => ((r?.details as { end?: string }).end === "idle" ? r : undefined)), 10_000, "idle end audit");
    expect(last).toBeTruthy();
  });

  it("tells the client when the cluster drops (4001)", async () => {
    const sh = await openShell(url(), asOperator());
    sh.type("echo before-drop\r");
    await sh.waitFor("before-drop");
    fx.attached.cut();
    const end = await sh.closed;
    expect(end.code).toBe(SHELL_CLOSE.clusterLost);
  });
});
