import "server-only";
import { randomBytes } from "node:crypto";
import type { Principal } from "../auth/principal";
import type { RequestMeta } from "../http/request-meta";
import { identityOf } from "../k8s/kube-identity";
import { kubeJson } from "../k8s/kube-request";
import { runAuditedKubeAction } from "../explorer/run-audited-kube-action";

interface CronJob {
  apiVersion?: string;
  metadata: { name: string; uid: string };
  spec: { jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: unknown } };
}

const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** `<cronjob>-manual-<5 chars>`, within the 63 characters a Job name may have (it becomes a label value). */
function manualJobName(cronJob: string): string {
  const suffix = [...randomBytes(5)].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join("");
  return `${cronJob.slice(0, 63 - "-manual-".length - suffix.length).replace(/[-.]+$/, "")}-manual-${suffix}`;
}

/**
 * "Run now" on a CronJob = `kubectl create job <name> --from=cronjob/<cronjob>`: a Job with
 * the CronJob's jobTemplate (labels, annotations and spec), the annotation
 * `cronjob.kubernetes.io/instantiate: manual` and the CronJob as its controller owner, created
 * as the user. A suspended CronJob can still be run by hand (as with kubectl). Audited as
 * `k8s.cronjob.trigger` with the Job's name.
 */
export async function triggerCronJob(principal: Principal, meta: RequestMeta, clusterId: string, namespace: string, name: string): Promise<{ job: string }> {
  const identity = identityOf(principal);
  const ns = encodeURIComponent(namespace);
  const job = manualJobName(name);
  await runAuditedKubeAction(principal, meta, clusterId, "k8s.cronjob.trigger", { namespace, name, job }, async () => {
    const cj = await kubeJson<CronJob>(clusterId, identity, { path: `/apis/batch/v1/namespaces/${ns}/cronjobs/${encodeURIComponent(name)}` });
    const tpl = cj.spec.jobTemplate;
    await kubeJson(clusterId, identity, {
      method: "POST",
      path: `/apis/batch/v1/namespaces/${ns}/jobs`,
      body: {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: {
          name: job,
          namespace,
          ...(tpl.metadata?.labels ? { labels: tpl.metadata.labels } : {}),
          annotations: { ...(tpl.metadata?.annotations ?? {}), "cronjob.kubernetes.io/instantiate": "manual" },
          ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: cj.metadata.name, uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }],
        },
        spec: tpl.spec,
      },
    });
  });
  return { job };
}
