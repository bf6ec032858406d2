"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";

const theme = EditorView.theme(
  {
    "&": { backgroundColor: "#020617", color: "#e2e8f0", fontSize: "13px", height: "100%" },
    ".cm-content": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", caretColor: "#e2e8f0" },
    ".cm-gutters": { backgroundColor: "#0f172a", color: "#64748b", border: "none" },
    ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "#1e293b80" },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#334155" },
    ".cm-panels": { backgroundColor: "#0f172a", color: "#e2e8f0" },
    ".cm-searchMatch": { backgroundColor: "#f59e0b66" },
    ".cm-scroller": { overflow: "auto" },
  },
  { dark: true },
);

/**
 * A YAML editor (CodeMirror 6): syntax highlighting, folding, search (Ctrl+F), undo
 * history, Tab indents (Escape then Tab leaves the editor, CodeMirror's keyboard rule).
 * `value` is the initial text; `onChange` receives every edit.
 */
export function YamlEditor({ value, onChange, label }: { value: string; onChange: (text: string) => void; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          search({ top: true }),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    return () => view.destroy();
    // The editor owns its text after mount; a new `value` means a new editor (key it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={host} className="h-[28rem] overflow-hidden rounded-md border border-slate-800" data-testid="yaml-editor" />;
}
