/**
 * The Keyplan integration: the only thing astro.config.mjs calls. It wires
 * Astro's hooks to the parts that do the work and decides nothing itself:
 *
 * - options: src/config/site.ts (zod; a mistake is Astro's error with a hint);
 * - content: ./content.ts checks, renders diagrams (./diagrams.ts) and bodies
 *   (./body/) and builds the snapshot pages read (src/snapshot/);
 * - search: ./search/ indexes pages as they render;
 * - dev: ./dev.ts re-checks on every save;
 * - assets: ./assets.ts ships mermaid for diagrams drawn in the reader's browser.
 *
 * Heavy parts are loaded inside the hooks, so reading astro.config.mjs (as
 * `npm run check` does, for the options) loads none of them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { KeyplanOptions, SiteConfig } from '../src/config/options.ts';
import { OptionsError, resolveSiteConfig } from '../src/config/site.ts';

/** Pages Astro renders at once in a build (its own default is one). */
const PAGES_AT_ONCE = 2;

export interface KeyplanIntegration extends AstroIntegration {
  /** The options as given, for tools that read astro.config.mjs (npm run check). */
  keyplanOptions: KeyplanOptions;
}

export default function keyplan(options: KeyplanOptions = {}): KeyplanIntegration {
  let pipeline: import('./content.ts').ContentPipeline | undefined;
  let search: import('./search/build.ts').SearchBuild | undefined;
  return {
    name: 'keyplan',
    keyplanOptions: options,
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger, addWatchFile, addMiddleware }) => {
        const root = fileURLToPath(config.root);
        const dev = command === 'dev';
        const site = await siteConfig(options, { dev, root });
        // `astro preview` serves the built folder under the base path it was built for (unless --base says otherwise).
        if (command === 'preview') {
          if (config.base === '/' && site.base !== '/') updateConfig({ base: site.base, trailingSlash: 'always' });
          return;
        }
        // Subscription files (src/subscribe/) want absolute links, which need Astro's `site`.
        if (command === 'build' && !config.site) {
          logger.fork('keyplan:subscribe').warn('no `site` in astro.config.mjs: reviews.ics, changes.xml and the personal calendars link under the base path only; set `site` (e.g. "https://plans.example.com") for absolute links');
        }
        const [{ ContentPipeline }, { report, plural }, { setSnapshot }, assets, { SEARCH_MIDDLEWARE, SearchBuild }, { SYNTAX_HIGHLIGHT }] = await Promise.all([
          import('./content.ts'), import('./log.ts'), import('../src/snapshot/current.ts'), import('./assets.ts'), import('./search/build.ts'), import('./body/pipeline.ts')]);
        const created = await ContentPipeline.create(site, root, dev, logger);
        pipeline = created.pipeline;
        // With nothing in the diagram cache, every mermaid block will be drawn: Chromium starts, and loads
        // mermaid while the content is checked, on the core the check leaves idle.
        if (!dev && pipeline.renderer.empty) await pipeline.renderer.start(pipeline.renderer.pageCount);
        const { result, ms } = pipeline.check();
        report(result, logger);
        if (result.errors > 0 && !dev) failBuild(result.errors, logger);
        logger.info(`checked ${plural(result.plans.length, 'plan')} and ${plural(result.people.length, 'person', 'people')} in ${ms} ms`);

        const snapshot = await pipeline.snapshot(result);
        if (snapshot.errors.length > 0 && !dev) {
          // Only the diagrams' findings are new here: the check's were reported above.
          report({ issues: snapshot.errors.filter((i) => i.rule === 'keyplan/mermaid'), errors: snapshot.errors.length - result.errors, warnings: 0 }, logger);
          failBuild(snapshot.errors.length, logger);
        }
        if (!dev) await pipeline.renderer.close();
        else void pipeline.renderer.warm();
        setSnapshot(snapshot);
        addWatchFile(new URL('./astro.config.mjs', config.root));
        if (command === 'build') {
          addMiddleware({ entrypoint: SEARCH_MIDDLEWARE, order: 'post' });
          // Search is part of every build, never a step to remember: pages are indexed as they render. Started
          // now, the bundles an edit changed are indexed on the core Astro's content sync and bundling leave idle.
          search = new SearchBuild(snapshot);
        }
        updateConfig({
          experimental: {
            // The editor learns which schema a plan or person file follows (src/content/files-loader.ts).
            contentIntellisense: true,
            // A page whose inputs are unchanged is reused from the last build (src/snapshot/page-keys.ts).
            incrementalBuild: true,
          },
          // Two pages at a time where the project left Astro's default of one (a project that sets a higher
          // build.concurrency keeps it): one page renders while the other's file is written. Every page of a
          // cold build at 1000 plans renders in about 18 s instead of 22 s, into the same dist/, search index
          // included; four at once were no faster. Astro reuses pages at this setting too, though its docs
          // say otherwise: test/build/incremental.test.ts proves it on every run.
          ...(config.build.concurrency === 1 ? { build: { concurrency: PAGES_AT_ONCE } } : {}),
          // KEYPLAN_CACHE_DIR holds Astro's cache too, so projects sharing node_modules never share one.
          ...(process.env.KEYPLAN_CACHE_DIR ? { cacheDir: pathToFileURL(join(site.cacheDir, 'astro/')) } : {}),
          base: site.base,
          trailingSlash: 'always',
          // Plan bodies are rendered by Keyplan (plugins/body/); this is for any other Markdown in the project.
          markdown: { processor: created.processor, syntaxHighlight: SYNTAX_HIGHLIGHT },
          vite: {
            plugins: [assets.virtualConfig(site), assets.diagramAssets()],
            // Keyplan's caches (rendered bodies and diagrams) are written on every dev save; a cache folder
            // inside the project (KEYPLAN_CACHE_DIR) would otherwise have Vite re-read it after each file written.
            server: { watch: { ignored: [insideFolder(site.cacheDir)] } },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const [{ writeDiagramAssets }, { snapshot }] = await Promise.all([import('./assets.ts'), import('../src/snapshot/current.ts')]);
        writeDiagramAssets(fileURLToPath(dir));
        await search!.write(fileURLToPath(dir), logger);
        search = undefined;
        // Issue 16: the web server's rules for the restricted areas, beside the site (never inside it): src/access/.
        const { writeAccessRules, accessDir } = await import('../src/access/rules.ts');
        const { config, visibility } = snapshot();
        const written = writeAccessRules(visibility.areas.keys(), config.base, config.access, accessDir(config.access, fileURLToPath(dir)));
        logger.fork('keyplan:access').info(`wrote ${config.access.mode} access rules for ${visibility.areas.size} restricted areas to ${written}`);
      },
      'astro:server:start': ({ logger }) => {
        logger.fork('keyplan:search').info('search works in a built site only: npm run build writes the index, npm run preview serves it');
      },
      'astro:server:setup': async ({ server, refreshContent, logger }) => {
        const [{ watchContent }, { filesLoaderName }] = await Promise.all([import('./dev.ts'), import('../src/content/files-loader.ts')]);
        watchContent(server, pipeline!, logger, async () => {
          await refreshContent?.({ loaders: [filesLoaderName('plans'), filesLoaderName('people')] });
        });
      },
      'astro:server:done': async () => {
        await pipeline?.renderer.close();
      },
    },
  };
}

/** The options, or Astro's error naming the option and the fix (never a stack trace, never process.exit). */
async function siteConfig(options: KeyplanOptions, mode: { dev: boolean; root: string }): Promise<SiteConfig> {
  try {
    return resolveSiteConfig(options, process.env, mode);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    const { AstroError } = await import('astro/errors');
    const astroError = new AstroError(error.message, error.hint);
    astroError.stack = `${astroError.name}: ${error.message}`;
    throw astroError;
  }
}

/** A watcher filter: the folder and everything in it. */
function insideFolder(dir: string): (path: string) => boolean {
  const folder = resolve(dir);
  return (path) => path === folder || path.startsWith(folder + sep);
}

function failBuild(errors: number, logger: AstroIntegrationLogger): never {
  logger.error(`${errors} ${errors === 1 ? 'error' : 'errors'} in the content; nothing was built. Fix them and build again (npm run check lists them without building).`);
  // Before Astro writes anything: an existing dist/ stays as it was.
  process.exit(1);
}
