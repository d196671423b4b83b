/** keyplan({...}) options and their environment overrides, as every stage sees them. */
import { describe, expect, it } from 'vitest';
import { OptionsError, resolveSiteConfig } from '../../src/config/site.ts';

const mode = { dev: false, root: '/project' };
const config = (options: object, env: Record<string, string> = {}) => resolveSiteConfig(options, { KEYPLAN_CHROMIUM: 'none', ...env }, mode);
const failure = (options: object, env: Record<string, string> = {}) => {
  try {
    config(options, env);
  } catch (error) {
    return error;
  }
  throw new Error('no error');
};

describe('site options', () => {
  it('has defaults a fresh project can build with', () => {
    expect(config({}, { KEYPLAN_TODAY: '2026-11-25' })).toMatchObject({
      title: 'Account plans', base: '/', currency: 'EUR', today: '2026-11-25', excludeConfidential: false,
      showDrafts: false, markdown: 'satteri', chromium: undefined, cacheDir: '/project/node_modules/.cache/keyplan',
    });
    expect(resolveSiteConfig({}, { KEYPLAN_TODAY: '2026-11-25' }, { dev: true, root: '/p' }).showDrafts).toBe(true);
  });

  it('lets each environment variable override its option for one run', () => {
    const options = { base: '/a/', today: '2026-01-01', excludeConfidential: false, markdown: 'satteri' as const, chromium: 'none' };
    expect(config(options, { KEYPLAN_BASE: 'plans-site' }).base).toBe('/plans-site/');
    expect(config(options, { KEYPLAN_TODAY: '2026-11-25' }).today).toBe('2026-11-25');
    expect(config(options, { KEYPLAN_EXCLUDE_CONFIDENTIAL: '1' }).excludeConfidential).toBe(true);
    expect(config({ ...options, excludeConfidential: true }, { KEYPLAN_EXCLUDE_CONFIDENTIAL: '0' }).excludeConfidential).toBe(false);
    expect(config(options, { KEYPLAN_MARKDOWN: 'unified' }).markdown).toBe('unified');
    expect(config(options, { KEYPLAN_CHROMIUM: '/nonexistent/chrome' }).chromium).toBeUndefined();
    expect(config(options, { KEYPLAN_CACHE_DIR: '/tmp/kp-cache' }).cacheDir).toBe('/tmp/kp-cache');
    expect(config(options).base).toBe('/a/');
    expect(config(options).today).toBe('2026-01-01');
  });

  it('names the option, what is wrong and the fix, as an OptionsError', () => {
    const wrong = failure({ currency: 'euro', perspectives: ['Financial'] }) as OptionsError;
    expect(wrong).toBeInstanceOf(OptionsError);
    expect(wrong.message).toBe('keyplan({ perspectives.0 }): perspectives are ids: lower-case kebab-case\n'
      + 'keyplan({ currency }): currency is an ISO 4217 code such as "EUR"');
    expect(wrong.hint).toMatch(/astro\.config\.mjs/);
    expect((failure({ colour: 'blue' }) as Error).message).toMatch(/colour/);
    expect((failure({}, { KEYPLAN_TODAY: '2026-02-30' }) as OptionsError).message).toMatch(/^KEYPLAN_TODAY: /);
    expect((failure({}, { KEYPLAN_MARKDOWN: 'marked' }) as OptionsError).message).toBe('KEYPLAN_MARKDOWN: "marked" is not a Markdown processor');
    expect((failure({ sourceUrl: 'https://x/' }) as OptionsError).message).toMatch(/sourceUrl must contain \{path\}/);
  });
});
