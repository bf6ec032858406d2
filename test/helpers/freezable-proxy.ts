// A TCP relay between an agent and the console that can hold its bytes: `freeze()` stops
// reading both sides (what a partitioned link looks like to both ends: nothing arrives, TCP
// keeps what was sent), `thaw()` lets everything through again, `cut()` resets every
// connection (a dropped link).
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface FreezableProxy {
  /** `http://127.0.0.1:<port>` — give it to the agent as the console URL. */
  url: string;
  freeze(): void;
  thaw(): void;
  cut(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    if (frozen) for (const s of pair) s.pause();
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // pipe() resumes a paused source when the destination drains; unpipe while frozen so
  // nothing flows until thaw.
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze() {
      frozen = true;
      for (const [a, b] of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [a, b] of pairs) {
        a.pipe(b);
        b.pipe(a);
      }
    },
    cut() {
      for (const pair of pairs) for (const s of pair) s.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) for (const s of pair) s.destroy();
        server.close(() => resolve());
      }),
  };
}
