import { resolvePath } from "./pod-filesystem";
import type { ProcessIO, ShellState } from "./shell-context";
import { ShellExit } from "./shell-context";

/** A built-in utility: argv without the command name; resolves to the exit status. */
export type Command = (args: string[], sh: ShellState, io: ProcessIO) => number | Promise<number>;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2, c = "0"): string => String(n).padStart(w, c);

/** `date` in the C locale, UTC: `Mon Dec  7 12:52:40 UTC 2026`. */
export function formatDate(d: Date): string {
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, " ")} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|r|\\|a|b|f|v|0[0-7]{0,3})/g, (_m, e: string) => {
    if (e.startsWith("0")) return String.fromCharCode(parseInt(e.slice(1) || "0", 8));
    return ({ n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\x07", b: "\b", f: "\f", v: "\v" } as Record<string, string>)[e] ?? e;
  });
}

function printf(args: string[], _sh: ShellState, io: ProcessIO): number {
  const [format, ...rest] = args;
  if (format === undefined) {
    io.err("printf: usage: printf FORMAT [ARGUMENT]...\n");
    return 2;
  }
  let status = 0;
  let out = "";
  let i = 0;
  // Like printf(1): the format is reused until every argument is consumed.
  do {
    out += unescape(format).replace(/%(-?\d*)([sdiuxc%])/g, (_m, width: string, conv: string) => {
      if (conv === "%") return "%";
      const arg = rest[i++] ?? "";
      let text: string;
      if (conv === "s") text = arg;
      else if (conv === "c") text = arg.slice(0, 1);
      else {
        const n = arg === "" ? 0 : Number(arg);
        if (!Number.isFinite(n)) {
          io.err(`printf: invalid number '${arg}'\n`);
          status = 1;
        }
        text = conv === "x" ? Math.trunc(n || 0).toString(16) : String(Math.trunc(n || 0));
      }
      const w = Number(width.replace("-", "")) || 0;
      return width.startsWith("-") ? text.padEnd(w) : text.padStart(w);
    });
  } while (i > 0 && i < rest.length);
  io.out(out);
  return status;
}

function ls(args: string[], sh: ShellState, io: ProcessIO): number {
  const all = args.some((a) => /^-[a-zA-Z]*a/.test(a));
  const paths = args.filter((a) => !a.startsWith("-"));
  let status = 0;
  const targets = paths.length ? paths : ["."];
  targets.forEach((p, n) => {
    const abs = resolvePath(sh.cwd, p);
    if (sh.fs.file(abs)) return io.out(`${p}\n`);
    if (!sh.fs.isDir(abs)) {
      io.err(`ls: ${p}: No such file or directory\n`);
      status = 1;
      return;
    }
    const names = sh.fs.list(abs).filter((x) => all || !x.startsWith("."));
    if (targets.length > 1) io.out(`${n > 0 ? "\n" : ""}${p}:\n`);
    if (names.length) io.out(io.tty ? `${names.join("  ")}\n` : `${names.join("\n")}\n`);
  });
  return status;
}

async function cat(args: string[], sh: ShellState, io: ProcessIO): Promise<number> {
  if (args.length === 0 || (args.length === 1 && args[0] === "-")) {
    const signal = io.interruption();
    for (;;) {
      const chunk = await io.stdin?.readChunk(signal);
      if (!chunk) return signal.aborted ? 130 : 0;
      io.out(chunk.toString("utf8"));
    }
  }
  let status = 0;
  for (const p of args) {
    const abs = resolvePath(sh.cwd, p);
    const f = sh.fs.file(abs);
    if (f) io.out(f.content());
    else {
      io.err(sh.fs.isDir(abs) ? `cat: read error: Is a directory\n` : `cat: can't open '${p}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
}

function sleep(args: string[], _sh: ShellState, io: ProcessIO): Promise<number> {
  const spec = args[0];
  const m = spec?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
  if (!spec || !m) {
    io.err(spec ? `sleep: invalid number '${spec}'\n` : "BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n");
    return Promise.resolve(1);
  }
  const ms = Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ""] ?? 1) * 1000;
  const signal = io.interruption();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(0);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(130);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function uname(args: string[], sh: ShellState, io: ProcessIO): number {
  const flags = args.join("").replace(/-/g, "");
  const fields = { s: "Linux", n: sh.hostname, r: sh.kernel, v: "#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024", m: "x86_64", o: "Linux" };
  if (flags.includes("a")) io.out(`${fields.s} ${fields.n} ${fields.r} ${fields.v} ${fields.m} ${fields.o}\n`);
  else if (!flags) io.out("Linux\n");
  else io.out(`${[...flags].map((f) => fields[f as keyof typeof fields] ?? "").filter(Boolean).join(" ")}\n`);
  return 0;
}

function stty(args: string[], _sh: ShellState, io: ProcessIO): number {
  const size = io.termSize();
  if (!io.tty) {
    io.err("stty: standard input: Not a tty\n");
    return 1;
  }
  if (args[0] === "size") io.out(`${size?.rows ?? 24} ${size?.cols ?? 80}\n`);
  return 0;
}

function exit(args: string[], sh: ShellState, io: ProcessIO): number {
  const a = args[0];
  if (a === undefined) throw new ShellExit(sh.status);
  if (!/^\d+$/.test(a)) {
    io.err(`sh: exit: Illegal number: ${a}\n`);
    throw new ShellExit(2);
  }
  throw new ShellExit(Number(a) & 255);
}

function cd(args: string[], sh: ShellState, io: ProcessIO): number {
  const target = resolvePath(sh.cwd, args[0] ?? sh.env.get("HOME") ?? "/");
  if (!sh.fs.isDir(target)) {
    io.err(`sh: cd: can't cd to ${args[0]}: No such file or directory\n`);
    return 2;
  }
  sh.cwd = target;
  return 0;
}

function exportVars(args: string[], sh: ShellState): number {
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq > 0) sh.env.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return 0;
}

/** The utilities every simulated container with a shell has (BusyBox flavoured). */
export const COMMANDS: Record<string, Command> = {
  echo: (args, _sh, io) => {
    const noNewline = args[0] === "-n";
    io.out(`${(noNewline ? args.slice(1) : args).join(" ")}${noNewline ? "" : "\n"}`);
    return 0;
  },
  printf,
  env: (_args, sh, io) => {
    io.out([...sh.env].map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  },
  hostname: (_a, sh, io) => {
    io.out(`${sh.hostname}\n`);
    return 0;
  },
  id: (_a, _sh, io) => {
    io.out("uid=0(root) gid=0(root) groups=0(root)\n");
    return 0;
  },
  whoami: (_a, _sh, io) => {
    io.out("root\n");
    return 0;
  },
  uname,
  date: (args, sh, io) => {
    const d = sh.now();
    io.out(args[0] === "+%s" ? `${Math.floor(d.getTime() / 1000)}\n` : `${formatDate(d)}\n`);
    return 0;
  },
  sleep,
  cat,
  ls,
  pwd: (_a, sh, io) => {
    io.out(`${sh.cwd}\n`);
    return 0;
  },
  cd,
  export: exportVars,
  stty,
  exit,
  true: () => 0,
  false: () => 1,
};
