/** A mistake in keyplan({...}): the build and `npm run check` say which option and how to fix it, without a stack trace. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, REPO, scratchProject, stripAnsi } from './build-site.ts';

function projectWith(options: string): string {
  const root = scratchProject({});
  const config = readFileSync(join(root, 'astro.config.mjs'), 'utf8').replace(/keyplan\(\{[\s\S]*?\}\)/, `keyplan(${options})`);
  writeFileSync(join(root, 'astro.config.mjs'), config);
  return root;
}

describe('bad site options', () => {
  const root = projectWith("{ title: 'Plans', currency: 'euro' }");

  it('stop the build with the option, the fix and no stack trace', () => {
    const { status, output } = buildSite({ root, outDir: join(root, 'dist') });
    expect(status).not.toBe(0);
    expect(output).toContain('keyplan({ currency }): currency is an ISO 4217 code such as "EUR"');
    expect(output).toContain('README.md, "Configuration", lists every option');
    expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
  }, 120_000);

  it('stop npm run check the same way, with exit code 2', () => {
    const run = spawnSync(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'src/cli/check.ts'), '--root', root], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(stripAnsi(run.stderr)).toContain('keyplan({ currency }): currency is an ISO 4217 code such as "EUR"');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});

describe('npm run check', () => {
  it('reads the options from astro.config.mjs without loading the integration\'s build parts or Pagefind', () => {
    const heavy = ['/node_modules/pagefind/', '/plugins/content.ts', '/plugins/search/', '/plugins/body/'];
    // The modules as they are (KEYPLAN_BUNDLE=off), then from the bundle made of them.
    for (const bundle of ['off', 'on']) {
      const log = join(scratchProject({}), 'imports.log');
      const run = spawnSync(join(REPO, 'node_modules/.bin/node'), ['--import', join(REPO, 'test/fixtures/hooks/record-imports.mjs'), join(REPO, 'src/cli/check.ts')],
        { cwd: REPO, encoding: 'utf8', env: { ...process.env, KEYPLAN_IMPORTS_LOG: log, KEYPLAN_CHROMIUM: 'none', KEYPLAN_BUNDLE: bundle } });
      expect(run.status).toBe(0);
      const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      // It did load what it reads: the config and the checker.
      expect(loaded.some((url) => new URL(url).pathname.endsWith('/astro.config.mjs'))).toBe(true);
      if (bundle === 'off') expect(loaded.some((url) => url.endsWith('/src/validate/check.ts'))).toBe(true);
      else expect(loaded.some((url) => /\/node_modules\/\.cache\/keyplan\/bundles\/check-run-[\w-]+\.mjs$/.test(url))).toBe(true);
      for (const part of heavy) expect(loaded.filter((url) => url.includes(part))).toEqual([]);
    }
    const bundles = join(REPO, 'node_modules/.cache/keyplan/bundles');
    const manifest = readdirSync(bundles).find((f) => /^check-run-[\da-f]{8}\.json$/.test(f))!;
    const inputs = Object.keys((JSON.parse(readFileSync(join(bundles, manifest), 'utf8')) as { inputs: object }).inputs);
    expect(inputs).toContain('src/validate/check.ts');
    for (const part of heavy) expect(inputs.filter((file) => `/${file}`.includes(part))).toEqual([]);
  }, 60_000);
});
