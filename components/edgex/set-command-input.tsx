"use client";

import { useTranslations } from "next-intl";
import type { TEdgexSetField } from "@/lib/shared/edgex/set-command-fields";
import { SelectField, TextField } from "@/components/ui/field";

/** One input of a set-command form, shaped by the resource's value type. */
export function SetCommandInput({ field, value, error, onChange }: { field: TEdgexSetField; value: string; error?: string; onChange: (value: string) => void }) {
  const t = useTranslations("edgex.setCommand");
  const label = field.units ? t("fieldLabelUnits", { name: field.resource, units: field.units }) : field.resource;
  if (field.kind === "bool" || field.options) {
    const options = field.kind === "bool" ? ["true", "false"] : (field.options ?? []);
    return (
      <SelectField label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </SelectField>
    );
  }
  const range = field.minimum !== null || field.maximum !== null ? t("range", { min: field.minimum ?? "−∞", max: field.maximum ?? "∞" }) : undefined;
  return (
    <TextField
      label={label}
      value={value}
      error={error}
      hint={[t(`kind.${field.kind}`, { valueType: field.valueType }), range, field.description].filter(Boolean).join(" · ")}
      inputMode={field.kind === "float" || field.kind === "int" || field.kind === "uint" ? "decimal" : undefined}
      disabled={field.kind === "unsupported"}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
