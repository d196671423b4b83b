/**
 * Which sections of a search result to show under it. Pagefind's UI keeps the
 * three with the most matching words, which on a plan page are long passages
 * that mention a name in passing; a heading of the name itself (each goal,
 * stakeholder, risk and action has one) weighs more, so we rank by Pagefind's
 * weighted score and the row that is about the words comes first.
 */

export interface SubResult {
  url: string;
  locations: number[];
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

const score = (s: SubResult) => (s.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0) || s.locations.length;

/** The best `keep` sections, best first; a section that is the page itself stays first (Pagefind's UI expects it there). */
export function bestSubResults<T extends SubResult>(pageUrl: string, subs: readonly T[], keep = 3): T[] {
  const self = subs[0]?.url === pageUrl ? [subs[0]] : [];
  const rest = subs.slice(self.length).map((s, i) => ({ s, i, score: score(s) }));
  rest.sort((a, b) => b.score - a.score || a.i - b.i);
  return [...self, ...rest.slice(0, keep).map((r) => r.s)];
}
