import { describe, expect, it } from "vitest";
import { batchCalls } from "./batch-calls";

describe("batchCalls", () => {
  it("runs calls made together as one batch, each caller getting its own result", async () => {
    const batches: number[][] = [];
    const double = batchCalls(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    }, { delayMs: 5 });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("splits at maxItems, runs batches in order one at a time, and rejects a failed batch's calls only", async () => {
    const order: string[] = [];
    let running = 0;
    const call = batchCalls(async (items: number[]) => {
      expect(++running).toBe(1);
      order.push(items.join(","));
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (items.includes(3)) throw new Error("batch failed");
      return items;
    }, { delayMs: 5, maxItems: 2 });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(call));
    expect(order).toEqual(["1,2", "3,4", "5"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
  });
});
