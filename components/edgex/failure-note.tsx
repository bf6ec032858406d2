"use client";

import type { TEdgexFailure } from "@/lib/shared/edgex/edgex-api.schema";
import { useEdgexFailureText } from "./use-edgex-failure";

/**
 * One part of the page that failed, said precisely: the translated reason, and the
 * technical detail (the proxy's or parser's words) on a second line. Compact for table cells.
 */
export function FailureNote({ failure, compact = false, testId }: { failure: TEdgexFailure; compact?: boolean; testId?: string }) {
  const text = useEdgexFailureText();
  return (
    <div role={compact ? undefined : "alert"} data-testid={testId} data-reason={failure.reason} className={compact ? "text-xs" : "rounded-md border border-rose-800 bg-rose-950/40 p-3 text-sm"}>
      <p className="font-medium text-rose-300">{text(failure)}</p>
      {failure.detail ? (
        <p className="mt-0.5 break-all font-mono text-[11px] text-rose-200/70" title={failure.detail}>
          {failure.detail.length > 240 ? `${failure.detail.slice(0, 240)}…` : failure.detail}
        </p>
      ) : null}
    </div>
  );
}
