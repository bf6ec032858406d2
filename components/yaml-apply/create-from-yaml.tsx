"use client";

import { useTranslations } from "next-intl";
import { useState, type DragEvent } from "react";
import { YamlApplyPanel } from "./yaml-apply-panel";

const MAX_DROP_BYTES = 1024 * 1024;

/**
 * Create from YAML: paste or drop a manifest (one or more documents) into the editor, pick
 * the default namespace, review the dry run, apply. A dropped file replaces the text.
 */
export function CreateFromYaml({ clusterId, namespace }: { clusterId: string; namespace: string }) {
  const t = useTranslations("yamlApply");
  const [text, setText] = useState("");
  const [generation, setGeneration] = useState(0);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (!file || file.size > MAX_DROP_BYTES) return;
    void file.text().then((content) => {
      setText(content);
      setGeneration((g) => g + 1);
    });
  };
  return (
    <section
      className={`space-y-3 rounded-md ${over ? "outline outline-2 outline-sky-500" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 className="text-lg text-white">{t("createTitle")}</h2>
      <p className="text-sm text-slate-400">{t("createIntro")}</p>
      <p className="text-xs text-slate-500">{t("dropHint")}</p>
      {/* A dropped file starts a fresh editor with its text. */}
      <YamlApplyPanel key={generation} clusterId={clusterId} initialYaml={text} namespace={namespace} askNamespace />
    </section>
  );
}
