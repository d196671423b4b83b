/** Reading the site's options the way Astro would, for commands that run without Astro. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyplanOptions, SiteConfig } from '../config/options.ts';
import { OptionsError, resolveSiteConfig } from '../config/site.ts';

/** The keyplan({...}) options from the project's astro.config.mjs, if it has one. */
export async function readOptions(root: string): Promise<KeyplanOptions> {
  const path = join(root, 'astro.config.mjs');
  if (!existsSync(path)) return {};
  const config = (await import(pathToFileURL(path).href)).default as { integrations?: unknown[] };
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
