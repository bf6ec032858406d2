import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const CONTROL =
  "w-full rounded-md border bg-slate-900 px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none";

/** Label above a control, then its hint or its validation message (the control's `${id}-error`). */
function Labelled({ id, label, hint, error, preWrap = false, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; preWrap?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className={`${preWrap ? "whitespace-pre-wrap " : ""}text-xs text-rose-400`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its validation message (aria-invalid/aria-describedby wired); `className` adds to the control's look (e.g. font-mono), never replaces it. */
export function TextField({ label, error, hint, className = "", ...props }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props}
        className={`${CONTROL} ${error ? "border-rose-500" : "border-slate-700"} ${className}`}
      />
    </Labelled>
  );
}

/** A labelled monospace textarea for YAML, with its validation message (multi-line, kept as written). */
export function YamlField({ label, hint, error, className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error} preWrap>
      <textarea
        id={id}
        rows={16}
        spellCheck={false}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props}
        className={`w-full rounded-md border bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100 focus:border-sky-500 focus:outline-none ${error ? "border-rose-500" : "border-slate-700"} ${className}`}
      />
    </Labelled>
  );
}

export function SelectField({ label, error, children, className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-300">
        {label}
      </label>
      <select id={id} {...props} className={`${CONTROL} ${error ? "border-rose-500" : "border-slate-700"} ${className}`}>
        {children}
      </select>
      {error ? <p role="alert" className="text-xs text-rose-400">{error}</p> : null}
    </div>
  );
}
