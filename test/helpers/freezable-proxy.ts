// A TCP relay between an agent and the console that can hold its bytes: `freeze()` stops
// reading both sides (what a partitioned link looks like to both ends: nothing arrives, TCP
// keeps what was sent), `thaw()` lets everything through again, `cut()` resets every
// connection (a dropped link), `lossy(rate)` plays packet loss as TCP shows it to the
// applications: a lost segment holds back everything after it until its retransmission
// (an RTO of 200 ms – 1 s, doubled when the retransmission is lost too).
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface FreezableProxy {
  /** `http://127.0.0.1:<port>` — give it to the agent as the console URL. */
  url: string;
  freeze(): void;
  thaw(): void;
  cut(): void;
  /** From now on each chunk is "lost" with probability `rate` (0 = a clean link again). */
  lossy(rate: number): void;
  close(): Promise<void>;
}

/** Writes chunks in order, each no earlier than the release time its loss (if any) set. */
function lossyWriter(dest: net.Socket, lossRate: () => number) {
  const queue: Buffer[] = [];
  let releaseAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (Date.now() < releaseAt) {
      timer = setTimeout(flush, releaseAt - Date.now());
      return;
    }
    while (queue.length > 0) dest.write(queue.shift()!);
  };
  return (chunk: Buffer) => {
    const rate = lossRate();
    if (rate > 0 && Math.random() < rate) {
      let rto = 200 + Math.random() * 800;
      while (Math.random() < rate) rto *= 2;
      releaseAt = Math.max(releaseAt, Date.now()) + rto;
    }
    queue.push(chunk);
    if (!timer) flush();
  };
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  let lossRate = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    // Everything goes through the loss model (a clean link when the rate is 0), in order.
    // No backpressure: test links carry little.
    client.on("data", lossyWriter(upstream, () => lossRate));
    upstream.on("data", lossyWriter(client, () => lossRate));
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
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze() {
      frozen = true;
      for (const pair of pairs) for (const s of pair) s.pause();
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) for (const s of pair) s.resume();
    },
    lossy(rate) {
      lossRate = rate;
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
