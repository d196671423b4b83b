/**
 * `npm run bench`: builds measured on this machine, printed as a table and
 * written to bench/results.md. Never a test: these machines are noisy, so
 * short runs are repeated and medians reported.
 *
 *   npm run bench                # everything
 *   npm run bench -- processors  # the sample scaled to 1000 plans, with each Markdown processor
 *   npm run bench -- check       # npm run check on the scaled sample
 *   npm run bench -- diagrams    # diagram rendering, cold and warm
 *   npm run bench -- scale [N,N] # synthetic portfolios against a bare Astro baseline (default 100,1000,3000)
 *   npm run bench -- huge        # the same at 10,000 plans, on its own (slow)
 *   npm run bench -- dev         # astro dev: saving a plan until the page shows it (after scale 1000)
 *   npm run bench -- search      # the search index: time, size, and the bytes one query downloads
 *   npm run bench -- components  # 1000 plans with three body components each against the same plans without
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { scaleSample } from './scale-sample.ts';
import { generatePortfolio, TODAY } from './generate.ts';
import { CHECK_CACHE_FILE } from '../src/validate/check.ts';
import { SHAPES_CACHE_FILE } from '../src/validate/load.ts';
import { stakeholderMap, stakeholderMapHtml } from '../src/diagrams/stakeholders.ts';
import { generatedStakeholders } from '../test/fixtures/org-chart.ts';

const REPO = join(import.meta.dirname, '..');
const WORK = join(REPO, 'bench/.work');


interface Run {
  seconds: number;
  /** User and system CPU time of the run and its children: less swayed than wall time by other work on a shared machine. */
  cpuSeconds: number;
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
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, KEYPLAN_TODAY: TODAY, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed in ${root}:\n${run.stdout}\n${run.stderr}`);
  const [rssKb, user, system] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, rssMb: rssKb / 1024, output: run.stdout + run.stderr };
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
  say(`Each build renders every plan body (Astro's cache, Keyplan's body cache and dist/ removed first; rendered diagrams are kept); ${runs} runs each, median shown.`);
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
    // Once untimed, so the diagrams are rendered and cached: they cost the same under either processor.
    timed(root, [astro(root), 'build'], { KEYPLAN_MARKDOWN: processor, KEYPLAN_CACHE_DIR: join(root, 'cache') });
    for (let i = 0; i < runs; i++) {
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      rmSync(join(root, 'cache/astro'), { recursive: true, force: true });
      rmSync(join(root, 'cache/bodies'), { recursive: true, force: true });
      const run = timed(root, [astro(root), 'build'], { KEYPLAN_MARKDOWN: processor, KEYPLAN_CACHE_DIR: join(root, 'cache') });
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
  say(`| cold (no cache) | ${median(cold).toFixed(2)} | ${cold.map((t) => t.toFixed(2)).join(', ')} |`);
  say(`| warm (nothing changed) | ${median(warm).toFixed(2)} | ${warm.map((t) => t.toFixed(2)).join(', ')} |`);
  say();
}

/** A stakeholder map laid out and drawn in Node: median of many runs, after a warm-up. */
function benchStakeholderMap(people: number, runs: number, target?: number): void {
  const stakeholders = generatedStakeholders(people);
  const draw = () => stakeholderMapHtml(stakeholderMap('Bench', stakeholders, (id) => `Owner ${id}`)!, 'kp-stakeholders');
  for (let i = 0; i < 50; i++) draw();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    draw();
    times.push(performance.now() - started);
  }
  say(`## Stakeholder map: ${people} stakeholders, laid out (d3-hierarchy) and drawn as SVG in Node`);
  say();
  say(`Median ${median(times).toFixed(2)} ms over ${runs} runs${target ? ` (target < ${target} ms)` : ''}; slowest ${Math.max(...times).toFixed(2)} ms. No browser: the map is no longer a Chromium render job.`);
  say();
}

function benchDiagrams(plans: number): void {
  benchStakeholderMap(15, 500, 5);
  benchStakeholderMap(30, 200);
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
  say('These are the ```mermaid blocks in plan bodies (stakeholder maps are drawn in Node, above). Render time includes starting Chromium once. rehype-mermaid, which starts a page per file, was measured here at about 1,300 ms a diagram.');
  say();
}

/** Bytes of every file under `dir`, by path relative to it. */
function fileSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else sizes.set(relative(dir, path), statSync(path).size);
    }
  };
  walk(dir);
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

/** What a file of the Pagefind bundle is for, to tell the UI from the engine and the index. */
function bundlePart(path: string): 'index' | 'engine' | 'ui' {
  // The other bundles sit in part-N/ of the first one's folder; Keyplan's merge and sort orders in keyplan/.
  const inBundle = path.replace(/^(part-\d+|keyplan\/words)\//, '');
  if (/^(fragment|index|filter)\//.test(inBundle) || inBundle.endsWith('.pf_meta') || inBundle === 'pagefind-entry.json' || inBundle === 'keyplan/sorts.json') return 'index';
  if (/^(pagefind\.js|pagefind-worker\.js|wasm\.|keyplan\/pagefind\.js)/.test(inBundle)) return 'engine';
  return 'ui';
}

async function benchSearch(plans: number, query: string): Promise<void> {
  say(`## Search: the sample portfolio scaled to ${plans} plans`);
  say();
  for (const pagesPerBundle of [ONE_BUNDLE, undefined]) await benchSearchOnce(plans, query, pagesPerBundle);
}

/** Pages per bundle (KEYPLAN_SEARCH_PAGES_PER_BUNDLE) that make any site here one bundle, as the index was before bundles. */
const ONE_BUNDLE = 1_000_000;

/** One build and one query; `pagesPerBundle`: KEYPLAN_SEARCH_PAGES_PER_BUNDLE, else the default (bundles of at most 300 pages). */
async function benchSearchOnce(plans: number, query: string, pagesPerBundle?: number): Promise<void> {
  say(pagesPerBundle === ONE_BUNDLE ? '### One bundle (KEYPLAN_SEARCH_PAGES_PER_BUNDLE=1000000)' : pagesPerBundle ? `### In bundles of at most ${pagesPerBundle} pages` : '### In bundles of at most 300 pages (the default), with their word list');
  say();
  const root = project('search');
  scaleSample(REPO, root, plans);
  const base = '/plans-site/';
  const run = timed(root, [astro(root), 'build'], { KEYPLAN_BASE: base, ...(pagesPerBundle ? { KEYPLAN_SEARCH_PAGES_PER_BUNDLE: String(pagesPerBundle) } : {}) });
  const match = /indexed (\d+) pages? in ([\d.]+)s/.exec(run.output);
  if (!match) throw new Error(`no search line in the build log:\n${run.output}`);
  const bundle = join(root, 'dist/pagefind');
  const sizes = fileSizes(bundle);
  const part = (name: string) => [...sizes].filter(([path]) => bundlePart(path) === name);
  const sum = (files: [string, number][]) => files.reduce((n, [, size]) => n + size, 0);
  const fragments = [...sizes.keys()].filter((p) => /^(part-\d+\/)?fragment\//.test(p)).length;
  say('| pages indexed | index time (s) | whole build (s) | index files | fragments | bundle on disk |');
  say('|---:|---:|---:|---:|---:|---:|');
  say(`| ${match[1]} | ${Number(match[2]).toFixed(1)} | ${run.seconds.toFixed(1)} | ${kb(sum(part('index')))} | ${fragments} | ${kb(sum([...sizes]))} |`);
  say();

  // One query in a fresh browser, everything under /pagefind/ counted as it came over the wire.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const server = spawn(process.execPath, [astro(root), 'preview', '--outDir', join(root, 'dist'), '--port', String(port), '--host', '127.0.0.1', '--base', base, '--ignore-lock'],
    { cwd: root, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const site = `http://127.0.0.1:${port}${base}`;
  const browser = await chromium.launch({ executablePath: process.env.KEYPLAN_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (let tries = 0; !(await fetch(site).then((r) => r.ok, () => false)); tries++) {
      if (tries > 150) throw new Error(`astro preview did not answer at ${site}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await browser.newPage();
    const pending: Promise<{ path: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith(`${base}pagefind/`)) return;
      // Bytes on the wire: astro preview compresses scripts and styles; the index files are gzip already.
      pending.push(request.sizes().then((size) => ({ path: path.slice(`${base}pagefind/`.length), bytes: size.responseBodySize + size.responseHeadersSize })));
    });
    await page.goto(`${site}search/?q=${encodeURIComponent(query)}`);
    await page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a').first().waitFor();
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.pagefind-ui__message').textContent();
    const fetched = await Promise.all(pending);
    const by = (name: string) => fetched.filter((f) => bundlePart(f.path) === name).reduce((n, f) => n + f.bytes, 0);
    const total = fetched.reduce((n, f) => n + f.bytes, 0);
    say(`One query, "${query}" (${results}), first page of 10 results, in a fresh browser; bytes as they came over the wire`
      + ' (astro preview compresses scripts and styles; the index files are gzip already):');
    say();
    say('| downloaded from /pagefind/ | requests | bytes |');
    say('|---|---:|---:|');
    say(`| index: entry, metadata, word index, filters, ${fetched.filter((f) => /^(part-\d+\/)?fragment\//.test(f.path)).length} fragments | ${fetched.filter((f) => bundlePart(f.path) === 'index').length} | ${kb(by('index'))} |`);
    say(`| search engine: pagefind.js and WebAssembly | ${fetched.filter((f) => bundlePart(f.path) === 'engine').length} | ${kb(by('engine'))} |`);
    say(`| Pagefind's UI: pagefind-ui.js and .css | ${fetched.filter((f) => bundlePart(f.path) === 'ui').length} | ${kb(by('ui'))} |`);
    say(`| **total** | ${fetched.length} | **${kb(total)}** |`);
    say();
  } finally {
    await browser.close();
    server.kill();
  }
}

/** The same bodies as plain pages of a bare Astro site with its defaults: what Keyplan is measured against. */
function baselineProject(from: string, name: string): string {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/plans'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "name": "baseline", "private": true, "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n");
  for (const file of readdirSync(join(from, 'content/plans'))) {
    const body = readFileSync(join(from, 'content/plans', file), 'utf8').split('\n---\n').slice(1).join('\n---\n');
    writeFileSync(join(root, 'src/pages/plans', file), body);
  }
  return root;
}

interface ScaleRow {
  plans: number;
  runs: number;
  pages: number;
  baseline: number;
  baselineRss: number;
  cold: number;
  coldRss: number;
  /** Diagrams rendered in Chromium by the cold build (the body mermaid blocks). */
  diagrams: number;
  /** Nothing changed since the last build; dist/ removed. */
  warm: number;
  warmRss: number;
  /** One goal title edited in one plan. */
  edited: number;
  /** Each round's nothing-changed, edited and cold times ÷ its baseline. */
  rounds: [number, number, number][];
  editedRss: number;
  /** npm run check: no parse or check cache; nothing changed; one file changed since the last check. */
  checkCold: number;
  checkWarm: number;
  checkOneChanged: number;
  warnings: number;
  /** Pagefind in the edited build: from the first page handed over to the bundle written, and the wait after the last page. */
  search?: string;
  searchWait?: string;
}

/** Changes the first goal title of a plan, the edit a pull request usually is. */
function editGoalTitle(file: string, mark: string): () => void {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace(/^( {2}- \{ id: goal-0, title: ")/m, `$1${mark} `));
  return () => writeFileSync(file, original);
}

function benchScale(sizes: number[]): void {
  say(`## At scale: ${sizes.join(', ')} plans against a bare Astro baseline`);
  say();
  say('Each plan is about 23 KB: 10 goals, 15 stakeholders, 12 measures with history, 8 risks, 20 actions, a 10 KB body with cross-links and one mermaid block, '
    + 'and a realistic share of overdue goals and actions and stale measures, so `npm run check` reports about one warning in two plans (bench/generate.ts, seed 1). '
    + 'The baseline is a bare Astro 7 site of the same bodies as plain MDX pages, with Astro defaults, built in the same run. '
    + 'Cold: empty caches (the body mermaid blocks are rendered in Chromium); nothing changed: dist/ removed, caches kept; '
    + 'one plan edited: one goal title changed in one plan. Check cold: no parse or check cache; one file changed: another plan\'s goal title changed since the last check.');
  say();
  const rows: ScaleRow[] = [];
  for (const plans of sizes) {
    const runs = plans <= 1000 ? 3 : plans <= 3000 ? 2 : 1;
    const root = project(`scale-${plans}`);
    generatePortfolio(root, plans, 1);
    const base = baselineProject(root, `baseline-${plans}`);
    const cache = join(root, 'cache');
    const env = { KEYPLAN_CACHE_DIR: cache };
    const build = (dir: string, withEnv: Record<string, string> = {}) => {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      return timed(dir, [astro(dir), 'build'], withEnv);
    };
    // Rounds of baseline, cold, nothing changed and one plan edited, one after the other, so that a slow spell on
    // this shared machine slows all four. Cold starts from no caches at all; each edit is kept (the next round's
    // builds are after it) and the plan is put back at the end.
    const plan = join(root, 'content/plans/account-00001.mdx');
    const original = readFileSync(plan, 'utf8');
    const rounds = Array.from({ length: runs }, (_, k) => {
      const baseline = build(base);
      rmSync(cache, { recursive: true, force: true });
      rmSync(join(REPO, 'node_modules/.astro'), { recursive: true, force: true });
      const cold = build(root, env);
      const warm = build(root, env);
      editGoalTitle(plan, `Edited ${k}`);
      return { baseline, cold, warm, edited: build(root, env) };
    });
    const diagrams = Number(/rendered (\d+) diagrams?/.exec(rounds[0].cold.output)?.[1] ?? 0);
    writeFileSync(plan, original);
    const baselineRuns = rounds.map((r) => r.baseline);
    const coldRuns = rounds.map((r) => r.cold);
    const warmRuns = rounds.map((r) => r.warm);
    const editedRuns = rounds.map((r) => r.edited);
    const checkCacheFiles = () => [SHAPES_CACHE_FILE, CHECK_CACHE_FILE].forEach((f) => rmSync(join(cache, f), { force: true }));
    const checkRun = () => timed(root, ['src/cli/check.ts'], env);
    // Cold three times too: a single run on this shared machine is as noisy as any other single figure.
    const checkColdRuns = Array.from({ length: 3 }, () => {
      checkCacheFiles();
      return checkRun();
    });
    const checkWarm = Array.from({ length: 3 }, () => checkRun().seconds);
    const checkOneChanged = Array.from({ length: 3 }, (_, k) => {
      editGoalTitle(join(root, 'content/plans/account-00002.mdx'), `Checked ${k}`);
      return checkRun().seconds;
    });
    const last = editedRuns.at(-1)!.output;
    const row: ScaleRow = {
      plans,
      runs,
      pages: Number(/(\d+) page\(s\) built/.exec(last)?.[1] ?? 0),
      baseline: median(baselineRuns.map((r) => r.seconds)),
      baselineRss: Math.max(...baselineRuns.map((r) => r.rssMb)),
      cold: median(coldRuns.map((r) => r.seconds)),
      coldRss: Math.max(...coldRuns.map((r) => r.rssMb)),
      diagrams,
      warm: median(warmRuns.map((r) => r.seconds)),
      warmRss: Math.max(...warmRuns.map((r) => r.rssMb)),
      edited: median(editedRuns.map((r) => r.seconds)),
      editedRss: Math.max(...editedRuns.map((r) => r.rssMb)),
      checkCold: median(checkColdRuns.map((r) => r.seconds)),
      checkWarm: median(checkWarm),
      checkOneChanged: median(checkOneChanged),
      warnings: Number(/checked in \d+ ms .*?(\d+) warnings?/.exec(checkColdRuns[0].output)?.[1] ?? 0),
      rounds: rounds.map((r) => [r.warm.seconds / r.baseline.seconds, r.edited.seconds / r.baseline.seconds, r.cold.seconds / r.baseline.seconds]),
      search: /indexed \d+ pages? in ([\d.]+)s/.exec(last)?.[1],
      searchWait: /\(([\d.]+)s after the last page\)/.exec(last)?.[1],
    };
    rows.push(row);
    console.error(`scale ${plans}: ${JSON.stringify(row)}`);
  }
  say(`Runs: ${rows.map((r) => `${r.runs} at ${r.plans}`).join(', ')} (rounds of baseline, cold, nothing changed and one plan edited, one build after the other; `
    + `each check 3 times); medians. The machine is shared with other engineers' builds, so single figures are noisy; the ratios compare builds of the same run.`);
  say();
  say('| plans | pages | baseline (s) | nothing changed (s) | ÷ baseline | one plan edited (s) | ÷ baseline | cold (s) | ÷ baseline | mermaid blocks rendered cold | Pagefind edited (s) / after last page (s) | check cold / nothing changed / one file changed (s) | warnings | peak RSS baseline / nothing changed / edited / cold (MB) | RSS ÷ baseline (worst) |');
  say('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const worstRss = Math.max(r.warmRss, r.editedRss, r.coldRss);
    say(`| ${r.plans} | ${r.pages} | ${r.baseline.toFixed(1)} | ${r.warm.toFixed(1)} | ${(r.warm / r.baseline).toFixed(2)} | ${r.edited.toFixed(1)} | ${(r.edited / r.baseline).toFixed(2)} | `
      + `${r.cold.toFixed(1)} | ${(r.cold / r.baseline).toFixed(2)} | ${r.diagrams} | ${r.search ?? '–'} / ${r.searchWait ?? '–'} | `
      + `${r.checkCold.toFixed(2)} / ${r.checkWarm.toFixed(2)} / ${r.checkOneChanged.toFixed(2)} | ${r.warnings} | `
      + `${Math.round(r.baselineRss)} / ${Math.round(r.warmRss)} / ${Math.round(r.editedRss)} / ${Math.round(r.coldRss)} | ${(worstRss / r.baselineRss).toFixed(2)} |`);
  }
  say();
  say(`Each round's own ratios (nothing changed, one plan edited, cold ÷ the baseline built just before them): `
    + rows.map((r) => `${r.plans} plans ${r.rounds.map((ratios) => ratios.map((x) => x.toFixed(2)).join('/')).join(', ')}`).join('; ') + '.');
  if (rows.length >= 2) {
    const [a, b] = [rows[0], rows.at(-1)!];
    const exponent = (ta: number, tb: number) => (Math.log(tb / ta) / Math.log(b.plans / a.plans)).toFixed(2);
    say();
    say(`Growth exponent from ${a.plans} to ${b.plans} plans (1.0 is linear): nothing changed ${exponent(a.warm, b.warm)}, one plan edited ${exponent(a.edited, b.edited)}, `
      + `cold ${exponent(a.cold, b.cold)}, check cold ${exponent(a.checkCold, b.checkCold)}, check one file changed ${exponent(a.checkOneChanged, b.checkOneChanged)}, `
      + `peak RSS ${exponent(Math.max(a.warmRss, a.editedRss, a.coldRss), Math.max(b.warmRss, b.editedRss, b.coldRss))}; baseline ${exponent(a.baseline, b.baseline)}.`);
  }
  say();
  say('Targets (issue 18, medians at 1000 plans): one plan edited ≤ 1.5× baseline; nothing changed ≤ 1.1×; cold ≤ 5×; check ≤ 2.0 s, ≤ 1.0 s with one file changed; '
    + 'peak RSS at 3000 ≤ 1.5× baseline; growth no worse than linear.');
  say();
}

/**
 * Body components at 1000 plans: the synthetic portfolio with three components
 * in every body (a decision callout, a measure in a sentence, a goal's actions)
 * against the same portfolio without them, warm and with one plan edited. Each
 * project keeps Astro's incremental-build cache and Keyplan's cache of its
 * own (a shared one would hold the other corpus's search index and pages, so
 * every build after the other's would start over), so the two are built in
 * turn, run by run, and a slower minute on this shared machine weighs on both.
 */
function benchComponents(plans: number, runs: number): void {
  say('## Body components: 1000 plans with three components each');
  say();
  say('The synthetic portfolio (bench/generate.ts, seed 1) with a decision callout, an inline measure and a goal\'s actions table in every body, '
    + 'against the same portfolio without them, built in turn. Warm: nothing changed, dist/ removed; one plan edited: one summary changed (a different edit each run). '
    + `Medians of ${runs}; the machine is shared with other builds, so compare the ratios (each run's pair is built back to back).`);
  say();
  const corpora = ([['without components', false], ['with three components', true]] as const).map(([name, components]) => {
    const root = project(`components-${components ? 'with' : 'without'}`);
    const env = { KEYPLAN_CACHE_DIR: join(root, 'cache') };
    const config = join(root, 'astro.config.mjs');
    writeFileSync(config, readFileSync(config, 'utf8').replace('defineConfig({', "defineConfig({\n  cacheDir: './.astro-cache',"));
    generatePortfolio(root, plans, 1, { components });
    timed(root, [astro(root), 'build'], env);
    return { name, root, env, warm: [] as number[], edited: [] as number[], warmCpu: [] as number[], editedCpu: [] as number[], pages: 0 };
  });
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first, so neither always follows the other.
    for (const c of r % 2 ? [...corpora].reverse() : corpora) {
      rmSync(join(c.root, 'dist'), { recursive: true, force: true });
      const run = timed(c.root, [astro(c.root), 'build'], c.env);
      c.warm.push(run.seconds);
      c.warmCpu.push(run.cpuSeconds);
      c.pages = Number(/(\d+) page\(s\) built/.exec(run.output)?.[1] ?? 0);
    }
  }
  for (let r = 0; r < runs; r++) {
    for (const c of r % 2 ? [...corpora].reverse() : corpora) {
      const file = join(c.root, 'content/plans/account-00001.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: "(.*?)( Edited \d+\.)?"$/m, `summary: "$1 Edited ${r + 1}."`));
      rmSync(join(c.root, 'dist'), { recursive: true, force: true });
      const run = timed(c.root, [astro(c.root), 'build'], c.env);
      c.edited.push(run.seconds);
      c.editedCpu.push(run.cpuSeconds);
    }
  }
  for (const c of corpora) console.error(`components ${c.name}: ${JSON.stringify({ warm: c.warm, edited: c.edited, warmCpu: c.warmCpu, editedCpu: c.editedCpu, pages: c.pages })}`);
  const [without, withComponents] = corpora;
  const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  say('| corpus | pages | warm (s), median | warm runs (s) | warm CPU (s), median | one plan edited (s), median | edited runs (s) | edited CPU (s), median |');
  say('|---|---:|---:|---|---:|---:|---|---:|');
  for (const c of corpora) {
    say(`| ${c.name} | ${c.pages} | ${median(c.warm).toFixed(1)} | ${list(c.warm)} | ${median(c.warmCpu).toFixed(1)} | ${median(c.edited).toFixed(1)} | ${list(c.edited)} | ${median(c.editedCpu).toFixed(1)} |`);
  }
  const ratio = (a: number[], b: number[]) => (median(b) / median(a)).toFixed(2);
  say();
  say(`With components ÷ without (target: at most 1.10): wall time, medians: warm ${ratio(without.warm, withComponents.warm)}, one plan edited ${ratio(without.edited, withComponents.edited)}; `
    + `CPU time (user + system, the build and its children), medians: warm ${ratio(without.warmCpu, withComponents.warmCpu)}, one plan edited ${ratio(without.editedCpu, withComponents.editedCpu)}.`);
  say();
}

/** `astro dev` on a portfolio: how long from saving a plan to the page showing the change. */
async function benchDev(plans: number): Promise<void> {
  const root = join(WORK, `scale-${plans}`);
  if (!existsSync(root)) return;
  // The portfolio stays from `scale`; the code is this checkout's, so the figure is of the code measured.
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'plugins', 'public']) {
    rmSync(join(root, entry), { recursive: true, force: true });
    cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  const port = 4700 + Math.floor(Math.random() * 200);
  const server = spawn(process.execPath, [astro(root), 'dev', '--port', String(port)], { cwd: root, env: { ...process.env, KEYPLAN_TODAY: TODAY, KEYPLAN_CACHE_DIR: join(root, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/plans/account-00007/`;
  const fetchText = async () => { try { return await (await fetch(url)).text(); } catch { return ''; } };
  try {
    for (let i = 0; i < 600 && !(await fetchText()).includes('</html>'); i++) await new Promise((r) => setTimeout(r, 500));
    const file = join(root, 'content/plans/account-00007.mdx');
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let k = 1; k <= 5; k++) {
      const marker = `Edited ${k} ${Date.now()}`;
      writeFileSync(file, original.replace(/^account: .*$/m, `account: "${marker}"`));
      const started = performance.now();
      while (!(await fetchText()).includes(marker) && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 25));
      times.push(performance.now() - started);
    }
    // Memory over many edits: every cache is pruned to the current content, so 200 saves leave it where one did.
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const afterFirst = rss();
    const EDITS = 200;
    for (let k = 1; k <= EDITS; k++) {
      const marker = `Soak ${k} ${Date.now()}`;
      writeFileSync(file, original.replace(/^summary: .*$/m, `summary: "${marker}"`));
      const started = performance.now();
      while (!(await fetchText()).includes(marker) && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 25));
    }
    const afterMany = rss();
    const load = loadavg()[0];
    writeFileSync(file, original);
    say(`## astro dev at ${plans} plans`);
    say();
    say(`Saving a plan to the page showing the change: ${times.map((t) => `${Math.round(t)} ms`).join(', ')} (median ${Math.round(median(times))} ms; target ≤ 1 s).`);
    say();
    say(`Memory of the dev server (RSS): ${Math.round(afterFirst)} MB after the first edits, ${Math.round(afterMany)} MB after ${EDITS} more `
      + `(${(afterMany / afterFirst).toFixed(2)}×; target ≤ 1.10×).`);
    say();
    say(`Load average ${load.toFixed(1)} on ${availableParallelism()} cores at the end of the run: the machine is shared, so other builds ran beside it.`);
    say();
  } finally {
    server.kill();
  }
}

const which = process.argv[2] ?? 'all';
say(`# Keyplan benchmarks`);
say();
say(`Measured ${new Date().toISOString().slice(0, 10)} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, Node ${process.version}.`);
say();
if (which === 'all' || which === 'check') benchCheck(1000, 5);
if (which === 'all' || which === 'processors') benchProcessors(1000, 3);
if (which === 'all' || which === 'diagrams') benchDiagrams(300);
if (which === 'all' || which === 'scale') benchScale(process.argv[3] ? process.argv[3].split(',').map(Number) : [100, 1000, 3000]);
// Slow (about an hour on 2 cores) and kept apart: `npm run bench -- huge`.
if (which === 'huge') benchScale([10000]);
if (which === 'all' || which === 'dev') await benchDev(1000);
if (which === 'all' || which === 'search') await benchSearch(1000, 'Aldermoor Bank');
if (which === 'all' || which === 'components') benchComponents(1000, 3);
writeResults(lines);

/**
 * bench/results.md keeps the latest measurement of every section: a partial
 * run (`npm run bench -- scale`) replaces its own sections and keeps the rest.
 */
function writeResults(fresh: string[]): void {
  const path = join(REPO, 'bench/results.md');
  const sections = (text: string) => {
    const map = new Map<string, string>();
    for (const part of text.split(/^(?=## )/m).slice(1)) map.set(part.split('\n')[0], part.trimEnd());
    return map;
  };
  const merged = existsSync(path) ? sections(readFileSync(path, 'utf8')) : new Map<string, string>();
  for (const [title, body] of sections(fresh.join('\n'))) merged.set(title, body);
  const header = fresh.slice(0, fresh.findIndex((l) => l.startsWith('## '))).join('\n').trimEnd();
  writeFileSync(path, `${header}\n\n${[...merged.values()].join('\n\n')}\n`);
}
