// Regenerates sim/protobuf/descriptors.ts — the field numbers of the built-in kinds the
// simulator serves — from checkouts of k8s.io/api and k8s.io/apimachinery (their
// `generated.proto` files). Only the messages reachable from the kinds listed in ROOTS are
// written, one compact line each; nothing of the .proto files themselves is kept.
//
//   npx tsx sim/protobuf/generate-descriptors.ts <k8s.io/api checkout> <k8s.io/apimachinery checkout>
import fs from "node:fs";
import path from "node:path";

const ROOTS = [
  "core.v1.Namespace", "core.v1.Node", "core.v1.Pod", "core.v1.Service", "core.v1.Endpoints", "core.v1.ConfigMap", "core.v1.Secret",
  "core.v1.ServiceAccount", "core.v1.Event", "core.v1.PersistentVolumeClaim", "core.v1.PersistentVolume", "core.v1.ResourceQuota",
  "core.v1.LimitRange", "core.v1.Binding", "events.v1.Event", "apps.v1.Deployment", "apps.v1.ReplicaSet", "apps.v1.DaemonSet",
  "apps.v1.StatefulSet", "apps.v1.ControllerRevision", "batch.v1.Job", "batch.v1.CronJob", "rbac.v1.Role", "rbac.v1.RoleBinding",
  "rbac.v1.ClusterRole", "rbac.v1.ClusterRoleBinding", "coordination.v1.Lease", "networking.v1.Ingress", "networking.v1.NetworkPolicy",
  "storage.v1.StorageClass", "scheduling.v1.PriorityClass", "policy.v1.PodDisruptionBudget", "policy.v1.Eviction",
  "autoscaling.v2.HorizontalPodAutoscaler", "autoscaling.v1.Scale", "authentication.v1.TokenRequest", "authentication.v1.SelfSubjectReview",
  "authorization.v1.SelfSubjectAccessReview", "authorization.v1.SelfSubjectRulesReview", "authorization.v1.SubjectAccessReview",
  "authorization.v1.LocalSubjectAccessReview", "meta.v1.DeleteOptions", "meta.v1.Status",
];

const SCALARS: Record<string, string> = { string: "s", bytes: "y", bool: "b", int32: "i32", int64: "i64", double: "d", float: "f" };

interface Msg { fields: string[]; wrapper: boolean }

function shortPackage(pkg: string): string {
  const m = pkg.match(/^k8s\.io\.api\.([a-z0-9]+)\.([a-z0-9]+)$/);
  if (m) return `${m[1]}.${m[2]}`;
  const a = pkg.replace(/^k8s\.io\.apimachinery\.pkg\./, "");
  return a.replace(/^(apis|api|util)\./, "");
}

function shortType(t: string, pkg: string): string {
  if (SCALARS[t]) return SCALARS[t];
  if (t.startsWith(".")) {
    const i = t.lastIndexOf(".");
    return `${shortPackage(t.slice(1, i))}.${t.slice(i + 1)}`;
  }
  return `${pkg}.${t}`;
}

function parseProto(file: string, out: Map<string, Msg>): void {
  const text = fs.readFileSync(file, "utf8");
  const pkg = shortPackage(text.match(/^package ([\w.]+);/m)?.[1] ?? "");
  let cur: Msg | undefined;
  let comments: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("//")) {
      comments.push(line);
      continue;
    }
    const msg = line.match(/^message (\w+) \{$/);
    if (msg) {
      cur = { fields: [], wrapper: comments.some((c) => c.includes("+protobuf.nullable=true")) };
      out.set(`${pkg}.${msg[1]}`, cur);
    } else if (line === "}") cur = undefined;
    else if (cur) {
      const map = line.match(/^map<string, ([\w.]+)> (\w+) = (\d+);$/);
      const fld = line.match(/^(optional|repeated) ([\w.]+) (\w+) = (\d+);$/);
      if (map) cur.fields.push(`${map[2]}=${map[3]}:{${shortType(map[1] ?? "", pkg)}}`);
      else if (fld) cur.fields.push(`${fld[3]}=${fld[4]}:${fld[1] === "repeated" ? "*" : ""}${shortType(fld[2] ?? "", pkg)}`);
      else if (line && !line.startsWith("option ") && !line.startsWith("reserved ")) throw new Error(`${file}: cannot parse "${line}"`);
    }
    if (line && !line.startsWith("//")) comments = [];
  }
}

/**
 * From types.go: embedded Go structs (`json:",inline"` or `json:""`), fields of their own in
 * protobuf whose members sit in the parent's JSON; and non-pointer numbers/bools with
 * `omitempty`, which protobuf always carries but JSON leaves out when zero.
 * `message → field number → "^" | "?"`.
 */
function goFieldMarks(protoFile: string, pkg: string, out: Map<string, Map<number, string>>): void {
  const typesGo = path.join(path.dirname(protoFile), "types.go");
  if (!fs.existsSync(typesGo)) return;
  let struct = "";
  for (const line of fs.readFileSync(typesGo, "utf8").split("\n")) {
    const t = line.match(/^type (\w+) struct \{/);
    if (t) struct = t[1] ?? "";
    const m = line.match(/^\s+[\w.]+ `json:"(,inline)?" protobuf:"bytes,(\d+),/);
    const z = line.match(/^\s+\w+\s+(int32|int64|bool)\s+`json:"\w+,omitempty" protobuf:"varint,(\d+),/);
    const hit = m ?? z;
    if (hit && struct) {
      const key = `${pkg}.${struct}`;
      if (!out.has(key)) out.set(key, new Map());
      out.get(key)?.set(Number(hit[2]), m ? "^" : "?");
    }
  }
}

function main(): void {
  const [apiDir, machineryDir] = process.argv.slice(2);
  if (!apiDir || !machineryDir) throw new Error("usage: generate-descriptors.ts <k8s.io/api dir> <k8s.io/apimachinery dir>");
  const all = new Map<string, Msg>();
  const protoFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("generated.proto")).map((f) => path.join(dir, f));
  const marks = new Map<string, Map<number, string>>();
  for (const f of [...protoFiles(apiDir), ...protoFiles(machineryDir)]) {
    parseProto(f, all);
    goFieldMarks(f, shortPackage(fs.readFileSync(f, "utf8").match(/^package ([\w.]+);/m)?.[1] ?? ""), marks);
  }
  for (const [name, byNumber] of marks) {
    const m = all.get(name);
    if (m) m.fields = m.fields.map((f) => f.replace(":", `:${byNumber.get(Number(f.split("=")[1]?.split(":")[0])) ?? ""}`));
  }
  const keep = new Map<string, Msg>();
  const visit = (name: string): void => {
    if (keep.has(name) || SCALARS[name] || Object.values(SCALARS).includes(name)) return;
    const m = all.get(name);
    if (!m) throw new Error(`message ${name} not found`);
    keep.set(name, m);
    for (const f of m.fields) visit((f.split(":")[1] ?? "").replace(/^[*^?]/, "").replace(/^\{(.*)\}$/, "$1"));
  };
  for (const r of [...ROOTS, "runtime.Unknown"]) visit(r);
  const lines = [...keep.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, m]) => `  ${JSON.stringify(n)}: ${JSON.stringify((m.wrapper ? "~ " : "") + m.fields.join(" "))},`);
  const header = `// Generated by sim/protobuf/generate-descriptors.ts from k8s.io/api and k8s.io/apimachinery
// (their generated.proto files): the protobuf field numbers of the built-in kinds the
// simulator serves and every message they reach. One line per message:
//   name=number:type  — type s string, y bytes, b bool, i32/i64, d double, f float, or a
//   message; "*type" repeated; "{type}" map<string, type>; "^type" an embedded struct whose
//   fields are inlined in the parent's JSON; "?type" a number/bool JSON omits when zero. A leading "~ " marks a wrapper
//   message whose JSON form is its repeated \`items\` field alone (Verbs, ExtraValue).
// Do not edit by hand; rerun the generator.

export const MESSAGES: Readonly<Record<string, string>> = {
${lines.join("\n")}
};
`;
  fs.writeFileSync(path.join(__dirname, "descriptors.ts"), header);
  console.log(`${keep.size} messages`);
}

main();
