/**
 * The site options after the environment has had its say: what every stage
 * of the build, `npm run check` and the other commands see. A plain function
 * of the options and the environment; a mistake is an OptionsError naming the
 * option and the fix, which the integration shows as Astro's error and the
 * commands print as one line.
 */
import { join, resolve } from 'node:path';
import { resolveToday, TodayError } from '../model/today.ts';
import { findBrowser } from '../diagrams/mermaid/browser.ts';
import { optionsSchema, type KeyplanOptions, type SiteConfig } from './options.ts';

export class OptionsError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'KeyplanOptionsError';
    this.hint = hint;
  }
}

const OPTIONS_HINT = 'Fix the keyplan({ … }) options in astro.config.mjs; README.md, "Configuration", lists every option.';

export function resolveSiteConfig(options: KeyplanOptions, env: Record<string, string | undefined>,
  mode: { dev: boolean; root: string }): SiteConfig {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `keyplan({ ${i.path.join('.') || '…'} }): ${i.message}`);
    throw new OptionsError(lines.join('\n'), OPTIONS_HINT);
  }
  const o = parsed.data;
  let today: string;
  try {
    today = resolveToday(o.today, env);
  } catch (error) {
    if (error instanceof TodayError) throw new OptionsError(error.message, 'Write the date as YYYY-MM-DD, a day that exists, e.g. 2026-11-25.');
    throw error;
  }
  const exclude = env.KEYPLAN_EXCLUDE_CONFIDENTIAL?.trim();
  return {
    title: o.title,
    base: normaliseBase(env.KEYPLAN_BASE?.trim() || o.base || '/'),
    perspectives: o.perspectives,
    currency: o.currency,
    today,
    excludeConfidential: exclude ? exclude !== '0' && exclude !== 'false' : o.excludeConfidential,
    showDrafts: mode.dev,
    markdown: markdownProcessor(env.KEYPLAN_MARKDOWN?.trim() || o.markdown),
    chromium: findBrowser(o.chromium, env),
    // KEYPLAN_CACHE_DIR gives a benchmark or a CI job a cache of its own.
    cacheDir: env.KEYPLAN_CACHE_DIR?.trim() || join(mode.root, 'node_modules/.cache/keyplan'),
    sourceUrl: o.sourceUrl,
    paper: o.paper,
    rules: o.rules,
    access: { ...o.access, ...(o.access.dir ? { dir: resolve(mode.root, o.access.dir) } : {}) },
    ...pagesPerBundle(env.KEYPLAN_SEARCH_PAGES_PER_BUNDLE),
  };
}

function pagesPerBundle(value: string | undefined): Pick<SiteConfig, 'searchPagesPerBundle'> {
  if (!value?.trim()) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new OptionsError(`KEYPLAN_SEARCH_PAGES_PER_BUNDLE: "${value}" is not a whole number of pages`, 'Give a number such as 150, or leave it unset.');
  return { searchPagesPerBundle: n };
}

function markdownProcessor(name: string): SiteConfig['markdown'] {
  if (name === 'satteri' || name === 'unified') return name;
  throw new OptionsError(`KEYPLAN_MARKDOWN: "${name}" is not a Markdown processor`, 'Use "satteri" (the default) or "unified".');
}

/** "/plans-site" and "plans-site/" both mean "/plans-site/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
