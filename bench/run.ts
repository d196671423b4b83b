/**
 * `npm run bench`: builds measured on this machine, printed as a table and
 * written to bench/results.md. Never a test: these machines are noisy, so
 * short runs are repeated and medians reported.
 *
 *   npm run bench                # everything
 *   npm run bench -- processors  # the sample scaled to 1000 plans, with each Markdown processor
 *   npm run bench -- check       # npm run check on the scaled sample
 *   npm run bench -- diagrams    # diagram rendering, cold and warm
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from 'node:path';
import { scaleSample } from './scale-sample.ts';

const REPO = join(import.meta.dirname, '..');
const WORK = join(REPO, 'bench/.work');
const TODAY = '2026-11-25';

interface Run {
  seconds: number;
  rssMb: number;
  output: string;
}

/** A project folder with the repo's code and its own content; node_modules is shared. */
function project(name: string): string {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'plugins', 'public']) {
    cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** Runs a node script under /usr/bin/time for wall time and peak RSS. */
function timed(root: string, args: string[], env: Record<string, string> = {}): Run {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, KEYPLAN_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed in ${root}:\n${run.stdout}\n${run.stderr}`);
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  return { seconds, rssMb: rssKb / 1024, output: run.stdout + run.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const astro = (root: string) => join(root, 'node_modules/astro/bin/astro.mjs');
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

function benchProcessors(plans: number, runs: number): void {
  say(`## Markdown processors: the sample portfolio scaled to ${plans} plans`);
  say();
  say(`Each build is cold (Astro's content cache and dist/ removed first); ${runs} runs each, median shown.`);
  say();
  say('| processor | build (s, median) | runs (s) | pages | peak RSS (MB) |');
  say('|---|---:|---|---:|---:|');
  const results: Record<string, number> = {};
  for (const processor of ['satteri', 'unified']) {
    const root = project(`processors-${processor}`);
    scaleSample(REPO, root, plans);
    const times: number[] = [];
    let rss = 0;
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
      const run = timed(root, [astro(root), 'build'], { KEYPLAN_MARKDOWN: processor });
      times.push(run.seconds);
      rss = Math.max(rss, run.rssMb);
      pages = Number(/(\d+) page\(s\) built/.exec(run.output)?.[1] ?? 0);
    }
    results[processor] = median(times);
    say(`| ${processor} | ${median(times).toFixed(1)} | ${times.map((t) => t.toFixed(1)).join(', ')} | ${pages} | ${Math.round(rss)} |`);
  }
  say();
  say(`unified takes ${(results.unified / results.satteri).toFixed(2)}× as long as Sätteri.`);
  say();
}

function benchCheck(plans: number, runs: number): void {
  say(`## npm run check: the sample portfolio scaled to ${plans} plans`);
  say();
  const root = project('check');
  scaleSample(REPO, root, plans);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(join(root, 'node_modules/.cache/keyplan'), { recursive: true, force: true });
    cold.push(timed(root, ['src/cli/check.ts']).seconds);
    warm.push(timed(root, ['src/cli/check.ts']).seconds);
  }
  say('| run | seconds (median) | runs |');
  say('|---|---:|---|');
  say(`| cold (no parse cache) | ${median(cold).toFixed(2)} | ${cold.map((t) => t.toFixed(2)).join(', ')} |`);
  say(`| warm (nothing changed) | ${median(warm).toFixed(2)} | ${warm.map((t) => t.toFixed(2)).join(', ')} |`);
  say();
}

function benchDiagrams(plans: number): void {
  say(`## Diagrams: the sample portfolio scaled to ${plans} plans`);
  say();
  const root = project('diagrams');
  scaleSample(REPO, root, plans);
  const cache = join(root, 'cache');
  const runs: { label: string; seconds: number; rendered: number; cached: number; renderSeconds: number }[] = [];
  for (const label of ['cold (empty cache)', 'warm (nothing changed)']) {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    const run = timed(root, [astro(root), 'build'], { KEYPLAN_CACHE_DIR: cache });
    const match = /rendered (\d+) diagrams? \((\d+) cached\) in ([\d.]+)s/.exec(run.output);
    if (!match) throw new Error(`no diagram line in the build log:\n${run.output}`);
    runs.push({ label, seconds: run.seconds, rendered: Number(match[1]), cached: Number(match[2]), renderSeconds: Number(match[3]) });
  }
  say('| build | diagrams rendered | from cache | render time (s) | per rendered diagram (ms) | whole build (s) |');
  say('|---|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    const per = r.rendered ? Math.round((r.renderSeconds * 1000) / r.rendered) : 0;
    say(`| ${r.label} | ${r.rendered} | ${r.cached} | ${r.renderSeconds.toFixed(1)} | ${r.rendered ? per : '–'} | ${r.seconds.toFixed(1)} |`);
  }
  say();
  say('Render time includes starting Chromium once. rehype-mermaid, which starts a page per file, was measured here at about 1,300 ms a diagram.');
  say();
}

const which = process.argv[2] ?? 'all';
say(`# Keyplan benchmarks`);
say();
say(`Measured ${new Date().toISOString().slice(0, 10)} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, Node ${process.version}.`);
say();
if (which === 'all' || which === 'check') benchCheck(1000, 5);
if (which === 'all' || which === 'processors') benchProcessors(1000, 3);
if (which === 'all' || which === 'diagrams') benchDiagrams(300);
if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
if (which === 'all') writeFileSync(join(REPO, 'bench/results.md'), `${lines.join('\n')}\n`);
