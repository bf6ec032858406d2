import type { WebSocket } from "ws";
import type { ClusterState } from "../cluster/cluster-state";
import type { Pod } from "../store/kube-types";
import { ChannelSocket, type ChannelProtocol } from "./channel-websocket";
import { connectPodPort, type PodConnection } from "./pod-listener";
import { SpdySession, type SpdyStream } from "./spdy/spdy-session";

/** The WebSocket subprotocol of kubectl ≥ 1.31's port-forward: SPDY/3.1 tunnelled in binary messages. */
export const SPDY_TUNNEL_PROTOCOL = "SPDY/3.1+portforward.k8s.io";
/** Port-forward subprotocols with the channel framing (@kubernetes/client-node's PortForward). */
export const PORT_FORWARD_CHANNEL_PROTOCOLS = ["v4.channel.k8s.io", "portforward.k8s.io"] as const;

function podLabel(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}`;
}

/**
 * Port-forward over a SPDY session (`portforward.k8s.io`): the client opens an error and a
 * data stream per connection (headers `streamtype`, `port`, `requestid`); the data stream is
 * piped to the pod's listener on that port, and a failure is written on the error stream in
 * the kubelet's words before both are closed.
 */
export function servePortForwardSpdy(cluster: ClusterState, pod: Pod, send: (frame: Buffer) => void, closed: () => void): SpdySession {
  const pairs = new Map<string, { error?: SpdyStream; data?: SpdyStream }>();
  const start = (error: SpdyStream, data: SpdyStream): void => {
    const port = Number(data.headers.get("port"));
    const fail = (message: string): void => {
      error.write(message);
      error.end();
      data.end();
    };
    if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`error forwarding port ${data.headers.get("port") ?? ""} to pod ${podLabel(pod)}: invalid port`);
    const result = connectPodPort(cluster, pod, port, (bytes) => data.write(bytes), () => {
      data.end();
      error.end();
    });
    if ("refused" in result) return fail(`error forwarding port ${port} to pod ${pod.metadata.uid.replace(/-/g, "")}, uid : ${result.refused}`);
    data.onData = (bytes) => result.push(bytes);
    data.onEnd = () => result.end();
  };
  return new SpdySession(
    send,
    (stream) => {
      const id = stream.headers.get("requestid") ?? String(stream.id);
      const pair = pairs.get(id) ?? {};
      if (stream.headers.get("streamtype") === "error") pair.error = stream;
      else if (stream.headers.get("streamtype") === "data") pair.data = stream;
      else return stream.end();
      pairs.set(id, pair);
      if (pair.error && pair.data) {
        pairs.delete(id);
        start(pair.error, pair.data);
      }
    },
    () => closed(),
  );
}

/** kubectl ≥ 1.31: the SPDY session tunnelled through a WebSocket (one binary message per write). */
export function servePortForwardTunnel(cluster: ClusterState, pod: Pod, ws: WebSocket): void {
  const session = servePortForwardSpdy(cluster, pod, (frame) => ws.readyState === ws.OPEN && ws.send(frame, { binary: true }), () => ws.close(1000));
  ws.on("message", (raw: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!isBinary) return;
    session.receive(Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  });
  ws.on("close", () => session.close());
  ws.on("error", () => ws.terminate());
}

/**
 * Port-forward with the channel framing (kubelet's WebSocket port-forward): for the i-th
 * port of `?ports=`, channel 2i carries data and 2i+1 errors; each channel first sends its
 * port as two little-endian bytes. One connection per port for the life of the WebSocket.
 */
export function servePortForwardChannels(cluster: ClusterState, pod: Pod, ports: number[], ws: WebSocket, protocol: ChannelProtocol): void {
  const conns = new Map<number, PodConnection>();
  const socket = new ChannelSocket(ws, protocol, {
    data(channel, bytes) {
      if (channel % 2 === 0) conns.get(channel / 2)?.push(bytes);
    },
    closeChannel(channel) {
      if (channel % 2 === 0) conns.get(channel / 2)?.end();
    },
    gone() {
      for (const c of conns.values()) c.end();
    },
  });
  ports.forEach((port, i) => {
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16LE(port, 0);
    socket.send(2 * i, prefix);
    socket.send(2 * i + 1, prefix);
    const result = connectPodPort(cluster, pod, port, (bytes) => socket.send(2 * i, bytes), () => undefined);
    if ("refused" in result) socket.send(2 * i + 1, Buffer.from(`error forwarding port ${port} to pod ${pod.metadata.uid.replace(/-/g, "")}, uid : ${result.refused}`));
    else conns.set(i, result);
  });
}
