"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { applyDeltaToMap } from "@/lib/client/fleet/apply-fleet-delta";
import { useFleetStream } from "@/lib/client/fleet/use-fleet-stream";
import type { TFleetCluster, TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { buildWallModel } from "@/lib/shared/fleet/wall-model";
import { StreamStatusBadge } from "./stream-status-badge";
import { SiteMap } from "./wall/site-map";
import { TroubleList } from "./wall/trouble-list";
import { WallGrid } from "./wall/wall-grid";
import { WallLegend } from "./wall/wall-legend";

export interface KioskParams {
  group: string;
  view: "grid" | "map";
  /** The group zoomed into ("" = clusters without a value), or undefined for the whole fleet. */
  focus?: string;
}

function kioskHref(p: KioskParams): string {
  const q = new URLSearchParams();
  if (p.group !== "region") q.set("group", p.group);
  if (p.view !== "grid") q.set("view", p.view);
  if (p.focus !== undefined) q.set("focus", p.focus);
  return `/fleet/kiosk${q.size ? `?${q}` : ""}`;
}

function Clock() {
  const format = useFormatter();
  const now = useNow({ updateInterval: 1000 });
  return (
    // The server's second and the browser's differ (and Node's and Chromium's ICU may word a
    // zh-Hans time differently): the first client render may differ from the server's HTML.
    <time className="text-3xl font-semibold tabular-nums text-slate-100" dateTime={now.toISOString()} suppressHydrationWarning>
      {format.dateTime(now, { timeStyle: "medium" })}
    </time>
  );
}

/**
 * The NOC wall: the whole fleet on one screen — a grid of every cluster grouped by region
 * and site with the trouble list beside it, or the site map. Fed only by the stream (the
 * whole fleet in `init`, then deltas); a delta repaints one canvas and a few dozen DOM
 * nodes, never one node per cluster. Escape zooms out, then leaves kiosk mode.
 */
export function KioskView(params: KioskParams) {
  const { group, view, focus } = params;
  const t = useTranslations("wall");
  const router = useRouter();
  const [fleet, setFleet] = useState<Map<string, TFleetCluster> | null>(null);
  const [summary, setSummary] = useState<TFleetSummary | null>(null);
  const stream = useFleetStream("all", {
    onInit: (d) => {
      setFleet(new Map((d.rows ?? []).map((r) => [r.id, r])));
      setSummary(d.summary);
    },
    onDelta: (d) => {
      if (d.changed.length || d.removed.length) setFleet((m) => applyDeltaToMap(m ?? new Map(), d.changed, d.removed));
      setSummary(d.summary);
    },
  });
  const model = useMemo(() => buildWallModel(fleet?.values() ?? [], group, focus === undefined ? undefined : focus || null), [fleet, group, focus]);
  const zoomHref = (key: string | null) => kioskHref({ ...params, focus: focus === undefined ? (key ?? "") : undefined });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      router.push(focus !== undefined ? kioskHref({ group, view, focus: undefined }) : "/fleet");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, group, view, focus]);
  useEffect(() => {
    // A stream closed for good means the session ended: reload into the sign-in page.
    if (stream.status !== "closed") return;
    const timer = setTimeout(() => window.location.reload(), 60_000);
    return () => clearTimeout(timer);
  }, [stream.status]);

  const tab = (v: KioskParams["view"], label: string) => (
    <Link
      href={kioskHref({ ...params, view: v })}
      aria-current={view === v ? "page" : undefined}
      data-testid={`wall-view-${v}`}
      className={`rounded-md px-4 py-1.5 text-xl font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400 ${view === v ? "bg-slate-100 text-slate-950" : "text-slate-200 hover:bg-slate-800"}`}
    >
      {label}
    </Link>
  );

  return (
    <main className="flex h-screen flex-col gap-3 overflow-hidden bg-slate-950 px-5 py-4" data-testid="kiosk" data-view={view}>
      <header className="flex items-center gap-6">
        <h1 className="text-3xl font-bold tracking-tight text-white">{t("title")}</h1>
        <nav aria-label={t("views")} className="flex gap-1 rounded-lg border border-slate-700 p-1">
          {tab("grid", t("viewGrid"))}
          {tab("map", t("viewMap"))}
        </nav>
        {focus !== undefined ? (
          <p className="flex items-center gap-3 text-xl text-slate-100">
            <span className="font-semibold" data-testid="wall-focus">
              {t("zoomedInto", { name: focus || t("noGroup") })}
            </span>
            <Link href={kioskHref({ ...params, focus: undefined })} className="rounded-md border border-slate-600 px-3 py-1 hover:bg-slate-800 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400">
              {t("zoomOut")}
            </Link>
          </p>
        ) : null}
        <div className="ml-auto flex items-center gap-6">
          <StreamStatusBadge status={stream.status} large />
          <Clock />
        </div>
      </header>
      <WallLegend counts={model.counts} total={model.total} summary={focus === undefined ? summary : null} />
      {fleet === null ? (
        <p className="text-2xl text-slate-300">{t("loading")}</p>
      ) : fleet.size === 0 ? (
        <p className="text-2xl text-slate-300">{t("empty")}</p>
      ) : (
        <div className="flex min-h-0 flex-1 gap-4">
          {view === "map" ? (
            <SiteMap clusters={fleet} />
          ) : (
            <>
              <WallGrid model={model} zoomHref={zoomHref} />
              <TroubleList trouble={model.trouble} />
            </>
          )}
        </div>
      )}
    </main>
  );
}
