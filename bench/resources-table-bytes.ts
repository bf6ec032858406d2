// bench/resources-table-bytes.ts — what a pods list costs through the tunnel: today's full
// list (the explorer's pods route, which lists upstream as JSON) against the apiserver's
// Table (the resources route: `as=Table`, `includeObject=Metadata`), for a cluster of ~5,000
// pods. Bytes are counted by the console's end of the tunnel (TunnelSession.bytesIn), so
// they are what crossed the WebSocket, HTTP framing included.
//
//   npx next build && node --require ./scripts/register-server-only.cjs --import tsx bench/resources-table-bytes.ts [--pods 5000]
//
// Figures go to docs/PERFORMANCE.md "## Resource lists as Tables".
import os from "node:os";
import { parseArgs } from "node:util";
import { startExplorerHarness } from "./explorer-harness";

const { values } = parseArgs({ options: { pods: { type: "string", default: "5000" } } });
const PODS = Number(values.pods);

async function measure(h: Awaited<ReturnType<typeof startExplorerHarness>>, url: string): Promise<{ bytes: number; ms: number; answer: number; rows: number }> {
  const before = h.tunnelBytesIn();
  const t0 = performance.now();
  const res = await h.get(url);
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as { items?: unknown[]; rows?: unknown[] };
  return { bytes: h.tunnelBytesIn() - before, ms: Math.round(ms), answer: text.length, rows: (body.items ?? body.rows ?? []).length };
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const h = await startExplorerHarness(PODS);
  const { configureWatchHub } = await import("../lib/server/explorer/watch-hub");
  configureWatchHub({ lingerMs: 0, readLingerMs: 0 });
  try {
    const deadline = Date.now() + 300_000;
    let total = 0;
    for (;;) {
      const t = (await (await h.get(`/api/v1/clusters/${h.clusterId}/resources/core/v1/pods?limit=5000`)).json()) as { rows: unknown[] };
      total = t.rows.length;
      if (total >= PODS) break;
      if (Date.now() > deadline) throw new Error(`only ${total} pods after 300 s`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
    const full = await measure(h, `/api/v1/clusters/${h.clusterId}/pods`);
    const table = await measure(h, `/api/v1/clusters/${h.clusterId}/resources/core/v1/pods?limit=${total}`);
    const page = await measure(h, `/api/v1/clusters/${h.clusterId}/resources/core/v1/pods`);
    console.log(`pods: ${total}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`full list (explorer pods route, cold): ${mib(full.bytes)} through the tunnel, ${full.ms} ms, ${full.rows} items`);
    console.log(`Table, all rows in one page:           ${mib(table.bytes)} through the tunnel, ${table.ms} ms, ${table.rows} rows → ${(full.bytes / table.bytes).toFixed(1)}× fewer bytes`);
    console.log(`Table, first page (500 rows):          ${mib(page.bytes)} through the tunnel, ${page.ms} ms, ${page.rows} rows`);
  } finally {
    await h.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
