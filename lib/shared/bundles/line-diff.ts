/** One line of a diff: kept, added (only in `to`) or removed (only in `from`). */
export interface TDiffLine {
  op: " " | "+" | "-";
  text: string;
}

/**
 * Line diff of two texts (longest common subsequence; revisions are at most a few
 * thousand lines). Common prefix and suffix are trimmed first so typical edits are cheap.
 */
export function lineDiff(from: string, to: string): TDiffLine[] {
  const a = from.split("\n");
  const b = to.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const out: TDiffLine[] = a.slice(0, start).map((text) => ({ op: " ", text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      out.push({ op: " ", text: midA[i]! });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
      out.push({ op: "+", text: midB[j++]! });
    } else {
      out.push({ op: "-", text: midA[i++]! });
    }
  }
  for (const text of a.slice(endA)) out.push({ op: " ", text });
  return out;
}
