import "server-only";
import { isIP } from "node:net";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import { getRuntimeContext } from "../runtime/runtime-context";
import { peerToken } from "./peer-token";

const DIAL_TIMEOUT_MS = 5_000;
const MAX_HEAD_BYTES = 8 * 1024;

/** Thrown when the owning replica cannot be reached or no longer holds the tunnel. */
export class PeerDialError extends Error {
  override name = "PeerDialError";
}

/**
 * Opens a byte stream to a cluster's kube-apiserver through the replica that holds its
 * tunnel: TLS to that replica (verified against the console CA every replica shares), an
 * HTTP/1.1 `Upgrade: outpost-peer` request authenticated with the peer token, then the
 * socket carries the tunnel stream's bytes as if it were a local one.
 */
export function dialPeer(peerUrl: string, clusterId: string): Promise<Duplex> {
  const url = new URL(peerUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const { caPem } = getRuntimeContext();
  return new Promise<Duplex>((resolve, reject) => {
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      servername: isIP(host) ? undefined : host,
      // Replicas share the console CA; the peer URL (often a pod IP) need not be a name on the
      // serving certificate. Without a console CA (public certificate) the usual checks apply.
      ...(caPem ? { ca: caPem, checkServerIdentity: () => undefined } : {}),
    });
    // A request's head and body are separate writes: with Nagle the body would wait for the
    // peer's (delayed) ACK of the head. The serving side has no Nagle (Node's HTTP server default).
    socket.setNoDelay(true);
    const fail = (message: string) => {
      socket.destroy();
      reject(new PeerDialError(`replica ${url.host}: ${message}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${DIAL_TIMEOUT_MS / 1000} s`), DIAL_TIMEOUT_MS);
    socket.once("error", (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    socket.once("secureConnect", () => {
      socket.write(
        `GET /v3/peer/dial/${encodeURIComponent(clusterId)} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: Upgrade\r\nUpgrade: outpost-peer\r\nAuthorization: Bearer ${peerToken()}\r\n\r\n`,
      );
    });
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) fail("answer head too large");
        return;
      }
      socket.off("data", onData);
      clearTimeout(timer);
      const statusLine = head.subarray(0, head.indexOf("\r\n")).toString("latin1");
      if (!/^HTTP\/1\.1 101 /.test(statusLine)) return fail(statusLine.replace(/^HTTP\/1\.1 /, "") || "refused");
      socket.removeAllListeners("error");
      const rest = head.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.on("data", onData);
  });
}
