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
 */
export const AGENT_PROTOCOL = 3;
export const AGENT_PROTOCOL_HEADER = "x-outpost-agent-protocol";
/** The first protocol version whose agents push readiness. */
export const READINESS_PUSH_PROTOCOL = 2;
/** The first protocol version whose agents push health summaries. */
export const HEALTH_PUSH_PROTOCOL = 3;

/** CONTROL `readiness`: the agent's verdict on its apiserver's `/readyz` (reason only when not ready). */
export interface ReadinessMessage {
  type: "readiness";
  ready: boolean;
  reason?: string;
}

/** Parses the protocol header; anything missing or malformed is version 1. */
export function parseAgentProtocol(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
}
