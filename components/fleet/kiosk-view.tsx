"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { applyDeltaToMap } from "@/lib/client/fleet/apply-fleet-delta";
import { useFleetStream } from "@/lib/client/fleet/use-fleet-stream";
import type { TFleetCluster, TFleetSummary } from "@/lib/shared/fleet/fleet.schema";
import { buildKioskScreens } from "@/lib/shared/fleet/kiosk-screens";
import { FleetSummaryCards } from "./fleet-summary-cards";
import { KioskTile } from "./kiosk-tile";
import { StreamStatusBadge } from "./stream-status-badge";

/** Tiles per screen: 6 × 4 stays readable across a room at 1920×1080. */
const PER_SCREEN = 24;

/**
 * The wall screen: totals and one group of clusters at a time, rotating every
 * `rotateSeconds`. Fed only by the stream (the whole fleet in `init`, then deltas), so it
 * holds one copy of the fleet and nothing accumulates over days. Escape leaves kiosk mode.
 */
export function KioskView({ group, rotateSeconds, start }: { group: string; rotateSeconds: number; start?: string }) {
  const t = useTranslations("fleet.kiosk");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1000 });
  const router = useRouter();
  const [fleet, setFleet] = useState<Map<string, TFleetCluster>>(() => new Map());
  const [summary, setSummary] = useState<TFleetSummary | null>(null);
  const [index, setIndex] = useState(0);
  const stream = useFleetStream("all", {
    onInit: (d) => {
      setFleet(new Map((d.rows ?? []).map((r) => [r.id, r])));
      setSummary(d.summary);
    },
    onDelta: (d) => {
      if (d.changed.length || d.removed.length) setFleet((m) => applyDeltaToMap(m, d.changed, d.removed));
      setSummary(d.summary);
    },
  });
  const screens = useMemo(() => buildKioskScreens(fleet.values(), group, PER_SCREEN), [fleet, group]);
  const offset = Math.max(0, screens.findIndex((s) => s.group === start));
  const screen = screens.length ? screens[(index + offset) % screens.length] : undefined;

  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => i + 1), rotateSeconds * 1000);
    return () => clearInterval(timer);
  }, [rotateSeconds]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") router.push("/fleet");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  useEffect(() => {
    // A stream closed for good means the session ended: reload into the sign-in page.
    if (stream.status !== "closed") return;
    const timer = setTimeout(() => window.location.reload(), 60_000);
    return () => clearTimeout(timer);
  }, [stream.status]);

  return (
    <main className="flex h-screen flex-col gap-5 overflow-hidden bg-slate-950 p-6" data-testid="kiosk">
      <header className="flex items-center justify-between">
        <h1 className="text-4xl font-bold tracking-tight text-white">{t("title")}</h1>
        <div className="flex items-center gap-6">
          <StreamStatusBadge status={stream.status} large />
          <time className="text-3xl font-semibold tabular-nums text-slate-200" dateTime={now.toISOString()}>
            {format.dateTime(now, { timeStyle: "medium" })}
          </time>
        </div>
      </header>
      {summary ? <FleetSummaryCards summary={summary} large /> : null}
      {screen ? (
        <section className="flex min-h-0 flex-1 flex-col gap-3" aria-live="polite">
          <h2 className="text-2xl font-semibold text-slate-200" data-testid="kiosk-group">
            {screen.group ?? t("noGroup")} <span className="text-slate-400">· {t("clusterCount", { count: screen.total })}</span>
            <span className="ml-4 text-lg text-slate-500">
              {t("position", { group: screen.groupIndex + 1, groups: screen.groupCount })}
              {screen.pages > 1 ? ` · ${t("page", { page: screen.page + 1, pages: screen.pages })}` : ""}
            </span>
          </h2>
          <div className="grid min-h-0 flex-1 grid-cols-6 grid-rows-4 gap-4">
            {screen.tiles.map((c) => (
              <KioskTile key={c.id} cluster={c} freshAt={summary?.freshAt ?? null} />
            ))}
          </div>
        </section>
      ) : summary ? (
        <p className="text-2xl text-slate-400">{t("empty")}</p>
      ) : null}
    </main>
  );
}
