/**
 * `npm run dev` recovers from a writer's mistake: a body link broken and
 * saved, then fixed and saved, shows the fixed page, with the banner and the
 * page agreeing in between. It also shows the writer every restricted plan.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { REPO, scratchProject, stripAnsi, TODAY } from '../build/build-site.ts';

const PLAN = 'content/plans/aldermoor-bank.mdx';
const GOOD = '[Kestrel Mobile](plan:kestrel-mobile#lessons-for-other-accounts)';
const BROKEN = '[Kestrel Mobile](plan:kestrel-mobil#lessons-for-other-accounts)';

let root: string;
let server: ChildProcess;
let base: string;
let log = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, html: await response.text() };
}

/** Polls until `test` holds (a save is seen within a second or two); bounded. */
async function until<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; dev log:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function devEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && k !== 'NODE_ENV' && !k.startsWith('VITEST'))) as Record<string, string>;
}

beforeAll(async () => {
  root = scratchProject({});
  cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    // As a writer runs it: not under vitest's NODE_ENV=test.
    cwd: root, env: { ...devEnv(), KEYPLAN_TODAY: TODAY, KEYPLAN_CHROMIUM: 'none', ASTRO_TELEMETRY_DISABLED: '1', KEYPLAN_CACHE_DIR: join(root, '.cache') },
  });
  server.stdout!.on('data', (chunk) => { log += stripAnsi(String(chunk)); });
  server.stderr!.on('data', (chunk) => { log += stripAnsi(String(chunk)); });
  await until(() => get('/').catch(() => ({ status: 0, html: '' })), (r) => r.status === 200, 'the dev server');
}, 90_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('npm run dev', () => {
  it('shows a broken link as an error, then the fixed page after the next save', async () => {
    const before = await get('/plans/aldermoor-bank/');
    expect(before.status).toBe(200);
    const source = readFileSync(join(root, PLAN), 'utf8');
    expect(source).toContain(GOOD);

    writeFileSync(join(root, PLAN), source.replace(GOOD, BROKEN));
    // The watcher may catch the file half written (empty) first: wait for the banner about the saved text.
    const portfolio = await until(() => get('/'), (r) => parse(r.html).querySelector('.dev-problems')?.textContent.includes('kestrel-mobil') === true, 'the error banner');
    const banner = parse(portfolio.html).querySelector('.dev-problems')!;
    expect(banner.textContent).toContain(`${PLAN}:`);
    expect(banner.textContent).toContain('unknown plan "kestrel-mobil"');
    expect(banner.textContent).toContain('did you mean "kestrel-mobile"?');
    // The banner says the plan is left out, and it is: the portfolio does not list it and its page is gone.
    expect(banner.textContent).toContain('left out of the site');
    expect(parse(portfolio.html).querySelector('main a[href="/plans/aldermoor-bank/"]')).toBeNull();
    expect((await get('/plans/aldermoor-bank/')).status).toBe(404);

    writeFileSync(join(root, PLAN), source);
    const fixed = await until(() => get('/plans/aldermoor-bank/'), (r) => r.status === 200, 'the fixed page');
    const page = parse(fixed.html);
    expect(page.querySelector('.dev-problems')).toBeNull();
    expect(page.querySelector('a[href="/plans/kestrel-mobile/#lessons-for-other-accounts"]')?.textContent).toBe('Kestrel Mobile');
    // A content mistake never prints a stack trace.
    expect(log).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  }, 90_000);

  it('shows the writer every restricted plan, in its areas, each page naming the groups it is for', async () => {
    const note = parse((await get('/')).html).querySelector('.dev-note')!;
    expect(note.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining([
      '/restricted/leadership/plans/halvard-capital/', '/restricted/finance/plans/halvard-capital/', '/restricted/confidential/plans/project-juniper/']));
    const page = parse((await get('/restricted/finance/plans/halvard-capital/')).html);
    expect(page.querySelector('.area-banner')?.textContent).toContain('Finance area: restricted to the finance group; this plan is also in the areas of leadership.');
    expect(page.querySelector('.area-banner')?.textContent).toContain('npm run dev shows every area to the writer');
    expect(page.querySelector('h1')?.textContent).toBe('Halvard Capital Partners');
    expect(page.querySelector('.badge.info')?.textContent).toContain('Restricted: leadership, finance');
  }, 60_000);
});
