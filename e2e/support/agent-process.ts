import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
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

/** A command line for Node.js (the words after `node`) and the environment it runs with. */
export interface AgentLaunch {
  args: string[];
  env: Record<string, string>;
}

/** Splits a shell command into words: whitespace-separated, single quotes kept literal (what the import commands use). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) words.push(m[1] ?? m[2] ?? "");
  return words;
}

const K3S_KUBECONFIG = "/etc/rancher/k3s/k3s.yaml";
const STATE_DIR = "/var/lib/outpost-agent";

/**
 * Runs the docker-run form of an import command the way Docker would, with this machine's
 * Node.js as the image's `node`: the `-e` environment, the image's command (the bootstrap,
 * which downloads and verifies /v3/agent.js, or a prebuilt image's agent flags), k3s.yaml
 * replaced by the simulated cluster's kubeconfig and the named volume by `stateDir`.
 */
export function dockerFormArgs(dockerCommand: string, kubeconfig: string, stateDir: string): AgentLaunch {
  const words = shellWords(dockerCommand);
  const env: Record<string, string> = {};
  words.forEach((w, i) => {
    const pair = w === "-e" ? words[i + 1] : undefined;
    if (pair) env[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
  });
  const image = words.findIndex((w) => /^node:[\w.-]+$/.test(w));
  if (image < 0 || words[image + 1] !== "node") throw new Error(`no node image with the bootstrap in: ${dockerCommand}`);
  const args = words.slice(image + 2).map((w) => (w === K3S_KUBECONFIG ? kubeconfig : w === STATE_DIR ? stateDir : w));
  return { args, env };
}

/**
 * The bare-host form as systemd would run it: the unit's Environment= lines, the token from
 * the install command's EnvironmentFile, LoadCredential's kubeconfig copy in
 * $CREDENTIALS_DIRECTORY, and ExecStart with the installed bundle (after checking that the
 * install command's SHA-256 is the served bundle's).
 */
export function systemdFormArgs(install: string, unit: string, kubeconfig: string, stateDir: string): AgentLaunch {
  const env: Record<string, string> = {};
  for (const m of unit.matchAll(/^Environment=(\w+)=(.*)$/gm)) env[m[1]!] = m[2]!;
  const token = /OUTPOST_TOKEN=([0-9a-f]{64})/.exec(install)?.[1];
  if (!token) throw new Error("no token in the install command");
  env.OUTPOST_TOKEN = token;
  const sha = /echo "([0-9a-f]{64}) {2}outpost-agent\.js" \| sha256sum -c -/.exec(install)?.[1];
  if (sha !== createHash("sha256").update(fs.readFileSync(AGENT_BUNDLE)).digest("hex")) throw new Error("the install command's bundle SHA-256 is not the bundle's");
  const credentials = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-creds-"));
  fs.copyFileSync(kubeconfig, path.join(credentials, "kubeconfig"));
  env.CREDENTIALS_DIRECTORY = credentials;
  const exec = /^ExecStart=\/usr\/bin\/env node (\S+) (.*)$/m.exec(unit);
  if (!exec) throw new Error("no ExecStart in the unit");
  const args = [AGENT_BUNDLE, ...exec[2]!.split(" ").map((w) => w.replace("${CREDENTIALS_DIRECTORY}", credentials)).map((w) => (w === STATE_DIR ? stateDir : w))];
  return { args, env };
}

export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "outpost-agent-state-"));
}

/** Starts Node.js with a launch from an import command; its output is captured for assertions. */
export function startAgent(launch: AgentLaunch, envOverride: Record<string, string> = {}): AgentProcess {
  const child = spawn(process.execPath, launch.args, {
    env: { ...process.env, OUTPOST_HEALTH_PORT: "0", ...launch.env, ...envOverride },
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
