import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AGENT_BUNDLE } from "./simulated-clusters";

export interface AgentProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the docker-run form of an import command with Node.js instead of Docker: the
 * arguments after the image, with the kubeconfig and state directory of this machine.
 */
export function dockerFormArgs(dockerCommand: string, kubeconfig: string, stateDir: string): string[] {
  const words = dockerCommand.split(/\s+/);
  const image = words.findIndex((w) => /^[\w./-]*outpost\/agent:/.test(w) || /agent:[\w.-]+$/.test(w));
  if (image < 0) throw new Error(`no agent image in: ${dockerCommand}`);
  const args = words.slice(image + 1).map((w) => (w === "/kubeconfig" ? kubeconfig : w));
  return [...args, "--state-dir", stateDir];
}

/** The bare-host form: the arguments after `node outpost-agent.js`, with this machine's paths. */
export function nodeFormArgs(nodeCommand: string, kubeconfig: string, stateDir: string): string[] {
  const words = nodeCommand.split(/\s+/);
  const start = words.indexOf("outpost-agent.js", words.indexOf("node")) + 1;
  if (start <= 0) throw new Error(`no "node outpost-agent.js" in: ${nodeCommand}`);
  const args = words.slice(start);
  args[args.indexOf("--kubeconfig") + 1] = kubeconfig;
  args[args.indexOf("--state-dir") + 1] = stateDir;
  return args;
}

export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-state-"));
}

/** Starts the real agent bundle with `args`; its output is captured for assertions. */
export function startAgent(args: string[], env: Record<string, string> = {}): AgentProcess {
  const child = spawn(process.execPath, [AGENT_BUNDLE, ...args], {
    env: { ...process.env, OUTPOST_HEALTH_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
