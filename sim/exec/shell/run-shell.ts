import { COMMANDS } from "./commands";
import { expandWord, parseScript, ShellSyntaxError } from "./parse-script";
import { resolvePath } from "./pod-filesystem";
import type { ProcessIO, ShellState } from "./shell-context";
import { ShellExit } from "./shell-context";

const SHELLS = new Set(["sh", "ash"]);
// Special built-ins of the shell: not executables, so `kubectl exec … -- exit 3` fails like runc.
const SHELL_ONLY = new Set(["exit", "cd", "export"]);

function baseName(cmd: string): string {
  return /^\/(usr\/)?s?bin\/[^/]+$/.test(cmd) ? cmd.slice(cmd.lastIndexOf("/") + 1) : cmd;
}

/** runc's answer when the executable does not exist (containerd writes it to the exec's output). */
function notExecutable(cmd: string, io: ProcessIO): number {
  io.out(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\r\n`);
  return 126;
}

async function runCommand(argv: string[], sh: ShellState, io: ProcessIO, inShell: boolean): Promise<number> {
  const cmd = argv[0] ?? "";
  const name = baseName(cmd);
  if (!sh.hasShell) return notExecutable(cmd, io);
  if (SHELLS.has(name)) return runShell(argv.slice(1), sh, io);
  const builtin = COMMANDS[name];
  if (builtin && (inShell || !SHELL_ONLY.has(name))) return builtin(argv.slice(1), sh, io);
  if (!inShell) return notExecutable(cmd, io);
  io.err(`sh: ${cmd}: not found\n`);
  return 127;
}

/** Runs a script (`sh -c`, a line typed at the prompt); `exit` escapes as ShellExit. */
export async function runScript(src: string, sh: ShellState, io: ProcessIO): Promise<number> {
  let commands;
  try {
    commands = parseScript(src);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    io.err(`sh: ${e.message}\n`);
    sh.status = 2;
    return 2;
  }
  const lookup = (v: string): string => (v === "?" ? String(sh.status) : v === "$" ? "1" : (sh.env.get(v) ?? ""));
  for (const c of commands) {
    if ((c.join === "&&" && sh.status !== 0) || (c.join === "||" && sh.status === 0)) continue;
    const argv = c.words.map((w) => expandWord(w, lookup));
    // Leading NAME=value words: assignments (for the shell, as the command has no environment of its own here).
    while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) {
      const a = argv.shift()!;
      sh.env.set(a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1));
    }
    if (argv.length === 0) {
      sh.status = 0;
      continue;
    }
    sh.status = await runCommand(argv, sh, io, true);
  }
  return sh.status;
}

/** The prompt of an interactive root shell (BusyBox ash's default `\w \$ `). */
export function prompt(sh: ShellState): string {
  return `${sh.cwd} # `;
}

/**
 * `sh` with its arguments: `-c SCRIPT`, a script file, or reading commands from stdin
 * (with a prompt on a tty) until EOF or `exit`.
 */
export async function runShell(args: string[], sh: ShellState, io: ProcessIO): Promise<number> {
  try {
    if (args[0] === "-c") {
      if (args[1] === undefined) {
        io.err("sh: -c requires an argument\n");
        return 2;
      }
      return await runScript(args[1], sh, io);
    }
    const file = args.find((a) => !a.startsWith("-"));
    if (file !== undefined) {
      const f = sh.fs.file(resolvePath(sh.cwd, file));
      if (!f) {
        io.err(`sh: can't open '${file}': No such file or directory\n`);
        return 2;
      }
      return await runScript(f.content(), sh, io);
    }
    for (;;) {
      if (io.tty) io.out(prompt(sh));
      // No interruption here: ^C at the prompt only discards the typed line (the tty does that).
      const line = await io.stdin?.readLine();
      if (line === null || line === undefined) return sh.status;
      await runScript(line, sh, io);
    }
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
}

/** Runs the command of an exec request (argv as sent by the client) and resolves its exit status. */
export async function runExecCommand(argv: string[], sh: ShellState, io: ProcessIO): Promise<number> {
  try {
    return await runCommand(argv, sh, io, false);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
}
