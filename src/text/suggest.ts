/** "Did you mean …?" for names that are close to a known one. */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The known name closest to `name`, if it is close enough to be a likely typo. */
export function closest(name: string, names: Iterable<string>): string | undefined {
  const known = [...names];
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // Case and separators alone: "Jane_Doe" means "jane-doe".
    if (candidate.replace(/[-_ ]/g, '') === lower.replace(/[-_ ]/g, '')) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  if (best !== undefined && bestDistance <= allowed) return best;
  // A shortened name: "jdoe" for "jane-doe", "acme" for "acme-bank"; only when it fits one name.
  if (lower.length < 3) return undefined;
  const shortened = known.filter((candidate) => candidate.startsWith(lower) || isAbbreviation(lower, candidate));
  return shortened.length === 1 ? shortened[0] : undefined;
}

/** "jdoe" abbreviates "jane-doe": initials of the leading words, then the last word. */
function isAbbreviation(short: string, id: string): boolean {
  const words = id.split('-');
  if (words.length < 2) return false;
  const last = words[words.length - 1];
  const initials = words.slice(0, -1).map((w) => w[0]).join('');
  return short === initials + last || short === words.map((w) => w[0]).join('');
}

export function didYouMean(name: string, known: Iterable<string>): string {
  const match = closest(name, known);
  return match ? ` (did you mean "${match}"?)` : '';
}
