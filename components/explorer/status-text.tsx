// Colours kubectl's status strings (the text itself stays exactly as kubectl prints it).

const GOOD = new Set(["Running", "Ready", "Active", "Complete", "Completed", "Succeeded", "Bound", "Normal"]);
const BUSY = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|Terminating|Running,SchedulingDisabled|Ready,SchedulingDisabled|SchedulingGated|NotReady)$/;

/** Tone of a status cell: green when healthy, amber while in transition, red when failing. */
export function statusTone(status: string): "good" | "busy" | "bad" | "plain" {
  if (GOOD.has(status)) return "good";
  if (BUSY.test(status) || status.endsWith(",SchedulingDisabled")) return "busy";
  if (/BackOff|Err|Error|Failed|Evicted|OOMKilled|NotReady|Unknown|Warning|Signal|ExitCode|Init:(?!\d)/.test(status)) return "bad";
  return "plain";
}

const TONE_CLASS = { good: "text-emerald-300", busy: "text-amber-300", bad: "text-rose-300", plain: "text-slate-200" } as const;

export function StatusText({ status }: { status: string }) {
  return <span className={TONE_CLASS[statusTone(status)]}>{status}</span>;
}
