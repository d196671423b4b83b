/** Builds a Keyplan project with the real CLI, as a user would, for tests that read the output. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HTMLElement, Node, parse, TextNode } from 'node-html-parser';

export const REPO = join(import.meta.dirname, '../..');
export const TODAY = '2026-11-25';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

export function buildSite(options: { root?: string; outDir: string; env?: Record<string, string>; /** More CLI flags, e.g. ['--site', url]. */ args?: string[] }): BuildResult {
  const root = options.root ?? REPO;
  const astro = join(REPO, 'node_modules/astro/bin/astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build', '--outDir', options.outDir, ...(options.args ?? [])], {
    cwd: root,
    encoding: 'utf8',
    // A cache of its own per output folder: builds running side by side never share Astro's content store.
    env: { ...process.env, NODE_ENV: 'production', KEYPLAN_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', KEYPLAN_CACHE_DIR: `${options.outDir}.cache`, ...options.env },
    timeout: 240_000,
  });
  return { status: run.status, output: stripAnsi(`${run.stdout}\n${run.stderr}`), outDir: options.outDir };
}

/** Log text without terminal colour codes (Astro colours its log in CI too). */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

export function readPage(outDir: string, path: string): HTMLElement {
  const file = join(outDir, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page ${path} in ${outDir}`);
  return parse(readFileSync(file, 'utf8'));
}

/** Every HTML file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

const BLOCKS = new Set(['div', 'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'br', 'h1', 'h2', 'h3', 'ul', 'ol', 'section', 'figure', 'caption']);

/** Text with runs of white space folded, as a reader sees it: cells and blocks apart. */
export function text(el: HTMLElement | null | undefined): string {
  if (!el) return '';
  const walk = (node: Node): string => {
    if (node instanceof TextNode) return node.text;
    if (!(node instanceof HTMLElement)) return '';
    const inner = node.childNodes.map(walk).join('');
    return BLOCKS.has(node.rawTagName?.toLowerCase() ?? '') ? ` ${inner} ` : inner;
  };
  return walk(el).replace(/\s+/g, ' ').trim();
}

/**
 * The smallest valid plan header for a scratch project: an active key account
 * owned by jane-doe, with `extra` lines (each ending in a newline) before the closing fence.
 */
export function planHeader(account: string, options: { summary?: string; next?: string; extra?: string } = {}): string {
  return `---
account: ${account}
summary: ${options.summary ?? `${account} in one line.`}
status: active
tier: key
owner: jane-doe
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, next: ${options.next ?? '2027-01-10'} }
${options.extra ?? ''}---
`;
}

/**
 * A plan file for a scratch project: an active key account owned by jane-doe,
 * with the given stakeholders (YAML flow mappings) and a body under "## Context".
 */
export function planFile(plan: { account: string; summary: string; stakeholders: string[] }, body: string): string {
  return `---
account: ${plan.account}
summary: ${plan.summary}
status: active
tier: key
owner: jane-doe
period: { start: 2026-01-01, end: 2027-12-31 }
review: { cadence: quarterly, next: 2027-01-10 }
stakeholders:
${plan.stakeholders.map((s) => `  - ${s}`).join('\n')}
---

## Context

${body}
`;
}

/** A copy of the project with content of its own; node_modules is shared. */
export function scratchProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'keyplan-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'plugins', 'public']) {
    cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
