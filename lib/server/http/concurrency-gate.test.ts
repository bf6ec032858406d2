import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "./concurrency-gate";

describe("ConcurrencyGate", () => {
  it("runs at most `limit` tasks at once, in arrival order, and survives failures", async () => {
    const gate = new ConcurrencyGate(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      gate.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        if (i === 1) throw new Error("boom");
        return i;
      }),
    );
    // Observe every outcome now: the rejected task must not count as unhandled meanwhile.
    const settled = Promise.allSettled(tasks);
    while (order.length < 5) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    releases.forEach((r) => r());
    const results = await settled;
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
  });
});
