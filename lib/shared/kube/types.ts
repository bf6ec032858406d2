// Minimal structural shapes of the Kubernetes objects the column functions read.
//
// Deliberately our own types rather than @kubernetes/client-node's: the same functions take
// plain JSON from the wire (timestamps as RFC 3339 strings) and client-node models
// (timestamps as Date), in the browser and in the simulator. Every field is optional because
// printers.go tolerates missing fields, and so must we. A compile-time test checks that
// client-node's V1Pod/V1Node/... stay assignable to these.

/** An RFC 3339 string as served on the wire, or a Date as client-node deserializes it. */
export type Timestamp = string | Date;

export type StringMap = Readonly<Record<string, string>>;

export interface ObjectMetaLike {
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly creationTimestamp?: Timestamp | null;
  readonly deletionTimestamp?: Timestamp | null;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
}

export interface KubeObjectLike {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMetaLike;
}

export interface LabelSelectorRequirementLike {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface LabelSelectorLike {
  readonly matchLabels?: StringMap;
  readonly matchExpressions?: readonly LabelSelectorRequirementLike[];
}

export interface ContainerLike {
  readonly name: string;
  readonly image?: string;
  readonly restartPolicy?: string;
}

export interface ContainerStateLike {
  readonly waiting?: { readonly reason?: string; readonly message?: string };
  readonly running?: { readonly startedAt?: Timestamp };
  readonly terminated?: {
    readonly exitCode: number;
    readonly signal?: number;
    readonly reason?: string;
    readonly finishedAt?: Timestamp;
  };
}

export interface ContainerStatusLike {
  readonly name: string;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly started?: boolean;
  readonly state?: ContainerStateLike;
  readonly lastState?: ContainerStateLike;
}

export interface ConditionLike {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
}

export interface PodSpecLike {
  readonly containers?: readonly ContainerLike[];
  readonly initContainers?: readonly ContainerLike[];
  readonly nodeName?: string;
  readonly nodeSelector?: StringMap;
  readonly readinessGates?: readonly { readonly conditionType: string }[];
}

export interface PodLike extends KubeObjectLike {
  readonly spec?: PodSpecLike;
  readonly status?: {
    readonly phase?: string;
    readonly reason?: string;
    readonly podIP?: string;
    readonly podIPs?: readonly { readonly ip?: string }[];
    readonly nominatedNodeName?: string;
    readonly conditions?: readonly ConditionLike[];
    readonly initContainerStatuses?: readonly ContainerStatusLike[];
    readonly containerStatuses?: readonly ContainerStatusLike[];
  };
}

export interface NodeLike extends KubeObjectLike {
  readonly spec?: { readonly unschedulable?: boolean };
  readonly status?: {
    readonly conditions?: readonly ConditionLike[];
    readonly addresses?: readonly { readonly type: string; readonly address: string }[];
    readonly nodeInfo?: {
      readonly kubeletVersion?: string;
      readonly osImage?: string;
      readonly kernelVersion?: string;
      readonly containerRuntimeVersion?: string;
    };
  };
}

export interface PodTemplateLike {
  readonly spec?: PodSpecLike;
}

export interface DeploymentLike extends KubeObjectLike {
  readonly spec?: {
    readonly replicas?: number;
    readonly selector?: LabelSelectorLike | null;
    readonly template?: PodTemplateLike;
  };
  readonly status?: {
    readonly replicas?: number;
    readonly updatedReplicas?: number;
    readonly readyReplicas?: number;
    readonly availableReplicas?: number;
  };
}

export interface ReplicaSetLike extends KubeObjectLike {
  readonly spec?: {
    readonly replicas?: number;
    readonly selector?: LabelSelectorLike | null;
    readonly template?: PodTemplateLike;
  };
  readonly status?: { readonly replicas?: number; readonly readyReplicas?: number };
}

export interface DaemonSetLike extends KubeObjectLike {
  readonly spec?: { readonly selector?: LabelSelectorLike | null; readonly template?: PodTemplateLike };
  readonly status?: {
    readonly desiredNumberScheduled?: number;
    readonly currentNumberScheduled?: number;
    readonly numberReady?: number;
    readonly updatedNumberScheduled?: number;
    readonly numberAvailable?: number;
  };
}

export interface StatefulSetLike extends KubeObjectLike {
  readonly spec?: { readonly replicas?: number; readonly template?: PodTemplateLike };
  readonly status?: { readonly readyReplicas?: number };
}

export interface JobSpecLike {
  readonly completions?: number | null;
  readonly parallelism?: number | null;
  readonly selector?: LabelSelectorLike | null;
  readonly template?: PodTemplateLike;
}

export interface JobLike extends KubeObjectLike {
  readonly spec?: JobSpecLike;
  readonly status?: {
    readonly succeeded?: number;
    readonly startTime?: Timestamp | null;
    readonly completionTime?: Timestamp | null;
    readonly conditions?: readonly ConditionLike[];
  };
}

export interface CronJobLike extends KubeObjectLike {
  readonly spec?: {
    readonly schedule?: string;
    readonly timeZone?: string | null;
    readonly suspend?: boolean | null;
    readonly jobTemplate?: { readonly spec?: JobSpecLike };
  };
  readonly status?: { readonly active?: readonly unknown[]; readonly lastScheduleTime?: Timestamp | null };
}

export interface ServicePortLike {
  readonly port: number;
  readonly nodePort?: number;
  readonly protocol?: string;
}

export interface ServiceLike extends KubeObjectLike {
  readonly spec?: {
    readonly type?: string;
    readonly clusterIP?: string;
    readonly clusterIPs?: readonly string[];
    readonly externalIPs?: readonly string[];
    readonly externalName?: string;
    readonly ports?: readonly ServicePortLike[];
    readonly selector?: StringMap;
  };
  readonly status?: {
    readonly loadBalancer?: { readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[] };
  };
}

export interface EndpointsLike extends KubeObjectLike {
  readonly subsets?: readonly {
    readonly addresses?: readonly { readonly ip: string }[];
    readonly ports?: readonly { readonly name?: string; readonly port: number }[];
  }[];
}

export interface NamespaceLike extends KubeObjectLike {
  readonly status?: { readonly phase?: string };
}

export interface ConfigMapLike extends KubeObjectLike {
  readonly data?: StringMap;
  readonly binaryData?: StringMap;
}

export interface SecretLike extends KubeObjectLike {
  readonly type?: string;
  readonly data?: StringMap;
}

export interface ServiceAccountLike extends KubeObjectLike {
  readonly secrets?: readonly unknown[];
}

export interface EventLike extends KubeObjectLike {
  readonly involvedObject?: { readonly kind?: string; readonly name?: string; readonly fieldPath?: string };
  readonly reason?: string;
  readonly message?: string;
  readonly type?: string;
  readonly count?: number;
  readonly firstTimestamp?: Timestamp | null;
  readonly lastTimestamp?: Timestamp | null;
  readonly eventTime?: Timestamp | null;
  readonly series?: { readonly count?: number; readonly lastObservedTime?: Timestamp | null } | null;
  readonly source?: { readonly component?: string; readonly host?: string };
  readonly reportingComponent?: string;
  readonly reportingInstance?: string;
}
