/** A suggestion may differ from the key in at most a third of its characters (at least 2): more would be a guess. */
const MAX_DISTANCE_RATIO = 1 / 3;

/**
 * The candidate closest to `key` (Levenshtein distance, case-insensitive), or undefined when none is close
 * enough to be what the author meant. Ties go to the first candidate in sorted order, so reports are stable.
 */
export function nearestKey(key: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const wanted = key.toLowerCase();
  for (const candidate of [...candidates].sort()) {
    const limit = Math.max(2, Math.floor(wanted.length * MAX_DISTANCE_RATIO));
    const bound = Math.min(limit, bestDistance - 1);
    const distance = editDistance(wanted, candidate.toLowerCase(), bound);
    if (distance <= bound) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit` (one row at a time). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
