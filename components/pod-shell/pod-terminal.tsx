"use client";

import "@xterm/xterm/css/xterm.css";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { podShellPath, SHELL_CHANNEL, shellEndFromClose, shellEndFromStatus, type TShellEnd } from "@/lib/shared/pod-shell/pod-shell.schema";

type Phase = { kind: "connecting" } | { kind: "open" } | { kind: "ended"; end: TShellEnd };

const encoder = new TextEncoder();

function frame(channel: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 1);
  out[0] = channel;
  out.set(payload, 1);
  return out;
}

/**
 * One terminal (xterm.js) on the pod shell WebSocket: keystrokes go to stdin, the fitted
 * size to the resize channel, output is written as it comes. When the session ends the
 * reason (exit code, refusal, idle timeout, lost cluster) is shown in the terminal and in
 * the status line. Ctrl+Shift+C / Ctrl+Shift+V copy and paste (Ctrl+C stays ^C).
 */
export function PodTerminal({ clusterId, namespace, pod, container, command, active }: { clusterId: string; namespace: string; pod: string; container: string; command: string; active: boolean }) {
  const t = useTranslations("podShell");
  const hostRef = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "connecting" });
  // The fitted size, as the cluster is told it (tests and tools read it from data-size).
  const [size, setSize] = useState("");
  const fitRef = useRef<(() => void) | null>(null);
  // The end message is written into the terminal by the socket's handler, in the current language.
  const message = useRef(t);
  useEffect(() => {
    message.current = t;
  }, [t]);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !hostRef.current) return;
      const term = new Terminal({ cursorBlink: true, fontSize: 13, fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", theme: { background: "#020617" }, scrollback: 5000 });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(hostRef.current);
      fit.fit();
      fitRef.current = () => fit.fit();
      const query = new URLSearchParams({ container });
      for (const arg of command.split(" ").filter(Boolean)) query.append("command", arg);
      const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${podShellPath(clusterId, namespace, pod)}?${query.toString()}`, ["v5.channel.k8s.io", "v4.channel.k8s.io"]);
      ws.binaryType = "arraybuffer";
      let status: string | undefined;
      const sendResize = () => {
        setSize(`${term.rows} ${term.cols}`);
        if (ws.readyState === WebSocket.OPEN) ws.send(frame(SHELL_CHANNEL.resize, encoder.encode(JSON.stringify({ Width: term.cols, Height: term.rows }))));
      };
      ws.onopen = () => {
        setPhase({ kind: "open" });
        sendResize();
        term.focus();
      };
      ws.onmessage = (event: MessageEvent<ArrayBuffer>) => {
        const data = new Uint8Array(event.data);
        if (data[0] === SHELL_CHANNEL.stdout || data[0] === SHELL_CHANNEL.stderr) term.write(data.subarray(1));
        else if (data[0] === SHELL_CHANNEL.error) status = new TextDecoder().decode(data.subarray(1));
      };
      ws.onclose = (event) => {
        const end = status !== undefined ? shellEndFromStatus(status) : shellEndFromClose(event.code);
        const text = endText(message.current, end);
        term.write(`\r\n\x1b[2m${text}\x1b[0m\r\n`);
        setPhase({ kind: "ended", end });
      };
      const input = term.onData((d) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(frame(SHELL_CHANNEL.stdin, encoder.encode(d)));
      });
      const resize = term.onResize(sendResize);
      term.attachCustomKeyEventHandler((e) => {
        if (e.type !== "keydown" || !e.ctrlKey || !e.shiftKey) return true;
        if (e.code === "KeyC") {
          void navigator.clipboard?.writeText(term.getSelection());
          return false;
        }
        if (e.code === "KeyV") {
          void navigator.clipboard?.readText().then((text) => term.paste(text));
          return false;
        }
        return true;
      });
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(hostRef.current);
      cleanup = () => {
        observer.disconnect();
        input.dispose();
        resize.dispose();
        ws.close();
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [clusterId, namespace, pod, container, command]);

  useEffect(() => {
    if (active) fitRef.current?.();
  }, [active]);

  return (
    <div className={active ? "space-y-1" : "hidden"}>
      <div ref={hostRef} className="h-[28rem] w-full overflow-hidden rounded-md border border-slate-800 bg-slate-950 p-1" data-testid="pod-terminal" data-size={size} />
      <p className="text-xs text-slate-400" role="status" data-testid="shell-status">
        {phase.kind === "connecting" ? t("connecting") : phase.kind === "open" ? t("connected", { container, command }) : endText(t, phase.end)}
      </p>
    </div>
  );
}

function endText(t: ReturnType<typeof useTranslations<"podShell">>, end: TShellEnd): string {
  switch (end.kind) {
    case "exit":
      return t("end.exit", { code: end.code });
    case "error":
      return t("end.error", { message: end.message });
    case "closed":
      return t("end.closed", { code: end.code });
    default:
      return t(`end.${end.kind}`);
  }
}
