/**
 * Labels typed by a person: `key=value` separated by commas or new lines.
 * Returns the labels, or the first malformed entry (the schema validates keys and values).
 */
export function parseLabelsText(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const entry of text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf("=");
    if (eq <= 0) return { error: entry };
    labels[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return { labels };
}

export function formatLabelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}
