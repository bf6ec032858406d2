import { parseLabelsText } from "../clusters/labels-text";
import type { TClusterIdentity } from "./fleet-registration.schema";

/** Variables a fleet token's templates may use. */
export const TEMPLATE_VARIABLES = ["hostname", "machineId", "arch", "k3sVersion"] as const;
const VARIABLE = /\$\{([A-Za-z0-9_.\-/]+)\}/g;

/** The first `${…}` a template names that is neither a known variable nor `labels.<key>`, or null. */
export function templateError(template: string): string | null {
  for (const match of template.matchAll(VARIABLE)) {
    const name = match[1] ?? "";
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name) && !/^labels\.[A-Za-z0-9_.\-/]+$/.test(name)) {
      return `unknown variable \${${name}}: use ${TEMPLATE_VARIABLES.map((v) => `\${${v}}`).join(", ")} or \${labels.<key>}`;
    }
  }
  return null;
}

/** Substitutes the identity's values; a `${labels.x}` the agent did not report becomes "". */
export function renderTemplate(template: string, identity: TClusterIdentity): string {
  return template.replace(VARIABLE, (_, name: string) => {
    if (name.startsWith("labels.")) return identity.labels[name.slice("labels.".length)] ?? "";
    const values: Record<(typeof TEMPLATE_VARIABLES)[number], string> = { hostname: identity.nodeName, machineId: identity.machineId, arch: identity.arch, k3sVersion: identity.k3sVersion };
    return values[name as (typeof TEMPLATE_VARIABLES)[number]] ?? "";
  });
}

/** A string made into a valid label value: invalid characters → "-", at most 63, alphanumeric ends. */
export function toLabelValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9_.-]/g, "-")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

/** A display name made into a DNS-1123 label (the cluster's name); "cluster" when nothing is left. */
export function toClusterName(value: string): string {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return name || "cluster";
}

/**
 * The labels a new cluster gets: the agent's own labels, then the token's label template
 * rendered for this identity (the operator's template wins). Values are made valid label
 * values (a hostname `Node_1.local` stays, `rack 3` becomes `rack-3`); an entry without
 * `=` or with a bad key is an error the token's creation already refused.
 */
export function renderLabels(labelTemplate: string, identity: TClusterIdentity): Record<string, string> {
  const parsed = parseLabelsText(renderTemplate(labelTemplate, identity));
  const fromTemplate = "labels" in parsed ? parsed.labels : {};
  const labels: Record<string, string> = { ...identity.labels };
  for (const [key, value] of Object.entries(fromTemplate)) labels[key] = toLabelValue(value);
  return labels;
}

/** The proposal for a new registration: display name, DNS-1123 name and labels. */
export function proposeCluster(token: { nameTemplate: string; labelTemplate: string }, identity: TClusterIdentity): { displayName: string; name: string; labels: Record<string, string> } {
  const displayName = renderTemplate(token.nameTemplate, identity).trim().slice(0, 100) || identity.nodeName.slice(0, 100);
  return { displayName, name: toClusterName(displayName), labels: renderLabels(token.labelTemplate, identity) };
}
