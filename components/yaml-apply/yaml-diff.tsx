"use client";

import { diffLines } from "diff";
import { useMemo } from "react";

/** A unified line diff of two YAML texts: removed lines red with "-", added green with "+", context grey. */
export function YamlDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = useMemo(
    () =>
      diffLines(before, after).flatMap((part) =>
        part.value
          .replace(/\n$/, "")
          .split("\n")
          .map((text) => ({ text, kind: part.added ? "added" : part.removed ? "removed" : "same" }) as const),
      ),
    [before, after],
  );
  return (
    <pre aria-label={label} className="max-h-[28rem] overflow-auto rounded-md border border-slate-800 bg-slate-950 p-2 font-mono text-xs" data-testid="yaml-diff">
      {lines.map((l, i) => (
        <div key={i} data-diff={l.kind} className={l.kind === "added" ? "bg-emerald-950 text-emerald-300" : l.kind === "removed" ? "bg-rose-950 text-rose-300" : "text-slate-400"}>
          {l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}
          {l.text}
        </div>
      ))}
    </pre>
  );
}
