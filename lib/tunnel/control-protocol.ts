/**
 * Versions of the CONTROL vocabulary between agent and console (docs/TUNNEL.md "Control
 * protocol"). The agent announces its version in the upgrade request's
 * {@link AGENT_PROTOCOL_HEADER}; an agent without the header speaks version 1.
 *
 * - 1: hello / info, credential rotation; the console probes `/readyz` through the tunnel
 *   and both ends ping.
 * - 2: the agent also reports readiness (`{type:"readiness", ready, reason?}`) whenever its
 *   local `/readyz` check changes, and first right after connect; the console opens no probe
 *   stream for it and sends no pings (the agent pings, a pong counts as life).
 * - 3: the agent watches its own cluster and pushes health summaries (`health`, full then
 *   deltas, sequenced; the console answers `health-ack` / `health-resync`); the console
 *   collects such a cluster without watches of its own.
 * - 4: the summary also carries StatefulSets, DaemonSets, EdgeX (the agent probes its EdgeX
 *   services itself) and whether its caches are current; the console reads no EdgeX for it.
 *   The agent sends these parts only to a console that announces 4 or more in the upgrade
 *   response's {@link CONSOLE_PROTOCOL_HEADER}: an older console's strict schema would
 *   refuse them.
 */
export const AGENT_PROTOCOL = 4;
export const AGENT_PROTOCOL_HEADER = "x-outpost-agent-protocol";
/** The highest version this console understands, sent back in the 101 answer (absent = 3 or older). */
export const CONSOLE_PROTOCOL = 4;
export const CONSOLE_PROTOCOL_HEADER = "x-outpost-console-protocol";
/** The first protocol version whose agents push readiness. */
export const READINESS_PUSH_PROTOCOL = 2;
/** The first protocol version whose agents push health summaries. */
export const HEALTH_PUSH_PROTOCOL = 3;
/** The first version whose summaries carry StatefulSets, DaemonSets, EdgeX and cache currency. */
export const EDGE_STATUS_PROTOCOL = 4;

/** CONTROL `readiness`: the agent's verdict on its apiserver's `/readyz` (reason only when not ready). */
export interface ReadinessMessage {
  type: "readiness";
  ready: boolean;
  reason?: string;
}

/** The console's version from the upgrade answer; none (a console older than 4) counts as 3. */
export function parseConsoleProtocol(value: string | string[] | undefined): number {
  return typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : HEALTH_PUSH_PROTOCOL;
}

/** Parses the protocol header; anything missing or malformed is version 1. */
export function parseAgentProtocol(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
}
