// Lazily generated container logs: line i of a container is a pure function of
// (image, pod, container, i), emitted at startedAt + i × period. Nothing is stored, so
// 60,000 simulated containers cost no log memory; `kubectl logs` computes the window.

/** Longest generated history a log request sees (older lines count as rotated away). */
export const MAX_GENERATED_LINES = 5000;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Milliseconds between two lines of a container (2–20 s, stable per container). */
export function linePeriodMs(pod: string, container: string): number {
  return 2000 + (hash(`${pod}/${container}`) % 18) * 1000;
}

function ts(ms: number): string {
  return new Date(ms).toISOString();
}

function klog(ms: number, file: string, msg: string): string {
  const d = new Date(ms);
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const time = d.toISOString().slice(11, 23) + "000";
  return `I${mm}${dd} ${time}       1 ${file}] ${msg}`;
}

/** The text of line i (without timestamp prefix) for a container image. */
export function logLine(image: string, pod: string, container: string, i: number, ms: number): string {
  const h = hash(`${pod}${i}`);
  const n = h % 7;
  if (image.includes("coredns")) {
    if (i === 0) return ".:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf3286";
    return `[INFO] 10.42.0.${(h % 200) + 2}:${30000 + (h % 30000)} - ${h % 65535} "A IN ${["kubernetes.default.svc", "edgex-core-data.edgex.svc", "registry.local"][n % 3]}.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 106 0.000${(h % 900) + 100}s`;
  }
  if (image.includes("traefik")) {
    return `time="${ts(ms)}" level=${n === 0 ? "warning" : "info"} msg="${["Configuration loaded from flags.", "Starting provider *crd.Provider", "Updated ingress status", "Skipping service: no endpoints found", "Starting provider *ingress.Provider", "Server configuration reloaded on :8443", "Provider connection established with kubernetes"][n]}"`;
  }
  if (image.includes("local-path-provisioner")) return `time="${ts(ms)}" level=info msg="${n % 2 ? "Listening on port 9100" : "sync volumes: 0 pv(s) checked"}"`;
  if (image.includes("metrics-server")) return klog(ms, "server.go:" + (130 + n), n % 2 ? "Scraping metrics from 3 nodes" : "Storing metrics");
  if (image.includes("klipper-helm")) return i === 0 ? "CHART=traefik" : `+ helm_v3 ${["repo update", "upgrade --install", "status", "list"][n % 4]}`;
  if (image.includes("klipper-lb")) return `+ iptables -t nat -I PREROUTING ! -s 10.43.0.${n}/32 -p TCP --dport ${[80, 443][n % 2]} -j DNAT`;
  if (image.includes("edgex")) {
    const svc = container.replace(/^edgex-/, "");
    return `level=${n === 0 ? "DEBUG" : "INFO"} ts=${ts(ms)} app=${svc} source=${["main.go:42", "http.go:118", "messaging.go:77"][n % 3]} msg="${["Service started in: 1.2s", "Processed 1 readings", "Request succeeded", "Event published", "Ping received"][n % 5]}"`;
  }
  if (image.includes("nginx")) return `10.42.0.${(h % 200) + 2} - - [${new Date(ms).toUTCString()}] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.31"`;
  return `${ts(ms)} ${container}: ${["starting worker", "heartbeat ok", "processed batch", "cache refreshed", "tick", "connection pool healthy", "request served"][n]} seq=${i}`;
}

/** Index range [first, last) of lines emitted in [fromMs, toMs] by a container started at startMs. */
export function lineRange(startMs: number, period: number, fromMs: number, toMs: number): [number, number] {
  const last = Math.floor((toMs - startMs) / period) + 1;
  const first = Math.max(0, Math.ceil((fromMs - startMs) / period));
  return [Math.max(0, Math.max(first, last - MAX_GENERATED_LINES)), Math.max(0, last)];
}
