"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { quickJump } from "@/lib/shared/resources/resource-navigation";
import { apiVersionOf, resourcePageHref } from "@/lib/shared/resources/resource-path";
import type { TApiResource } from "@/lib/shared/resources/resources.schema";

/**
 * k9s-style quick-jump: type part of a resource's name (`ingr`, `helmch`, `device`), ↑/↓ to
 * choose, Enter to open its list. `:` anywhere on the page (outside a text field) focuses it.
 */
export function QuickJump({ clusterId, resources }: { clusterId: string; resources: readonly TApiResource[] }) {
  const t = useTranslations("resources");
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const matches = quickJump(resources, typed);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== ":" || target?.closest("input, textarea, select, [contenteditable=true]")) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const open = (r: TApiResource | undefined) => {
    if (!r) return;
    setTyped("");
    router.push(resourcePageHref(clusterId, r));
  };

  return (
    <div className="relative">
      <label className="sr-only" htmlFor={`${listId}-input`}>
        {t("quickJump.label")}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        className="w-full rounded-md border border-slate-700 bg-slate-900 px-2.5 py-1.5 font-mono text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none"
        placeholder={t("quickJump.placeholder")}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter") open(matches[active]);
          else if (e.key === "Escape") setTyped("");
          else return;
          e.preventDefault();
        }}
      />
      {matches.length > 0 ? (
        <ul id={listId} role="listbox" aria-label={t("quickJump.results")} className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-700 bg-slate-900 py-1 shadow-lg">
          {matches.map((r, i) => (
            <li
              key={`${r.group}/${r.version}/${r.resource}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer items-baseline justify-between gap-2 px-3 py-1.5 text-sm ${i === active ? "bg-slate-800 text-white" : "text-slate-300"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                open(r);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{r.kind}</span>
              <span className="truncate font-mono text-xs text-slate-500">{`${r.resource} · ${apiVersionOf(r)}`}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
