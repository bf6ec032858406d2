// kubectl's storage columns: printPersistentVolume, printPersistentVolumeClaim and
// printStorageClass in k8s.io/kubernetes/pkg/printers/internalversion/printers.go.

import { formatAge } from "./format-age";
import type { KubeObjectLike, StringMap } from "./types";

interface ClassedMeta {
  readonly annotations?: StringMap;
}

export interface PersistentVolumeLike extends KubeObjectLike {
  readonly spec?: {
    readonly capacity?: StringMap;
    readonly accessModes?: readonly string[];
    readonly persistentVolumeReclaimPolicy?: string;
    readonly claimRef?: { readonly namespace?: string; readonly name?: string } | null;
    readonly storageClassName?: string;
    readonly volumeAttributesClassName?: string | null;
    readonly volumeMode?: string | null;
  };
  readonly status?: { readonly phase?: string; readonly reason?: string };
}

export interface PersistentVolumeClaimLike extends KubeObjectLike {
  readonly spec?: {
    readonly volumeName?: string;
    readonly storageClassName?: string | null;
    readonly volumeAttributesClassName?: string | null;
    readonly volumeMode?: string | null;
  };
  readonly status?: { readonly phase?: string; readonly capacity?: StringMap; readonly accessModes?: readonly string[] };
}

export interface StorageClassLike extends KubeObjectLike {
  readonly provisioner?: string;
  readonly reclaimPolicy?: string | null;
  readonly volumeBindingMode?: string | null;
  readonly allowVolumeExpansion?: boolean | null;
}

const MODES: readonly [string, string][] = [
  ["ReadWriteOnce", "RWO"],
  ["ReadOnlyMany", "ROX"],
  ["ReadWriteMany", "RWX"],
  ["ReadWriteOncePod", "RWOP"],
];

/** helper.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModesString(modes: readonly string[] | undefined): string {
  return MODES.filter(([m]) => (modes ?? []).includes(m))
    .map(([, short]) => short)
    .join(",");
}

/** The class of a PV or PVC: spec.storageClassName, else the beta annotation. */
function storageClassOf(meta: ClassedMeta | undefined, className: string | null | undefined): string {
  return meta?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? className ?? "";
}

const terminating = (o: KubeObjectLike, phase: string | undefined): string => (o.metadata?.deletionTimestamp ? "Terminating" : (phase ?? ""));

export interface PersistentVolumeRow {
  name: string;
  capacity: string;
  accessModes: string;
  reclaimPolicy: string;
  status: string;
  claim: string;
  storageClass: string;
  volumeAttributesClass: string;
  reason: string;
  age: string;
  volumeMode: string;
}

/** printPersistentVolume. */
export function persistentVolumeRow(pv: PersistentVolumeLike, now: Date | number): PersistentVolumeRow {
  const ref = pv.spec?.claimRef;
  return {
    name: pv.metadata?.name ?? "",
    // A missing storage quantity prints as the zero Quantity.
    capacity: pv.spec?.capacity?.storage ?? "0",
    accessModes: accessModesString(pv.spec?.accessModes),
    reclaimPolicy: pv.spec?.persistentVolumeReclaimPolicy ?? "",
    status: terminating(pv, pv.status?.phase),
    claim: ref ? `${ref.namespace ?? ""}/${ref.name ?? ""}` : "",
    storageClass: storageClassOf(pv.metadata, pv.spec?.storageClassName),
    volumeAttributesClass: pv.spec?.volumeAttributesClassName ?? "<unset>",
    reason: pv.status?.reason ?? "",
    age: formatAge(pv.metadata?.creationTimestamp, now),
    volumeMode: pv.spec?.volumeMode ?? "<unset>",
  };
}

export interface PersistentVolumeClaimRow {
  name: string;
  status: string;
  volume: string;
  capacity: string;
  accessModes: string;
  storageClass: string;
  volumeAttributesClass: string;
  age: string;
  volumeMode: string;
}

/** printPersistentVolumeClaim: capacity and access modes only once bound to a volume. */
export function persistentVolumeClaimRow(pvc: PersistentVolumeClaimLike, now: Date | number): PersistentVolumeClaimRow {
  const bound = Boolean(pvc.spec?.volumeName);
  return {
    name: pvc.metadata?.name ?? "",
    status: terminating(pvc, pvc.status?.phase),
    volume: pvc.spec?.volumeName ?? "",
    capacity: bound ? (pvc.status?.capacity?.storage ?? "0") : "",
    accessModes: bound ? accessModesString(pvc.status?.accessModes) : "",
    storageClass: storageClassOf(pvc.metadata, pvc.spec?.storageClassName),
    volumeAttributesClass: pvc.spec?.volumeAttributesClassName ?? "<unset>",
    age: formatAge(pvc.metadata?.creationTimestamp, now),
    volumeMode: pvc.spec?.volumeMode ?? "<unset>",
  };
}

export interface StorageClassRow {
  name: string;
  provisioner: string;
  reclaimPolicy: string;
  volumeBindingMode: string;
  allowVolumeExpansion: boolean;
  age: string;
}

/** storageutil.IsDefaultAnnotation: the GA or beta is-default-class annotation is "true". */
function isDefaultClass(sc: StorageClassLike): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a["storageclass.kubernetes.io/is-default-class"] === "true" || a["storageclass.beta.kubernetes.io/is-default-class"] === "true";
}

/** printStorageClass: "(default)" after the default class's name; API defaults filled in. */
export function storageClassRow(sc: StorageClassLike, now: Date | number): StorageClassRow {
  const name = sc.metadata?.name ?? "";
  return {
    name: isDefaultClass(sc) ? `${name} (default)` : name,
    provisioner: sc.provisioner ?? "",
    reclaimPolicy: sc.reclaimPolicy ?? "Delete",
    volumeBindingMode: sc.volumeBindingMode ?? "Immediate",
    allowVolumeExpansion: sc.allowVolumeExpansion ?? false,
    age: formatAge(sc.metadata?.creationTimestamp, now),
  };
}
