/** Edit distance (insertions, deletions, substitutions, adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates closest to `word`: a case-insensitive match first, otherwise those
 * within a third of the word's length (at least 1, at most 3 edits), nearest first.
 */
export function closestWords(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  const list = [...candidates];
  const sameCase = list.filter((c) => c.toLowerCase() === lower && c !== word);
  if (sameCase.length) return sameCase.slice(0, max);
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d <= limit) scored.push({ c, d });
  }
  // Prefix relations (smtp_connection_timeout vs smtp_connect_timeout) count as close too.
  for (const c of list) {
    if (scored.some((s) => s.c === c)) continue;
    const cl = c.toLowerCase();
    if (c.length >= 5 && lower.length >= 5 && (lower.startsWith(cl) || cl.startsWith(lower))) scored.push({ c, d: limit + 1 });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}
