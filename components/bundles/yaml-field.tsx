"use client";

import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";

/** A labelled monospace textarea for YAML, with its validation message. */
export function YamlField({ label, hint, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      <textarea
        id={id}
        rows={16}
        spellCheck={false}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`w-full rounded-md border bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100 focus:border-sky-500 focus:outline-none ${error ? "border-rose-500" : "border-slate-700"}`}
        {...props}
      />
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="whitespace-pre-wrap text-xs text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
