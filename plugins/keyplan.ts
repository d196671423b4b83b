/**
 * The Keyplan integration: the only thing astro.config.mjs calls. It checks
 * the site options, checks the whole content tree before Astro reads a file
 * (so a build with a content error stops with every message, not Astro's
 * first), renders diagrams and plan bodies, shares all of it with the pages
 * (plugins/state.ts), and exposes the site options as `virtual:keyplan/config`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolveToday, TodayError } from '../src/model/today.ts';
import { checkContent, type CheckResult } from '../src/validate/check.ts';
import { formatIssue } from '../src/validate/issue.ts';
import { optionsSchema, type KeyplanOptions, type SiteConfig } from './options.ts';
import { getContentState, setContentState, type ContentState } from './state.ts';
import type { LinkPluginOptions } from './links/shared.ts';
import { buildLinkTargets } from '../src/links/targets.ts';
import { findBrowser, INSTALL_HINT } from './diagrams/browser.ts';
import { DiagramRenderer, diagramHash, MERMAID_CONFIG, MERMAID_SCRIPT } from './diagrams/renderer.ts';
import { collectDiagrams, diagramIssues } from './diagrams/stage.ts';
import { compareIssues } from '../src/validate/issue.ts';
import { plansHistory, type PlanHistory } from '../src/history/since-review.ts';
import type { LinkTargets } from '../src/links/resolve.ts';
import { BodyRenderer } from './body.ts';
import { pageKeys } from './page-keys.ts';
import { filesLoaderName } from './loader.ts';
import { SEARCH_BUNDLE, SearchFeed } from './search/pagefind.ts';
import { currentFeed, setCurrentFeed } from './search/feed-state.ts';

const VIRTUAL_CONFIG = 'virtual:keyplan/config';

export interface KeyplanIntegration extends AstroIntegration {
  /** The options as given, for tools that read astro.config.mjs (npm run check). */
  keyplanOptions: KeyplanOptions;
}

let renderer: DiagramRenderer | undefined;
/** The render-cache files of each plan's diagrams (or its source, where the reader's browser draws it). */
const diagramsOf = new Map<string, string[]>();

export default function keyplan(options: KeyplanOptions = {}): KeyplanIntegration {
  return {
    name: 'keyplan',
    keyplanOptions: options,
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger, addWatchFile, addMiddleware }) => {
        const root = fileURLToPath(config.root);
        const site = resolveSiteConfig(options, process.env, { dev: command === 'dev', root }, logger);
        // `astro preview` serves the built folder under the base path it was built for (unless --base says otherwise).
        if (command === 'preview') {
          if (config.base === '/' && site.base !== '/') updateConfig({ base: site.base, trailingSlash: 'always' });
          return;
        }
        const check = () => checkContent({ root, today: site.today, perspectives: site.perspectives, cacheDir: site.cacheDir, deferCacheWrite: command === 'dev', rules: site.rules });
        renderer = new DiagramRenderer({ cacheDir: join(site.cacheDir, 'diagrams'), browserPath: site.chromium });
        const diagramLog = logger.fork('keyplan:diagrams');
        if (!renderer.canRender) {
          diagramLog.warn(`no Chromium found: diagrams will render in the reader's browser from a script shipped with the site. For SVG at build time, ${INSTALL_HINT}.`);
        }
        const started = performance.now();
        const result = check();
        const ms = Math.round(performance.now() - started);
        report(result, logger);
        if (result.errors > 0 && command !== 'dev') failBuild(result.errors, logger);
        logger.info(`checked ${plural(result.plans.length, 'plan')} and ${plural(result.people.length, 'person', 'people')} in ${ms} ms`);

        const processor = await markdownPipeline(site.markdown, { targets: () => state.links });
        // mermaid blocks are drawn by Keyplan, not highlighted as code.
        const syntaxHighlight = { type: 'shiki' as const, excludeLangs: ['mermaid'] };
        const bodyRenderer = new BodyRenderer(await processor.createRenderer({ syntaxHighlight }), { root, cacheDir: join(site.cacheDir, 'bodies') });
        const renderBodies = async () => {
          const hidden = new Set(hiddenPlans(state.result, site));
          const shown = state.result.plans.filter((p) => p.data && p.outline && !hidden.has(p.id));
          const { bodies } = await bodyRenderer.renderAll(shown, { links: state.links, diagrams: state.diagrams, processor: site.markdown });
          state.bodies = bodies;
        };
        const state: ContentState = {
          root, config: site, result, links: linkTargets(result, site), diagrams: new Map(), history: history(root, result, site),
          bodies: new Map(), version: 0, pageKeys: { all: '', shared: '', own: new Map(), files: new Map() },
          async refresh() {
            const started = performance.now();
            state.result = check();
            state.links = linkTargets(state.result, site);
            state.history = history(root, state.result, site);
            await renderAll(state, diagramLog);
            await renderBodies();
            state.pageKeys = pageKeys(state, diagramsOf, hiddenPlans(state.result, site));
            state.version++;
            report(state.result, logger);
            logger.info(`checked and rendered again in ${Math.round(performance.now() - started)} ms`);
            return state.result;
          },
        };
        await renderAll(state, diagramLog);
        await renderBodies();
        state.pageKeys = pageKeys(state, diagramsOf, hiddenPlans(state.result, site));
        if (state.result.errors > 0 && command !== 'dev') {
          report({ ...state.result, issues: state.result.issues.filter((i) => i.rule === 'keyplan/mermaid') }, logger);
          failBuild(state.result.errors, logger);
        }
        if (command !== 'dev') await renderer.close();
        else void renderer.warm();
        setContentState(state);
        addWatchFile(new URL('./astro.config.mjs', config.root));
        if (command === 'build') addMiddleware({ entrypoint: new URL('./search/middleware.ts', import.meta.url), order: 'post' });
        updateConfig({
          experimental: {
            // The editor learns which schema a plan or person file follows (plugins/loader.ts).
            contentIntellisense: true,
            // A page whose inputs are unchanged is reused from the last build (plugins/page-keys.ts).
            incrementalBuild: true,
          },
          // Pages render a few at a time, so one page's file write overlaps the next one's rendering.
          ...(config.build.concurrency === 1 ? { build: { concurrency: 4 } } : {}),
          // KEYPLAN_CACHE_DIR holds Astro's cache too, so projects sharing node_modules never share one.
          ...(process.env.KEYPLAN_CACHE_DIR ? { cacheDir: pathToFileURL(join(site.cacheDir, 'astro/')) } : {}),
          base: site.base,
          trailingSlash: 'always',
          // Plan bodies are rendered by Keyplan (plugins/body.ts); this is for any other Markdown in the project.
          markdown: { processor, syntaxHighlight },
          vite: { plugins: [virtualConfig(site), diagramAssets()] },
        });
      },
      'astro:build:start': () => {
        // Search is part of every build, never a step to remember: pages are indexed as they render.
        setCurrentFeed({ feed: new SearchFeed(), base: getContentState().config.base });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The fallback renderer ships with the site (no CDN), for diagrams no browser drew at build time.
        writeDiagramAssets(fileURLToPath(dir));
        const feed = currentFeed()!.feed;
        setCurrentFeed(undefined);
        const state = getContentState();
        const search = await feed.write(fileURLToPath(dir), {
          // Pages Astro reused from the last build were not rendered, so they are read from dist/.
          expected: indexedPaths(state),
          cacheDir: join(state.config.cacheDir, 'search'),
        });
        const how = search.restored
          ? `in ${(search.waitMs / 1000).toFixed(1)}s: every page is as in the last build, so its index was reused`
          : `in ${(search.ms / 1000).toFixed(1)}s, alongside rendering (${(search.waitMs / 1000).toFixed(1)}s after the last page)`
            + (search.reused ? `, ${search.reused} of them read back from the last build` : '');
        logger.fork('keyplan:search').info(`indexed ${plural(search.pages, 'page')} ${how}: ${SEARCH_BUNDLE}/ is ${(search.bytes / 1024 / 1024).toFixed(1)} MB`);
      },
      'astro:server:start': ({ logger }) => {
        logger.fork('keyplan:search').info('search works in a built site only: npm run build writes the index, npm run preview serves it');
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        // One check per change; then open pages reload and read the new content.
        let pending: Promise<void> | undefined;
        server.watcher.on('all', (event, path) => {
          if (!/[\\/]content[\\/](plans|people)[\\/]/.test(path)) return;
          pending = (pending ?? Promise.resolve()).then(async () => {
            await getContentState().refresh();
            server.hot.send({ type: 'full-reload', path: '*' });
            // A file added or removed: the editor's map of files to schemas follows.
            if (event === 'add' || event === 'unlink') await refreshContent?.({ loaders: [filesLoaderName('plans'), filesLoaderName('people')] });
          });
        });
      },
      'astro:server:done': async () => {
        await renderer?.close();
      },
    },
  };
}

export function resolveSiteConfig(options: KeyplanOptions, env: Record<string, string | undefined>,
  mode: { dev: boolean; root: string }, logger?: AstroIntegrationLogger): SiteConfig {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `keyplan({ ${i.path.join('.')} }): ${i.message}`);
    fail(lines.join('\n'), logger);
  }
  const o = parsed.data!;
  let today: string;
  try {
    today = resolveToday(o.today, env);
  } catch (error) {
    if (error instanceof TodayError) fail(error.message, logger);
    throw error;
  }
  const base = normaliseBase(env.KEYPLAN_BASE?.trim() || o.base || '/');
  const exclude = env.KEYPLAN_EXCLUDE_CONFIDENTIAL;
  return {
    title: o.title,
    base,
    perspectives: o.perspectives,
    currency: o.currency,
    today: today!,
    excludeConfidential: exclude ? exclude !== '0' && exclude !== 'false' : o.excludeConfidential,
    showDrafts: mode.dev,
    markdown: markdownProcessor(env.KEYPLAN_MARKDOWN?.trim() || o.markdown, logger),
    chromium: findBrowser(o.chromium, env),
    // KEYPLAN_CACHE_DIR gives a benchmark or a CI job a cache of its own.
    cacheDir: env.KEYPLAN_CACHE_DIR?.trim() || join(mode.root, 'node_modules/.cache/keyplan'),
    sourceUrl: o.sourceUrl,
    rules: o.rules,
  };
}

function markdownProcessor(name: string, logger?: AstroIntegrationLogger): SiteConfig['markdown'] {
  if (name === 'satteri' || name === 'unified') return name;
  fail(`KEYPLAN_MARKDOWN: "${name}" is not a Markdown processor; use "satteri" or "unified"`, logger);
}

/** "/plans-site" and "plans-site/" both mean "/plans-site/". */
function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function failBuild(errors: number, logger: AstroIntegrationLogger): never {
  logger.error(`${plural(errors, 'error')} in the content; nothing was built. Fix them and build again (npm run check lists them without building).`);
  // Before Astro writes anything: an existing dist/ stays as it was.
  process.exit(1);
}

/**
 * Renders every diagram of the plans in this build (cached ones cost nothing)
 * and adds mermaid's errors in plan bodies to the check result.
 */
async function renderAll(state: ContentState, log: AstroIntegrationLogger): Promise<void> {
  const hidden = new Set(hiddenPlans(state.result, state.config));
  const jobs = collectDiagrams(state.result, new Set(state.result.plans.map((p) => p.id).filter((id) => !hidden.has(id))));
  const { results, stats } = await renderer!.renderAll(jobs.map((j) => j.source));
  // The SVGs stay in the render cache on disk: pages read them from there, so thousands of
  // diagrams never pass through Astro's content store (which must fit in one string).
  diagramsOf.clear();
  for (const job of jobs) {
    const result = results.get(diagramHash(job.source));
    const list = diagramsOf.get(job.plan) ?? [];
    list.push(result && 'file' in result ? result.file : `browser:${job.source}`);
    diagramsOf.set(job.plan, list);
  }
  state.diagrams = new Map(jobs.flatMap((job) => {
    const hash = diagramHash(job.source);
    const result = results.get(hash);
    return result && 'file' in result ? [[job.source, result.file] as const] : [];
  }));
  const issues = diagramIssues(jobs, results, state.config.rules);
  if (issues.length) {
    const all = [...state.result.issues, ...issues].sort(compareIssues);
    const errors = issues.filter((i) => i.severity === 'error').length;
    state.result = { ...state.result, issues: all, errors: state.result.errors + errors, warnings: state.result.warnings + issues.length - errors };
  }
  const missing = jobs.length - state.diagrams.size - issues.length;
  log.info(`rendered ${plural(stats.rendered, 'diagram')} (${stats.cached} cached) in ${(stats.ms / 1000).toFixed(1)}s`
    + (missing > 0 ? `; ${missing} left to render in the reader's browser` : ''));
}

const ASSET_DIR = '_keyplan';
const FALLBACK_SCRIPT = `mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)});\nmermaid.run({ querySelector: 'pre.mermaid' });\n`;

function writeDiagramAssets(outDir: string): void {
  mkdirSync(join(outDir, ASSET_DIR), { recursive: true });
  copyFileSync(MERMAID_SCRIPT, join(outDir, ASSET_DIR, 'mermaid.min.js'));
  writeFileSync(join(outDir, ASSET_DIR, 'diagrams.js'), FALLBACK_SCRIPT);
}

/** In dev, the same two files, served from memory. */
function diagramAssets() {
  return {
    name: 'keyplan:diagram-assets',
    configureServer(server: { middlewares: { use(fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(body: string | Buffer): void }, next: () => void) => void): void } }) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (path.endsWith(`/${ASSET_DIR}/mermaid.min.js`)) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(MERMAID_SCRIPT));
        } else if (path.endsWith(`/${ASSET_DIR}/diagrams.js`)) {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(FALLBACK_SCRIPT);
        } else {
          next();
        }
      });
    },
  };
}

/** Which plans are left out of this build: drafts outside dev, and confidential plans when excluded. */
export function hiddenPlans(result: CheckResult, site: SiteConfig): string[] {
  return result.plans.filter(({ data }) => data
    && ((!site.showDrafts && data.status === 'draft') || (site.excludeConfidential && data.confidential))).map((p) => p.id);
}

/** The paths of the pages in the search index, from the site root: what the layout marks with `search`. */
function indexedPaths(state: ContentState): string[] {
  const hidden = new Set(hiddenPlans(state.result, state.config));
  return ['/',
    ...state.result.plans.filter((p) => p.data && !hidden.has(p.id) && !p.data.confidential).map((p) => `/plans/${p.id}/`),
    ...state.result.people.filter((p) => p.data).map((p) => `/people/${p.id}/`)];
}

/** Digests since each shown plan's last review, from git (one log and one cat-file for all plans). */
function history(root: string, result: CheckResult, site: SiteConfig): Map<string, PlanHistory> {
  const hidden = new Set(hiddenPlans(result, site));
  const plans = result.plans.flatMap((p) => (p.data && !hidden.has(p.id) ? [{ id: p.id, file: p.source.file, data: p.data }] : []));
  return plansHistory(root, plans, site.today, site.perspectives);
}

function linkTargets(result: CheckResult, site: SiteConfig): LinkTargets {
  return buildLinkTargets(result.plans, result.people, { base: site.base, hidden: hiddenPlans(result, site) });
}

/** The chosen processor with the link plugin; loaded here so `npm run check` never pays for it. */
async function markdownPipeline(name: SiteConfig['markdown'], links: LinkPluginOptions) {
  if (name === 'unified') {
    const [{ unified }, { default: remarkLinks }] = await Promise.all([
      import('@astrojs/markdown-remark'), import('./links/remark.ts')]);
    return unified({ remarkPlugins: [[remarkLinks, links]] });
  }
  const [{ satteri }, { default: satteriLinks }] = await Promise.all([
    import('@astrojs/markdown-satteri'), import('./links/satteri.ts')]);
  return satteri({ mdastPlugins: [satteriLinks(links)] });
}

function fail(message: string, logger?: AstroIntegrationLogger): never {
  if (logger) logger.error(message);
  else console.error(message);
  process.exit(1);
}

function report(result: CheckResult, logger: AstroIntegrationLogger): void {
  if (result.issues.length === 0) return;
  // The same lines as `npm run check`, so editors and CI can match them.
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  logger.warn(`${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in the content`);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function virtualConfig(site: SiteConfig) {
  const resolved = `\0${VIRTUAL_CONFIG}`;
  return {
    name: 'keyplan:config',
    resolveId(id: string) {
      return id === VIRTUAL_CONFIG ? resolved : undefined;
    },
    load(id: string) {
      return id === resolved ? `export default ${JSON.stringify(site)};` : undefined;
    },
  };
}
