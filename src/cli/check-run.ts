/**
 * `npm run check [-- --format text|github|json|sarif] [--output FILE] [--root DIR]`:
 * checks every plan and person without building the site. Exit 1 when there is an error.
 * Started by ./check.ts, which runs it from one bundle of Keyplan's modules (./bundle.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commandSiteConfig } from './options.ts';
import { checkContent, type CheckResult } from '../validate/check.ts';
import { compareIssues } from '../validate/issue.ts';
import { FORMATS, isFormat, renderFindings } from '../validate/report-formats.ts';
import { INSTALL_HINT } from '../diagrams/mermaid/browser.ts';
import { DiagramRenderer, diagramHash } from '../diagrams/mermaid/renderer.ts';
import { collectDiagrams, diagramIssues } from '../diagrams/mermaid/stage.ts';
import type { RuleOverrides } from '../validate/rule-registry.ts';

const KEYPLAN_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const USAGE = `usage: npm run check -- [--format ${FORMATS.join('|')}] [--output FILE] [--root DIR]`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { format: { type: 'string', default: 'text' }, output: { type: 'string' }, root: { type: 'string', default: '.' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = args.values.format;
  if (!isFormat(format!)) {
    console.error(`unknown format "${format}": use one of ${FORMATS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const root = resolve(args.values.root!);
  const site = await commandSiteConfig(root);
  if (!site) return 2;
  const started = performance.now();
  const checked = checkContent({ root, today: site.today, perspectives: site.perspectives, cacheDir: site.cacheDir, rules: site.rules });
  const result = await checkMermaidBlocks(checked, join(site.cacheDir, 'diagrams'), site.chromium, site.rules);
  const ms = Math.round(performance.now() - started);

  const report = renderFindings(result.issues, format, { version: KEYPLAN_VERSION });
  if (args.values.output) writeFileSync(args.values.output, report);
  else process.stdout.write(report);
  const files = new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.file)).size;
  const summary = `${result.plans.length} plans, ${result.people.length} people checked in ${ms} ms (today is ${site.today}): `
    + `${result.errors} error${result.errors === 1 ? '' : 's'}${result.errors ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}, `
    + `${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
  console.error(summary + (result.issues.length ? '; each rule is explained at /rules/ on the site and under "Rules" in README.md' : ''));
  return result.errors > 0 ? 1 : 0;
}

/**
 * ```mermaid blocks in bodies, checked with mermaid's own parser in a browser
 * (cached by content, so only changed blocks cost anything).
 */
async function checkMermaidBlocks(result: CheckResult, cacheDir: string, browserPath: string | undefined, rules: RuleOverrides): Promise<CheckResult> {
  const jobs = collectDiagrams(result, new Set(result.plans.map((p) => p.id)));
  if (jobs.length === 0) return result;
  const renderer = new DiagramRenderer({ cacheDir, browserPath });
  try {
    const verdicts = await renderer.validateAll(jobs.map((job) => job.source));
    const unchecked = jobs.filter((job) => !verdicts.has(diagramHash(job.source))).length;
    if (unchecked > 0) console.error(`note: ${unchecked} mermaid block(s) not checked: no browser to run mermaid in; ${INSTALL_HINT}`);
    const issues = diagramIssues(jobs, verdicts, rules);
    if (issues.length === 0) return result;
    const errors = issues.filter((i) => i.severity === 'error').length;
    return { ...result, issues: [...result.issues, ...issues].sort(compareIssues), errors: result.errors + errors, warnings: result.warnings + issues.length - errors };
  } finally {
    await renderer.close();
  }
}

process.exitCode = await main();
