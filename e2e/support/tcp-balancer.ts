import net from "node:net";

export interface TcpBalancer {
  port: number;
  /** Connections accepted per backend port. */
  accepted: Map<number, number>;
  close(): Promise<void>;
}

/**
 * A round-robin TCP load balancer for replica tests: each client connection goes to the
 * next backend that accepts it (a refused or dead backend is skipped), TLS passes through
 * untouched — like HAProxy in TCP mode or Traefik's TLS passthrough in front of replicas.
 */
export async function startTcpBalancer(backends: number[]): Promise<TcpBalancer> {
  let next = 0;
  const accepted = new Map<number, number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.pause();
    const attempt = (tries: number) => {
      if (tries >= backends.length) return client.destroy();
      const port = backends[next++ % backends.length]!;
      const upstream = net.connect({ host: "127.0.0.1", port });
      let connected = false;
      upstream.once("error", () => {
        if (!connected) attempt(tries + 1);
      });
      upstream.once("connect", () => {
        connected = true;
        accepted.set(port, (accepted.get(port) ?? 0) + 1);
        sockets.add(upstream);
        upstream.on("close", () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        client.on("close", () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
