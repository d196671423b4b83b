/**
 * `npm run check` keeps what it found per file on disk (schema outcome, body
 * outline, positions), so a second run reads it back instead of checking
 * again: the report must be the same as a fresh check's, follow an edit, and
 * the options must be read whether or not the config uses more of Astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { planHeader, scratchProject } from '../build/build-site.ts';
import { CHECK_CACHE_FILE } from '../../src/validate/check.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-11-25';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const PLAN = planHeader('Acme', { extra: 'goals:\n  - { id: grow, title: Grow online, due: 2026-03-01, owner: jane-doe, status: on-track }\n' })
  + '\n## Context\n\nSee [the goal](#grow) and [a plan that is not there](plan:nobody).\n';
const PERSON = 'name: Jane Doe\ntitle: Account Manager\n';

function project(config?: string): { root: string; cache: string } {
  const root = scratchProject({ 'content/plans/acme.mdx': PLAN, 'content/people/jane-doe.yaml': PERSON });
  temps.push(root);
  if (config) writeFileSync(join(root, 'astro.config.mjs'), config);
  return { root, cache: join(root, 'check-cache') };
}

function check(root: string, cache: string) {
  const run = spawnSync(process.execPath, ['src/cli/check.ts', '--root', root], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, KEYPLAN_TODAY: TODAY, KEYPLAN_CACHE_DIR: cache },
  });
  return { status: run.status, stdout: run.stdout, summary: run.stderr.replace(/ in \d+ ms/, '') };
}

describe('npm run check with its cache on disk', () => {
  it('reports the same findings from the cache as a fresh check, and follows an edit', () => {
    const { root, cache } = project();
    const fresh = check(root, cache);
    expect(fresh.stdout).toMatch(/^content\/plans\/acme\.mdx:10:\d+ warning goals\[0\]\.due: .*\[keyplan\/overdue-goal\]$/m);
    expect(fresh.stdout).toMatch(/^content\/plans\/acme\.mdx:15:\d+ error body: .*nobody.*\[keyplan\/broken-link\]$/m);
    expect(existsSync(join(cache, CHECK_CACHE_FILE))).toBe(true);
    expect(check(root, cache)).toEqual(fresh);

    // A mistyped owner id: the edited file is checked again, the other finding is still where it was.
    const file = join(root, 'content/plans/acme.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('owner: jane-doe, status', 'owner: Jane Doe, status'));
    const edited = check(root, cache);
    expect(edited.stdout).toMatch(/^content\/plans\/acme\.mdx:10:\d+ error goals\[0\]\.owner: "Jane Doe" is not a valid person id: .*\[keyplan\/invalid-value\]$/m);
    expect(edited.stdout).toMatch(/^content\/plans\/acme\.mdx:15:\d+ error body: .*nobody/m);
    expect(edited.status).toBe(1);

    writeFileSync(file, PLAN);
    expect(check(root, cache)).toEqual(fresh);
  }, 60_000);

  it('never parses a file the cache holds: a new process reads its outcome back', async () => {
    const { root, cache } = project();
    const fresh = await import('../../src/validate/check.ts');
    const first = fresh.checkContent({ root, cacheDir: cache, today: TODAY });
    // As a new `npm run check` would: every module, and so every in-memory cache, loaded again.
    vi.resetModules();
    const [{ checkContent }, { cacheSizes }] = await Promise.all([import('../../src/validate/check.ts'), import('../../src/cache/content-cache.ts')]);
    const again = checkContent({ root, cacheDir: cache, today: TODAY });
    expect(cacheSizes().parses).toBe(0);
    expect(again.issues).toEqual(first.issues);
    expect(again.plans[0].data).toEqual(first.plans[0].data);
    // The fields are still there for whatever reads them, parsed then.
    expect((again.plans[0].source.data as { account: string }).account).toBe('Acme');
    expect(cacheSizes().parses).toBe(1);
  });

  it('reads the options from a config that uses more of astro/config than defineConfig', () => {
    const integration = pathToFileURL(join(REPO, 'plugins/keyplan.ts')).href;
    const { root, cache } = project(`import { defineConfig, envField } from 'astro/config';\nimport keyplan from '${integration}';\n`
      + `export default defineConfig({ env: { schema: { X: envField.string({ context: 'server', access: 'public', optional: true }) } }, `
      + `integrations: [keyplan({ rules: { 'keyplan/overdue-goal': 'off' } })] });\n`);
    const run = check(root, cache);
    expect(run.stdout).not.toMatch(/overdue-goal/);
    expect(run.stdout).toMatch(/broken-link/);
  }, 60_000);
});

describe('a dev server saving one file many times', () => {
  it('holds, while its cache write waits for the saves to pause, what it found of the files as they are now only', async () => {
    const { checkContent } = await import('../../src/validate/check.ts');
    const { pendingShapes } = await import('../../src/validate/load.ts');
    const { root, cache } = project();
    const file = join(root, 'content/plans/acme.mdx');
    // As plugins/dev.ts checks on each save: the loader's cache is written 5 s after the last one.
    const save = () => checkContent({ root, cacheDir: cache, today: TODAY, deferCacheWrite: true });
    save();
    for (let k = 1; k <= 30; k++) {
      writeFileSync(file, PLAN.replace('Grow online', `Grow online ${k}`));
      expect(save().plans[0].data?.goals?.[0]?.title).toBe(`Grow online ${k}`);
    }
    // The plan and the person: thirty saves' records would otherwise wait.
    expect(pendingShapes()).toBeLessThanOrEqual(2);
  });
});
