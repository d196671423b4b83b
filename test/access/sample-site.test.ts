/**
 * The sample site as a team publishes it: built under a sub-path, served by
 * nginx with the access rules the build wrote beside it (basic mode, the
 * default), read by a browser. The restricted plans (one in two groups, one
 * `confidential: true`) reach their groups only, their areas' search finds
 * them and the public plans.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validate/check.ts';
import { buildSite, REPO, TODAY } from '../build/build-site.ts';
import { launch } from '../e2e/browser.ts';
import { isolatedProject } from '../e2e/search-site.ts';
import { basicAuth, get, startNginx } from './nginx.ts';

const BASE = '/intranet/';
const content = checkContent({ root: REPO, today: TODAY });
const data = (id: string) => content.plans.find((p) => p.id === id)!.data!;
const USERS = { finance: 'fiona', leadership: 'leo', confidential: 'cora' } as const;
const as = (group: keyof typeof USERS) => basicAuth(USERS[group], `${USERS[group]}-password`);

let root = '';
let dist = '';
let port = 0;
let nginx: ChildProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  root = isolatedProject();
  const site = mkdtempSync(join(tmpdir(), 'keyplan-sample-site-'));
  chmodSync(site, 0o755); // nginx's workers may run as another user
  dist = join(site, 'dist');
  const build = buildSite({ root, outDir: dist, env: { KEYPLAN_BASE: BASE } });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.output}`);
  const access = join(site, 'access');
  // The operator fills each area's password file; the build leaves a filled one alone.
  for (const [group, user] of Object.entries(USERS)) {
    const hash = execFileSync('openssl', ['passwd', '-apr1', `${user}-password`], { encoding: 'utf8' }).trim();
    writeFileSync(join(access, 'htpasswd', group), `${user}:${hash}\n`);
  }
  // The site lives under its base path: nginx serves the folder that holds it.
  const served = join(site, 'www');
  execFileSync('mkdir', ['-p', served]);
  execFileSync('ln', ['-s', dist, join(served, BASE.replaceAll('/', ''))]);
  ({ port, process: nginx } = await startNginx(site, served, access, BASE));
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  nginx?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('restricted plans on nginx with the rules of the build', () => {
  it('turns an anonymous reader away from every restricted page, search file and export', async () => {
    for (const path of ['restricted/finance/', 'restricted/finance/plans/halvard-capital/', 'restricted/leadership/plans/halvard-capital/scorecard/',
      'restricted/confidential/plans/project-juniper/', 'restricted/finance/data/plans.json', 'restricted/finance/data/actions.csv',
      'restricted/finance/pagefind/pagefind-entry.json', 'restricted/finance/search/', 'restricted/']) {
      const reply = await get(port, `${BASE}${path}`);
      expect([401, 403], path).toContain(reply.status);
      expect(reply.body, path).not.toContain('Halvard');
    }
    expect((await get(port, BASE)).status).toBe(200);
  });

  it('opens an area to its group, and no other area: a plan in two groups is in both', async () => {
    for (const path of ['', 'plans/halvard-capital/', 'plans/halvard-capital/scorecard/', 'data/plans.json', 'search/']) {
      const reply = await get(port, `${BASE}restricted/finance/${path}`, as('finance'));
      expect(reply.status, path).toBe(200);
    }
    expect((await get(port, `${BASE}restricted/leadership/plans/halvard-capital/`, as('leadership'))).status).toBe(200);
    for (const path of ['restricted/leadership/plans/halvard-capital/', 'restricted/confidential/plans/project-juniper/',
      'restricted/finance/../confidential/plans/project-juniper/', 'Restricted/confidential/plans/project-juniper/',
      'restricted/finance/%2e%2e/confidential/plans/project-juniper/', 'restricted%2Fconfidential/plans/project-juniper/']) {
      const reply = await get(port, `${BASE}${path}`, as('finance'));
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toContain('Juniper');
    }
    const exported = JSON.parse((await get(port, `${BASE}restricted/finance/data/plans.json`, as('finance'))).body) as { plans: { id: string }[] };
    expect(exported.plans.map((p) => p.id)).toEqual(['halvard-capital']);
  });

  it('lets an area\'s search page find the area\'s plan and the public plans, in one list', async () => {
    const context = await browser!.newContext({ httpCredentials: { username: USERS.finance, password: `${USERS.finance}-password` } });
    const page = await context.newPage();
    const results = async (q: string) => {
      await page.goto(`http://127.0.0.1:${port}${BASE}restricted/finance/search/?q=${encodeURIComponent(q)}`);
      const links = page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title a');
      await links.first().waitFor();
      return links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    };
    expect(await results('Halvard')).toContain(`${BASE}restricted/finance/plans/halvard-capital/`);
    expect(await results(data('aldermoor-bank').account)).toContain(`${BASE}plans/aldermoor-bank/`);
    // The public search page knows nothing of it.
    await page.goto(`http://127.0.0.1:${port}${BASE}search/?q=Halvard`);
    await page.locator('.pagefind-ui__message').filter({ hasText: /result/ }).waitFor();
    expect(await page.locator('.pagefind-ui__message').textContent()).toMatch(/^No results/);
    await context.close();
  }, 60_000);
});

describe('the public files', () => {
  /** Every file of the build outside restricted/, gzip-compressed ones (Pagefind's) unpacked. */
  const publicFiles = () => {
    const out: { path: string; text: string }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (relative(dist, path) === 'restricted') continue;
        if (statSync(path).isDirectory()) walk(path);
        else {
          let bytes = readFileSync(path);
          if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
          out.push({ path: relative(dist, path), text: bytes.toString('utf8') });
        }
      }
    };
    walk(dist);
    return out;
  };

  it('point at restricted plans as "a restricted plan" or "a restricted goal", without a link', () => {
    const page = readFileSync(join(dist, 'plans/castellan-asset/index.html'), 'utf8');
    expect(page).toContain('a restricted plan');
    expect(page).toContain('a restricted goal');
    expect(page).not.toMatch(/href="[^"]*restricted/);
    // Public pages may say how many plans are restricted.
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('2 restricted plans');
  });

  // That they hold nothing of a restricted plan is checked on every file in test/e2e/gates.test.ts.
  it('keep the access rules beside the site, never inside it', () => {
    expect(existsSync(join(dist, '..', 'access', 'nginx.conf'))).toBe(true);
    expect(publicFiles().filter((f) => /nginx\.conf|htpasswd|manifest\.json|apache\.conf/.test(f.path))).toEqual([]);
  });
});
