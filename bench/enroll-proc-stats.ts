// /proc readings for the enrolment and tunnel benchmarks: CPU time, RSS and its peak,
// run-queue wait, the process tree (the console's embedded Postgres), and priority.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** One line naming the machine, for the figures in docs/PERFORMANCE.md. */
export function machineLine(): string {
  const model = /model name\s*:\s*(.+)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "?";
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  return `machine: nproc ${os.cpus().length}, ${model}, RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${new Date().toISOString()}, loadavg ${load}`;
}

/** CPU time (user+system) and memory of one process, from /proc. */
export interface ProcSample {
  cpuMs: number;
  rss: number;
  /** Peak RSS (VmHWM) since start or the last {@link resetPeakRss}. */
  hwm: number;
  /** Time its main thread was runnable but waited for a CPU (schedstat): other load on the machine. */
  runqueueMs: number;
}

/** Run-queue wait of the main thread (the JS event loop), from /proc/<pid>/schedstat. */
function runqueueMs(pid: number): number {
  return Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
}

export function procSample(pid: number): ProcSample {
  // Fields after the parenthesised command name: utime is the 14th field, stime the 15th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { cpuMs, rss: kb("VmRSS"), hwm: kb("VmHWM"), runqueueMs: runqueueMs(pid) };
}

/** Resets VmHWM to the current RSS (clear_refs 5), so a later peak belongs to the measured phase. */
export function resetPeakRss(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not permitted (non-root): the peak then includes start-up, which the caller prints.
  }
}

/** Pids of every live descendant of `pid` (the console's embedded Postgres and its backends). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const frontier = [pid];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      out.push(child);
      frontier.push(child);
    }
  }
  return out;
}

/**
 * CPU ms of the process tree below `pid` (the embedded Postgres: postmaster and backends).
 * Per live process: its own time plus its reaped children's (cutime/cstime), so backends
 * that ended count in the postmaster.
 */
export function descendantsCpuMs(pid: number): number {
  let ticks = 0;
  for (const child of descendants(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${child}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

/**
 * Raises the scheduling priority of `pids` and all their descendants (the console's
 * Postgres), so that a benchmark on a machine shared with other work gets the CPU it would
 * have alone (`--nice=-20`). With sched_autogroup (on here) CPU is shared between sessions
 * first, so the session's autogroup nice is what counts; thread nice values only order the
 * processes inside it. Needs root for negative values; returns false when refused.
 */
export function applyNice(pids: number[], nice: number): boolean {
  try {
    for (const pid of pids) {
      for (const p of [pid, ...descendants(pid)]) {
        if (fs.existsSync(`/proc/${p}/autogroup`)) fs.writeFileSync(`/proc/${p}/autogroup`, String(nice));
        // Linux nice values are per thread: set every thread (libuv pool, V8 workers) too.
        for (const tid of fs.readdirSync(`/proc/${p}/task`)) os.setPriority(Number(tid), nice);
      }
    }
    return true;
  } catch {
    return false;
  }
}
