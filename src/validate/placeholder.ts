/**
 * The placeholder summary `npm run new` writes. A draft may keep it; a plan
 * that is published with it says nothing in every listing and search result.
 */
export function placeholderSummary(account: string): string {
  return `One line on where the ${account} relationship stands and where it is going (at most 280 characters).`;
}

/** The template's words, whatever account name was filled in (or edited since). */
export function isPlaceholderSummary(summary: string): boolean {
  return /^One line on where the .* relationship stands and where it is going\b/.test(summary.trim());
}
