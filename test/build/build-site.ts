/** Builds a Keyplan project with the real CLI, as a user would, for tests that read the output. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const REPO = join(import.meta.dirname, '../..');
export const TODAY = '2026-11-25';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

export function buildSite(options: { root?: string; outDir: string; env?: Record<string, string> }): BuildResult {
  const root = options.root ?? REPO;
  const astro = join(REPO, 'node_modules/astro/bin/astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build', '--outDir', options.outDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KEYPLAN_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, outDir: options.outDir };
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

/** Text with runs of white space folded, as a reader sees it: cells and blocks apart. */
export function text(el: HTMLElement | null | undefined): string {
  if (!el) return '';
  const spaced = parse(el.toString());
  for (const block of spaced.querySelectorAll('div, p, li, dt, dd, td, th, tr, br, h1, h2, h3, ul, section')) {
    block.insertAdjacentHTML('beforebegin', ' ');
    block.insertAdjacentHTML('afterend', ' ');
  }
  return spaced.textContent.replace(/\s+/g, ' ').trim();
}
