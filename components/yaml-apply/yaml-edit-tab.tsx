"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { stringify } from "yaml";
import type { TKubeObject } from "@/lib/shared/explorer/explorer.schema";
import { toApplyConfiguration } from "@/lib/shared/yaml-apply/parse-manifest";
import { Button } from "@/components/ui/button";
import { YamlApplyPanel } from "./yaml-apply-panel";

/**
 * An object's YAML tab for operators and admins: the read-only view (`children`) with an
 * "Edit YAML" button that opens the object — as an apply configuration, without status and
 * server-owned metadata — in the editor with dry-run review and apply.
 */
export function YamlEditTab({ clusterId, object, children }: { clusterId: string; object: TKubeObject; children: React.ReactNode }) {
  const t = useTranslations("yamlApply");
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <div className="space-y-2">
        <Button size="sm" onClick={() => setEditing(true)}>
          {t("edit")}
        </Button>
        {children}
      </div>
    );
  }
  return <YamlApplyPanel clusterId={clusterId} initialYaml={stringify(toApplyConfiguration(object as Record<string, unknown>), { lineWidth: 0 })} namespace={object.metadata?.namespace ?? "default"} onCancel={() => setEditing(false)} />;
}
