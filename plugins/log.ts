/** What the integration prints: the checker's lines, as `npm run check` prints them, and counts in words. */
import type { AstroIntegrationLogger } from 'astro';
import type { CheckResult } from '../src/validate/check.ts';
import { formatIssue } from '../src/validate/issue.ts';

/** The same lines as `npm run check`, so editors and CI can match them. */
export function report(result: Pick<CheckResult, 'issues' | 'errors' | 'warnings'>, logger: AstroIntegrationLogger): void {
  if (result.issues.length === 0) return;
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  logger.warn(`${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in the content`);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
