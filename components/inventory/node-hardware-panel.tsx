"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { gibibytes } from "@/lib/shared/inventory/format-memory";
import type { TNodeHardware } from "@/lib/shared/inventory/inventory.schema";

// Shown as the apiserver prints it, in every language.
const GIB = "GiB";

function Memory({ quantity }: { quantity: string }) {
  const gib = gibibytes(quantity);
  return (
    <span className="font-mono">
      {quantity || "—"}
      {gib ? <span className="text-slate-500">{` (${gib} ${GIB})`}</span> : null}
    </span>
  );
}

/** A node's hardware (node page): what `kubectl get nodes -o wide` and `kubectl describe node` say about the machine. */
export function NodeHardwarePanel({ hardware }: { hardware: TNodeHardware }) {
  const t = useTranslations("inventory.hardware");
  const rows: Array<[string, React.ReactNode]> = [
    [t("architecture"), <span key="a" className="font-mono">{hardware.architecture || "—"}</span>],
    [t("operatingSystem"), <span key="o" className="font-mono">{hardware.operatingSystem || "—"}</span>],
    [t("osImage"), hardware.osImage || "—"],
    [
      t("kernel"),
      <span key="k" className="font-mono">
        {hardware.kernelVersion || "—"}
        {hardware.realtime ? <span className="ml-2 rounded bg-violet-900/60 px-1.5 py-0.5 font-sans text-xs text-violet-200" data-testid="rt-kernel">{t("realtimeKernel")}</span> : null}
      </span>,
    ],
    [t("containerRuntime"), <span key="c" className="font-mono">{hardware.containerRuntime || "—"}</span>],
    [t("kubeletVersion"), <span key="v" className="font-mono">{hardware.kubeletVersion || "—"}</span>],
    [t("roles"), <span key="r" className="font-mono">{hardware.roles.join(", ")}</span>],
    [t("cpu"), <span key="cpu" className="font-mono">{`${hardware.cpuCapacity || "—"} / ${hardware.cpuAllocatable || "—"}`}</span>],
    [
      t("memory"),
      <span key="m">
        <Memory quantity={hardware.memoryCapacity} />
        {" / "}
        <Memory quantity={hardware.memoryAllocatable} />
      </span>,
    ],
    [
      t("extended"),
      Object.keys(hardware.extended).length ? (
        <ul key="e" className="space-y-0.5 font-mono">
          {Object.entries(hardware.extended).map(([k, v]) => (
            <li key={k}>{`${k}: ${v}`}</li>
          ))}
        </ul>
      ) : (
        t("noExtended")
      ),
    ],
    [
      t("taints"),
      hardware.taints.length ? (
        <ul key="t" className="space-y-0.5 font-mono">
          {hardware.taints.map((taint) => (
            <li key={`${taint.key}:${taint.effect}`}>{`${taint.key}${taint.value ? `=${taint.value}` : ""}:${taint.effect}`}</li>
          ))}
        </ul>
      ) : (
        t("noTaints")
      ),
    ],
  ];
  return (
    <section className="space-y-2" aria-label={t("title")} data-testid="node-hardware">
      <div className="flex items-center gap-3">
        <h3 className="text-sm font-semibold text-slate-200">{t("title")}</h3>
        {hardware.architecture ? (
          <Link href={`/fleet/inventory?arch=${encodeURIComponent(hardware.architecture)}`} className="text-xs text-sky-400 hover:underline">
            {t("inventoryLink")}
          </Link>
        ) : null}
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 rounded-lg border border-slate-800 p-3 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-400">{label}</dt>
            <dd className="text-slate-200">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
