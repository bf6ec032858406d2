import type { InputQueue } from "./input-queue";
import type { PodFilesystem } from "./pod-filesystem";

/** The terminal size last sent on the resize channel. */
export interface TermSize {
  rows: number;
  cols: number;
}

/** What a simulated process is connected to: the exec stream's channels and its terminal. */
export interface ProcessIO {
  out(text: string): void;
  /** stderr; on a tty it goes to the same stream as stdout. */
  err(text: string): void;
  /** undefined when the client sent no stdin (`kubectl exec` without -i): reads see EOF. */
  stdin?: InputQueue;
  tty: boolean;
  termSize(): TermSize | undefined;
  /** Aborts on ^C (tty) or when the client goes away; renewed per foreground command. */
  interruption(): AbortSignal;
}

/** The state a shell keeps between commands. */
export interface ShellState {
  fs: PodFilesystem;
  env: Map<string, string>;
  cwd: string;
  status: number;
  hostname: string;
  kernel: string;
  now(): Date;
  /** false for distroless images: only runc's "not found" error. */
  hasShell: boolean;
}

/** Thrown by `exit N` (and a fatal error) to leave the shell with a status. */
export class ShellExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
