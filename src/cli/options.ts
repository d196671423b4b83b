/** Reading the site's options the way Astro would, for commands that run without Astro. */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyplanOptions, SiteConfig } from '../config/options.ts';
import { OptionsError, resolveSiteConfig } from '../config/site.ts';

/** The keyplan({...}) options from the project's astro.config.mjs, if it has one. */
export async function readOptions(root: string): Promise<KeyplanOptions> {
  const path = join(root, 'astro.config.mjs');
  if (!existsSync(path)) return {};
  const config = (await importConfigLight(path) ?? await import(pathToFileURL(path).href)).default as { integrations?: unknown[] };
  const integration = config.integrations?.flat().find((i) => (i as { name?: string })?.name === 'keyplan') as
    { keyplanOptions?: KeyplanOptions } | undefined;
  return integration?.keyplanOptions ?? {};
}


/**
 * The site config a command runs with, from astro.config.mjs and the
 * environment; undefined after printing the option's mistake and its fix.
 */
export async function commandSiteConfig(root: string): Promise<SiteConfig | undefined> {
  try {
    return resolveSiteConfig(await readOptions(root), process.env, { dev: false, root });
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    console.error(`${error.message}\n${error.hint}`);
    return undefined;
  }
}

/** This repository's Keyplan integration, as astro.config.mjs imports it. */
const KEYPLAN_INTEGRATION = new URL('../../plugins/keyplan.ts', import.meta.url).href;

/** Stand-ins for what the config calls that `npm run check` does not read: only keyplan({...})'s options are. */
const stub = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;
const KEYPLAN_STUB = stub("export default function keyplan(options = {}) { return { name: 'keyplan', keyplanOptions: options, hooks: {} }; }");
const integrationStub = (name: string) => stub(`export default function integration() { return { name: ${JSON.stringify(name)}, hooks: {} }; }`);

/**
 * Imports astro.config.mjs with `astro/config` read from Astro's own small
 * module of defineConfig and getViteConfig instead of its entry point, which
 * loads most of Astro (over a second; `npm run check` needs none of it), and
 * with stand-ins for the integrations it calls: Keyplan's (whose options are
 * all that is read) and Astro's own `@astrojs/...` ones such as MDX (whose
 * code, over 100 ms of it, a check never runs). Undefined when the config
 * uses anything else from `astro/config` or from those (a named import the
 * stand-in lacks): then it is imported as Astro would.
 */
async function importConfigLight(path: string): Promise<{ default: unknown } | undefined> {
  const configUrl = pathToFileURL(path).href;
  const hooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      if (context.parentURL !== `${configUrl}?light`) return nextResolve(specifier, context);
      if (specifier === 'astro/config') {
        const entry = nextResolve(specifier, context);
        return { ...entry, url: new URL('index.js', entry.url).href };
      }
      if (/^@astrojs\/[^/]+$/.test(specifier)) return { url: integrationStub(specifier), format: 'module', shortCircuit: true };
      const entry = nextResolve(specifier, context);
      return entry.url === KEYPLAN_INTEGRATION ? { url: KEYPLAN_STUB, format: 'module', shortCircuit: true } : entry;
    },
  });
  try {
    return await import(`${configUrl}?light`);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    hooks.deregister();
  }
}
