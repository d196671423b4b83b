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

/**
 * Imports astro.config.mjs with `astro/config` read from Astro's own small
 * module of defineConfig and getViteConfig instead of its entry point, which
 * loads most of Astro (over a second; `npm run check` needs none of it).
 * Undefined when the config uses anything else from `astro/config`: then it
 * is imported as Astro would.
 */
async function importConfigLight(path: string): Promise<{ default: unknown } | undefined> {
  const configUrl = pathToFileURL(path).href;
  const hooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier !== 'astro/config' || context.parentURL !== `${configUrl}?light`) return nextResolve(specifier, context);
      const entry = nextResolve(specifier, context);
      return { ...entry, url: new URL('index.js', entry.url).href };
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
