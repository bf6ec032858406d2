/**
 * Outpost tunnel: multiplexed byte streams over one WebSocket per agent. Node-only; shared by
 * the console gateway and the agent bundle. The client-node helper lives in
 * `@/lib/tunnel/kubeconfig` (not re-exported here, so the agent bundle never pulls in
 * @kubernetes/client-node). Wire format and semantics: docs/TUNNEL.md.
 */
export { TunnelSession } from "./tunnel-session";
export { TunnelStream, MAX_DATA_PAYLOAD } from "./tunnel-stream";
export {
  TunnelStreamError,
  DEFAULT_DEAD_AFTER_MS,
  DEFAULT_INITIAL_WINDOW,
  DEFAULT_MAX_STREAMS,
  DEFAULT_PING_INTERVAL_MS,
  DEFAULT_RESERVED_STREAMS,
  type TunnelCloseInfo,
  type TunnelControlMessage,
  type TunnelRole,
  type TunnelSessionOptions,
  type TunnelStats,
  type TunnelStreamStats,
} from "./tunnel-types";
export { FrameType, FRAME_HEADER_BYTES, decodeFrame, encodeFrame, type TFrameType, type TunnelFrame } from "./frame";
export { AGENT_PROTOCOL, AGENT_PROTOCOL_HEADER, CONSOLE_PROTOCOL, CONSOLE_PROTOCOL_HEADER, EDGE_STATUS_PROTOCOL, READINESS_PUSH_PROTOCOL, HEALTH_PUSH_PROTOCOL, parseAgentProtocol, parseConsoleProtocol, type ReadinessMessage } from "./control-protocol";
