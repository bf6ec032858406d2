/** Static description of one served resource type (what discovery and routing need). */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: string[];
  /** Storage key; two served types may share one storage (core and events.k8s.io Events). */
  storage: string;
  verbs?: string[];
  /** A custom resource (served from a CRD). */
  custom?: boolean;
  /** A custom resource version's selectableFields (JSONPaths such as `.spec.color`). */
  selectableFields?: string[];
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function rt(group: string, version: string, kind: string, plural: string, namespaced: boolean, extra: Partial<ResourceType> = {}): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), namespaced, storage: `${group}/${plural}`, ...extra };
}

/** Built-in resource types a k3s 1.31 server exposes (the subset the simulator implements). */
export const BUILTIN_TYPES: ResourceType[] = [
  rt("", "v1", "Namespace", "namespaces", false, { shortNames: ["ns"], subresources: ["status", "finalize"] }),
  rt("", "v1", "Node", "nodes", false, { shortNames: ["no"], subresources: ["status", "proxy"] }),
  rt("", "v1", "Pod", "pods", true, { shortNames: ["po"], categories: ["all"], subresources: ["status", "log", "binding", "eviction", "ephemeralcontainers", "exec", "attach", "portforward"] }),
  rt("", "v1", "Service", "services", true, { shortNames: ["svc"], categories: ["all"], subresources: ["status", "proxy"] }),
  rt("", "v1", "Endpoints", "endpoints", true, { shortNames: ["ep"], singular: "endpoints" }),
  rt("", "v1", "ConfigMap", "configmaps", true, { shortNames: ["cm"] }),
  rt("", "v1", "Secret", "secrets", true),
  rt("", "v1", "ServiceAccount", "serviceaccounts", true, { shortNames: ["sa"], subresources: ["token"] }),
  rt("", "v1", "Event", "events", true, { shortNames: ["ev"], storage: "/events" }),
  rt("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, { shortNames: ["pvc"], subresources: ["status"] }),
  rt("", "v1", "PersistentVolume", "persistentvolumes", false, { shortNames: ["pv"], subresources: ["status"] }),
  rt("", "v1", "ResourceQuota", "resourcequotas", true, { shortNames: ["quota"], subresources: ["status"] }),
  rt("", "v1", "LimitRange", "limitranges", true, { shortNames: ["limits"] }),
  rt("events.k8s.io", "v1", "Event", "events", true, { shortNames: ["ev"], storage: "/events" }),
  rt("apps", "v1", "Deployment", "deployments", true, { shortNames: ["deploy"], categories: ["all"], subresources: ["status", "scale"] }),
  rt("apps", "v1", "ReplicaSet", "replicasets", true, { shortNames: ["rs"], categories: ["all"], subresources: ["status", "scale"] }),
  rt("apps", "v1", "DaemonSet", "daemonsets", true, { shortNames: ["ds"], categories: ["all"], subresources: ["status"] }),
  rt("apps", "v1", "StatefulSet", "statefulsets", true, { shortNames: ["sts"], categories: ["all"], subresources: ["status", "scale"] }),
  rt("apps", "v1", "ControllerRevision", "controllerrevisions", true),
  rt("batch", "v1", "Job", "jobs", true, { categories: ["all"], subresources: ["status"] }),
  rt("batch", "v1", "CronJob", "cronjobs", true, { shortNames: ["cj"], categories: ["all"], subresources: ["status"] }),
  rt("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
  rt("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
  rt("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
  rt("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
  rt("coordination.k8s.io", "v1", "Lease", "leases", true),
  rt("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, { shortNames: ["crd", "crds"], subresources: ["status"] }),
  rt("networking.k8s.io", "v1", "Ingress", "ingresses", true, { shortNames: ["ing"], subresources: ["status"] }),
  rt("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, { shortNames: ["netpol"] }),
  rt("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, { shortNames: ["sc"] }),
  rt("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, { shortNames: ["pc"] }),
  rt("apiregistration.k8s.io", "v1", "APIService", "apiservices", false, { subresources: ["status"] }),
  rt("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, { shortNames: ["pdb"], subresources: ["status"] }),
  rt("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, { shortNames: ["hpa"], categories: ["all"], subresources: ["status"] }),
  rt("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, { verbs: ["create"] }),
  rt("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, { verbs: ["create"] }),
  rt("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false, { verbs: ["create"] }),
  rt("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, { verbs: ["create"] }),
  rt("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true, { verbs: ["create"] }),
];

/** Verbs a type supports (review types are create-only). */
export function verbsOf(t: ResourceType): string[] {
  return t.verbs ?? ALL_VERBS;
}

/** apiVersion string of a type, e.g. "apps/v1" or "v1". */
export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The set of served types of one cluster: built-ins plus CRD-defined types (added at runtime). */
export class ResourceRegistry {
  private byGvr = new Map<string, ResourceType>();
  private changeListeners: (() => void)[] = [];

  constructor(types: ResourceType[] = BUILTIN_TYPES) {
    for (const t of types) this.add(t);
  }

  add(t: ResourceType): void {
    this.byGvr.set(`${t.group}/${t.version}/${t.plural}`, t);
    for (const l of this.changeListeners) l();
  }

  remove(group: string, plural: string): void {
    for (const [k, t] of this.byGvr) if (t.group === group && t.plural === plural) this.byGvr.delete(k);
    for (const l of this.changeListeners) l();
  }

  onChange(l: () => void): void {
    this.changeListeners.push(l);
  }

  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byGvr.get(`${group}/${version}/${plural}`);
  }

  /** Finds the type of a kind within a group/version (for bodies and ownerReferences). */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const t of this.byGvr.values()) if (apiVersionOf(t) === apiVersion && t.kind === kind) return t;
    return undefined;
  }

  all(): ResourceType[] {
    return [...this.byGvr.values()];
  }

  /** Group → versions (preferred first), sorted by group name with core first. */
  groups(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const t of this.byGvr.values()) {
      const vs = m.get(t.group) ?? [];
      if (!vs.includes(t.version)) vs.push(t.version);
      m.set(t.group, vs);
    }
    return m;
  }
}
