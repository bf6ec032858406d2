import { afterAll, afterEach, beforeAll } from "vitest";
import { buildAgentBundle, type AgentProcess } from "./agent-process";
import { startFakeApiserver, type FakeApiserver } from "./fake-apiserver";
import { startFakeConsole, type FakeConsole } from "./fake-console";
import { makeTestCa, type TestCa } from "./make-pki";

/** What agent tests run against; filled in by the harness's beforeAll. */
export interface AgentHarness {
  bundle: string;
  clusterCa: TestCa;
  consoleCa: TestCa;
  apiserver: FakeApiserver;
  fakeConsole: FakeConsole;
  /** Agents started by a test; stopped after each test. */
  agents: AgentProcess[];
}

/**
 * Registers the hooks every agent test file needs: the bundled agent, two CAs, a fake
 * apiserver and a fake console (started once per file), and agent processes stopped after
 * each test. Read the fields inside tests, not at module level.
 */
export function setupAgentHarness(): AgentHarness {
  const h = { agents: [] as AgentProcess[] } as AgentHarness;
  beforeAll(async () => {
    h.bundle = buildAgentBundle();
    [h.clusterCa, h.consoleCa] = await Promise.all([makeTestCa("k3s-server-ca"), makeTestCa("outpost-console-ca")]);
    h.apiserver = await startFakeApiserver(h.clusterCa);
    h.fakeConsole = await startFakeConsole(h.consoleCa);
    // Bundling and key generation take seconds on a loaded machine; the unit default is 10 s.
  }, 120_000);
  afterEach(async () => {
    await Promise.all(h.agents.splice(0).map((agent) => agent.stop()));
  });
  afterAll(async () => {
    await h.fakeConsole?.stop();
    await h.apiserver?.close();
  });
  return h;
}
