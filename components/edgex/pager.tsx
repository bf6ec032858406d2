"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Previous/next over an EdgeX offset/limit list, with "21–40 of 57". */
export function Pager({ offset, limit, total, shown, onOffset }: { offset: number; limit: number; total: number; shown: number; onOffset: (offset: number) => void }) {
  const t = useTranslations("edgex.pager");
  const format = useFormatter();
  return (
    <div className="flex items-center justify-end gap-3 text-xs text-slate-400">
      <span>{shown > 0 ? t("range", { from: format.number(offset + 1), to: format.number(offset + shown), total: format.number(total) }) : t("none")}</span>
      <Button size="sm" onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
        {t("previous")}
      </Button>
      <Button size="sm" onClick={() => onOffset(offset + limit)} disabled={offset + shown >= total}>
        {t("next")}
      </Button>
    </div>
  );
}
